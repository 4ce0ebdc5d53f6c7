import type { FastifyBaseLogger } from 'fastify';
import type { Deps } from '../context.js';
import { kickFormInbox } from '../modules/forms/form-inbox.js';
import { kickImports } from '../modules/imports/import.job.js';
import { kickWebhookInbox } from '../modules/integrations/webhook-inbox.js';
import { escalateOverdue } from '../modules/routing/sla.service.js';
import { retrainDaily } from '../modules/scoring/predictive.service.js';
import { kickRescore, rescoreForDecay } from '../modules/scoring/scoring.runs.js';
import { HOUSEKEEPING_EVERY_MS, runHousekeeping } from './housekeeping.js';
import { REVISIT_CHECK_EVERY_MS, runRevisitCheck } from './revisits.js';
import { runTemperatureCheck, TEMPERATURE_CHECK_EVERY_MS } from './temperatures.js';

interface Job {
  name: string;
  everyMs: number;
  run: (deps: Deps) => Promise<unknown>;
}

/**
 * Recurring background work. Every job is idempotent and keeps its state in the database, so a
 * restart loses nothing and several instances may run the same job at once.
 */
export const JOBS: Job[] = [
  { name: 'housekeeping', everyMs: HOUSEKEEPING_EVERY_MS, run: runHousekeeping },
  { name: 'revisits', everyMs: REVISIT_CHECK_EVERY_MS, run: runRevisitCheck },
  { name: 'temperatures', everyMs: TEMPERATURE_CHECK_EVERY_MS, run: runTemperatureCheck },
  // Submissions left pending by a restart or stored by another instance; new ones are drained at once.
  { name: 'form-inbox', everyMs: 30_000, run: async (deps) => kickFormInbox(deps) },
  // Imports queued or left by a restart (their lease ran out); new ones start at once.
  { name: 'imports', everyMs: 5_000, run: async (deps) => kickImports(deps, true) },
  // Webhook events left pending by a restart or stored by another instance, like form-inbox.
  { name: 'webhook-inbox', everyMs: 30_000, run: async (deps) => kickWebhookInbox(deps) },
  // A rescore after a rule change left by a restart or another instance (its lease ran out).
  { name: 'rescore', everyMs: 30_000, run: async (deps) => kickRescore(deps) },
  // Behaviour points fade: a daily rescore brings totals and stages to today.
  { name: 'score-decay', everyMs: 3_600_000, run: rescoreForDecay },
  // Leads not contacted in time go to the team's manager (once per assignment).
  { name: 'sla-escalation', everyMs: 60_000, run: escalateOverdue },
  // The predictive model learns from the day's outcomes.
  { name: 'predictive-retrain', everyMs: 3_600_000, run: retrainDaily },
];

/** Runs each job now and then on its interval; returns a function that stops them. */
export function startJobs(deps: Deps, log: FastifyBaseLogger): () => void {
  const timers = JOBS.map((job) => {
    const tick = () => {
      job
        .run(deps)
        .catch((error: unknown) => log.error({ err: error, job: job.name }, 'background job failed'));
    };
    tick();
    return setInterval(tick, job.everyMs).unref();
  });
  return () => {
    for (const timer of timers) clearInterval(timer);
  };
}
