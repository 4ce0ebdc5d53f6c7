import { mayConfigure } from '../../../domain/access/policy.js';
import { AppError } from '../../../domain/errors/app-error.js';
import { emailKind } from '../../../domain/scoring/facts.js';
import {
  type Example,
  featuresOf,
  fitAndEvaluate,
  type Model,
  probability,
  type Quality,
  topFactors,
} from '../../../domain/scoring/predictive.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { jsonColumn } from '../../db/json-column.js';

/** The most recent outcomes a training reads: enough for the model, bounded in time and memory. */
export const MAX_EXAMPLES = 20_000;
const DAY_MS = 86_400_000;

/** What was known of these leads when they arrived, as the model's features. */
async function featureRows(db: Db, where: { leadId: string } | { outcomes: number }) {
  let q = db
    .selectFrom('leads')
    .leftJoin('people', 'people.id', 'leads.person_id')
    .leftJoin('organisations', 'organisations.id', 'leads.organisation_id')
    .leftJoin('sources', 'sources.id', 'leads.source_id')
    .select([
      'leads.id',
      'leads.stage',
      'leads.person_id',
      'sources.key as source_key',
      'people.job_title',
      'people.country',
      'organisations.size',
      'organisations.industry',
    ])
    .where('leads.deleted_at', 'is', null);
  q =
    'leadId' in where
      ? q.where('leads.id', '=', where.leadId)
      : q
          .where('leads.stage', 'in', ['converted', 'disqualified'])
          .orderBy('leads.stage_changed_at', 'desc')
          .limit(where.outcomes);
  const rows = await q.execute();
  if (rows.length === 0) return [];
  const out = [];
  for (let i = 0; i < rows.length; i += 500) {
    const part = rows.slice(i, i + 500);
    const personIds = [...new Set(part.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
    const emails = personIds.length
      ? await db
          .selectFrom('person_emails')
          .select(['person_id', 'email', 'position'])
          .where('person_id', 'in', personIds)
          .orderBy('position')
          .execute()
      : [];
    const phones = personIds.length
      ? await db.selectFrom('person_phones').select('person_id').where('person_id', 'in', personIds).execute()
      : [];
    // the temperature the lead arrived with: its first history entry (later changes are the calendar's or a person's)
    const temperatures = await db
      .selectFrom('lead_history')
      .select(['lead_id', 'to_value'])
      .where(
        'lead_id',
        'in',
        part.map((r) => r.id),
      )
      .where('field', '=', 'temperature')
      .where('from_value', 'is', null)
      .execute();
    const firstEmail = new Map<string, string>();
    for (const e of emails) if (!firstEmail.has(e.person_id)) firstEmail.set(e.person_id, e.email);
    const withPhone = new Set(phones.map((p) => p.person_id));
    const temperature = new Map(temperatures.map((t) => [t.lead_id, t.to_value]));
    for (const r of part)
      out.push({
        id: r.id,
        converted: r.stage === 'converted',
        features: featuresOf({
          sourceKey: r.source_key,
          emailKind: emailKind(r.person_id ? firstEmail.get(r.person_id) : null),
          jobTitle: r.job_title,
          organisationSize: r.size,
          industry: r.industry,
          country: r.country,
          hasPhone: r.person_id ? withPhone.has(r.person_id) : false,
          temperatureAtCreation: temperature.get(r.id) ?? null,
        }),
      });
  }
  return out;
}

/** Trains on the organisation's outcomes and keeps the result (the model only when it is useful). */
export async function trainPredictive(deps: Deps): Promise<Quality> {
  const examples: Example[] = await featureRows(deps.db, { outcomes: MAX_EXAMPLES });
  const { model, quality } = fitAndEvaluate(examples);
  await deps.db
    .insertInto('predictive_models')
    .values({
      id: newId(),
      trained_at: deps.now().toISOString(),
      status: quality.status,
      quality_json: JSON.stringify(quality),
      model_json: model ? JSON.stringify(model) : null,
    })
    .execute();
  return quality;
}

async function latest(db: Db) {
  return db
    .selectFrom('predictive_models')
    .selectAll()
    .orderBy('trained_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

/** The model's quality, or why it is not used (never trained, too little history, no better than chance). */
export async function predictiveQuality(deps: Deps, caller: ActorContext) {
  if (!mayConfigure(caller.actor, 'read'))
    throw new AppError('forbidden', 'Only admins, marketers and managers see the model');
  const row = await latest(deps.db);
  if (!row) return { status: 'never_trained' as const, trainedAt: null, quality: null };
  return {
    status: row.status as Quality['status'],
    trainedAt: row.trained_at,
    quality: jsonColumn<Quality | null>(row.quality_json, null),
  };
}

export async function retrainNow(deps: Deps, caller: ActorContext) {
  if (!mayConfigure(caller.actor, 'change'))
    throw new AppError('forbidden', 'Only admins and marketers retrain the model');
  await trainPredictive(deps);
  return predictiveQuality(deps, caller);
}

/** A lead's conversion probability and what moved it most, when a useful model exists. */
export async function predictionFor(db: Db, leadId: string) {
  const row = await latest(db);
  const model = row?.status === 'ok' ? jsonColumn<Model | null>(row.model_json, null) : null;
  if (!model) return null;
  const [lead] = await featureRows(db, { leadId });
  if (!lead) return null;
  return {
    probability: probability(model, lead.features),
    factors: topFactors(model, lead.features).map((f) => ({
      feature: f.feature,
      weight: Math.round(f.weight * 100) / 100,
    })),
  };
}

/** Retrains when the newest model is a day old (the job ticks hourly; a restart does not retrain early). */
export async function retrainDaily(deps: Deps): Promise<boolean> {
  const row = await latest(deps.db);
  if (row && deps.now().getTime() - Date.parse(row.trained_at) < DAY_MS) return false;
  await trainPredictive(deps);
  return true;
}
