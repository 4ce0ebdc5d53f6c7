import type { Static } from 'typebox';
import { type AppError, Validation } from '../../../domain/errors/app-error.js';
import { type Lead, normaliseTags, timeframeOf } from '../../../domain/leads/lead.js';
import type { ActorContext, Caller, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { assertVisible } from '../../db/scope.js';
import { insertActivity } from '../activities/activities.repository.js';
import { recordUpdate } from '../audit/audit.repository.js';
import { checkCustomValues, mergeCustomValues } from '../custom-fields/custom-values.js';
import { findOrganisations } from '../organisations/organisations.repository.js';
import { visibleCandidates } from '../people/people.query.service.js';
import { findPeople } from '../people/people.repository.js';
import type { DuplicateCandidate } from '../people/people.schemas.js';
import { duplicatesOfOrganisation, duplicatesOfPerson } from '../people/people.service.js';
import { startSlaClocks } from '../routing/sla.service.js';
import { rescoreLeads } from '../scoring/scoring.write.js';
import { createLeadBatched } from './lead-create-batch.js';
import { LeadPlanner, writeLeadPlans } from './lead-plan.js';
import {
  checkReferences,
  checkReferrer,
  resolveOwner,
  temperatureClock,
  timeframeFrom,
  visibleLead,
} from './lead-rules.js';
import {
  addHistory,
  findLead,
  type HistoryEntry,
  historyOf,
  recordedTemperature,
  saveLead,
} from './leads.repository.js';
import type {
  CreatedLeadBatch,
  CreateLeadInput,
  LeadDto,
  LeadHistoryEntryDto,
  UpdateLeadInput,
} from './leads.schemas.js';
import { historyOfChange, leadDto, leadSearchText, systemEvent } from './leads.view.js';

/** What `createLeadIn` made: the lead, and the duplicate candidates its identity raised. */
export interface CreatedLead {
  lead: Lead;
  personCreated: boolean;
  duplicates: DuplicateCandidate[];
}

/**
 * The one write path for a new lead (UI, API and later forms, chat, import): validates everything
 * at once, resolves the person and organisation (a known e-mail or company code reuses the
 * identity), and writes the lead, its history, a timeline entry and the audit row in one transaction.
 * Creates that arrive together are written together (`lead-create-batch.ts`); each still fails alone.
 */
export async function createLead(deps: Deps, caller: ActorContext, input: CreateLeadInput): Promise<LeadDto> {
  return createLeadBatched(deps, caller, input);
}

/** `createLead` in one transaction of its own. */
export async function createLeadAlone(
  deps: Deps,
  caller: ActorContext,
  input: CreateLeadInput,
): Promise<LeadDto> {
  return deps.db
    .transaction()
    .execute(async (trx) => createdLeadDto(deps, trx, caller, await createLeadIn(trx, deps, caller, input)));
}

/** A created lead as its creator is answered: with the duplicate candidates they may see. */
export async function createdLeadDto(
  deps: Deps,
  db: Db,
  caller: ActorContext,
  created: CreatedLead,
): Promise<LeadDto> {
  return leadDto(deps, db, created.lead, await visibleCandidates(db, caller, created.duplicates));
}

/**
 * `createLead` inside the caller's transaction, for a person acting or a capture channel (a form,
 * chat, webhook) acting for nobody: then the owner is the one the channel's settings name — kept
 * only while that user is active, else the lead waits unassigned — and the audit names the channel.
 */
export async function createLeadIn(
  trx: Db,
  deps: Deps,
  caller: Caller,
  input: CreateLeadInput,
  options: CreateOptions = {},
): Promise<CreatedLead> {
  const [created] = await createLeadsIn(trx, deps, caller, [input], options);
  if (!created) throw new Error('no plan');
  if ('error' in created) throw created.error;
  return created;
}

interface CreateOptions {
  duplicates?: boolean;
  scoreAndRoute?: boolean;
}

/**
 * Several creates by one caller in the caller's transaction: planned together (a person twice in
 * the list is one person), written in multi-row inserts, scored and routed in one pass. A create
 * that does not validate comes back as its error, and nothing of it is written.
 */
export async function createLeadsIn(
  trx: Db,
  deps: Deps,
  caller: Caller,
  inputs: readonly CreateLeadInput[],
  options: CreateOptions = {},
): Promise<(CreatedLead | { error: AppError })[]> {
  const planned = await new LeadPlanner(trx, deps, caller).plan(inputs);
  const plans = planned.flatMap((p) => (p.ok ? [p.plan] : []));
  await writeLeadPlans(trx, caller, plans, { scoreAndRoute: options.scoreAndRoute ?? true });
  // why: only a person creating a lead is shown the candidates; a capture channel skips the queries.
  const wanted = options.duplicates ?? true;
  const out: (CreatedLead | { error: AppError })[] = [];
  // one by one, a create could not be told of people and organisations the later ones make
  const madeAt = new Map<string, number>();
  for (const [k, p] of planned.entries())
    if (p.ok) {
      if (p.plan.newPerson) madeAt.set(p.plan.newPerson.person.id, k);
      if (p.plan.newOrganisation) madeAt.set(p.plan.newOrganisation.id, k);
    }
  for (const [k, p] of planned.entries()) {
    if (!p.ok) {
      const v = new Validation();
      v.errors.push(...p.errors);
      out.push({ error: v.error() as AppError });
      continue;
    }
    const { plan } = p;
    const personDuplicates =
      wanted && plan.newPerson ? await duplicatesOfPerson(trx, plan.newPerson.person) : [];
    const orgDuplicates =
      wanted && plan.newOrganisation ? await duplicatesOfOrganisation(trx, plan.newOrganisation) : [];
    out.push({
      lead: plan.lead,
      personCreated: plan.newPerson !== null,
      duplicates: [...personDuplicates, ...orgDuplicates].filter((d) => (madeAt.get(d.id) ?? -1) < k),
    });
  }
  return out;
}

/**
 * Many leads in one request (`POST /leads/batch`): all or none. Every create is validated first;
 * if any fails, nothing is written and the answer names each bad field as `leads.{index}.{field}`.
 * Otherwise they are written, scored and routed together as the API's single creates would be,
 * and come back in order with what the server decided (owner, score, stage).
 */
export async function createLeadBatch(
  deps: Deps,
  caller: ActorContext,
  inputs: readonly CreateLeadInput[],
): Promise<CreatedLeadSummary[]> {
  return deps.db.transaction().execute(async (trx) => {
    const planned = await new LeadPlanner(trx, deps, caller).plan(inputs);
    const v = new Validation();
    for (const [i, p] of planned.entries())
      if (!p.ok) v.errors.push(...p.errors.map((e) => ({ ...e, field: `leads.${i}.${e.field}` })));
    v.throwIfAny();
    const plans = planned.flatMap((p) => (p.ok ? [p.plan] : []));
    await writeLeadPlans(trx, caller, plans);
    return plans.map(({ lead, newPerson, temperature }) => ({
      id: lead.id,
      personId: lead.personId,
      organisationId: lead.organisationId,
      personCreated: newPerson !== null,
      ownerId: lead.ownerId,
      teamId: lead.teamId,
      stage: lead.stage,
      score: lead.score,
      temperature: temperature as CreatedLeadSummary['temperature'],
    }));
  });
}

export type CreatedLeadSummary = Static<typeof CreatedLeadBatch>['items'][number];

/** The history of a lead the caller may see (also from the bin), oldest first. */
export async function leadHistory(
  deps: Deps,
  caller: ActorContext,
  id: string,
): Promise<LeadHistoryEntryDto[]> {
  assertVisible(caller.actor, 'lead', await findLead(deps.db, id));
  return (await historyOf(deps.db, id)).map((h) => ({
    at: h.at,
    field: h.field,
    from: h.from,
    to: h.to,
    actorId: h.actorId,
    actorName: h.actorName,
    channel: h.channel,
  }));
}

/** One lead, also from the bin (its `deletedAt` says so), so it can be looked at and restored. */
export async function getLead(deps: Deps, caller: ActorContext, id: string): Promise<LeadDto> {
  const lead = assertVisible(caller.actor, 'lead', await findLead(deps.db, id));
  return leadDto(deps, deps.db, lead);
}

/** Changes a lead's own fields; owner and temperature changes go to its history. */
export async function updateLead(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: UpdateLeadInput,
): Promise<LeadDto> {
  const v = new Validation();
  const timeframe = timeframeFrom(input.timeframe, v);
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await visibleLead(trx, caller.actor, id, 'update');
    const owner =
      input.ownerId === undefined ? undefined : await resolveOwner(trx, caller.actor, input.ownerId, v);
    await checkReferences(trx, input, v);
    await checkReferrer(trx, caller.actor, input.referredByPersonId, v);
    const custom = await checkCustomValues(trx, 'lead', input.customFields, v);
    v.throwIfAny();
    const after: Lead = {
      ...before,
      ...(input.title !== undefined ? { title: input.title.trim() || before.title } : {}),
      ...(timeframe !== undefined ? { timeframe } : {}),
      ...(input.sourceId !== undefined ? { sourceId: input.sourceId } : {}),
      ...(input.sourceDetail !== undefined ? { sourceDetail: input.sourceDetail?.trim() || null } : {}),
      ...(input.campaignId !== undefined ? { campaignId: input.campaignId } : {}),
      ...(input.referredByPersonId !== undefined ? { referredByPersonId: input.referredByPersonId } : {}),
      ...(input.productIds !== undefined ? { productIds: input.productIds } : {}),
      ...(input.tags !== undefined ? { tags: normaliseTags(input.tags) } : {}),
      ...(input.nextFollowUpAt !== undefined ? { nextFollowUpAt: input.nextFollowUpAt } : {}),
      ...(input.customFields !== undefined
        ? { customFields: mergeCustomValues(before.customFields, custom) }
        : {}),
      ...(owner ?? {}),
      updatedAt: now,
    };
    const people = after.personId ? await findPeople(trx, [after.personId]) : new Map();
    const orgs = after.organisationId ? await findOrganisations(trx, [after.organisationId]) : new Map();
    const orgName = (after.organisationId && orgs.get(after.organisationId)?.name) || null;
    const clock = await temperatureClock(deps, trx);
    // Locked, so the temperature job cannot move it between this read and the save below.
    const recorded = await recordedTemperature(trx, id, deps.dialect === 'postgres');
    const calendar = clock.of(timeframeOf(before.timeframe));
    const temperature = clock.of(timeframeOf(after.timeframe));
    await saveLead(
      trx,
      after,
      leadSearchText(after.personId ? people.get(after.personId) : undefined, orgName, after.title),
      false,
      temperature,
    );
    const history = historyOfChange(caller, id, now);
    // What the calendar changed since the last entry is the system's, not this caller's.
    const drift: HistoryEntry[] =
      recorded && recorded !== calendar
        ? [
            {
              leadId: id,
              at: now,
              actorId: null,
              channel: 'system',
              field: 'temperature',
              from: recorded,
              to: calendar,
            },
          ]
        : [];
    await addHistory(trx, [
      ...history('owner', before.ownerId, after.ownerId),
      ...drift,
      ...history('temperature', calendar, temperature),
    ]);
    if (before.ownerId !== after.ownerId && after.ownerId)
      await startSlaClocks(trx, now, [{ id, ownerId: after.ownerId, temperature }]);
    if (before.ownerId !== after.ownerId) {
      await insertActivity(
        trx,
        systemEvent(caller, after, now, { event: 'owner_changed', from: before.ownerId, to: after.ownerId }),
      );
    }
    const keys = Object.keys(input);
    await recordUpdate(trx, caller, 'lead', id, { before, after, keys, at: now });
    Object.assign(after, (await rescoreLeads(trx, now, [id])).get(id) ?? {});
    return leadDto(deps, trx, after);
  });
}
