import type { Selectable } from 'kysely';
import type { Lead } from '../../../domain/leads/lead.js';
import type { DisqualifyReason, LeadStage } from '../../../domain/leads/stages.js';
import type { Temperature } from '../../../domain/leads/temperature.js';
import { searchTerms } from '../../../domain/search/search-key.js';
import type { Db, LeadsTable } from '../../db/database.js';
import { newId } from '../../db/ids.js';

type LeadRow = Selectable<LeadsTable>;

export function toLead(row: LeadRow, productIds: string[], tags: string[]): Lead {
  return {
    id: row.id,
    personId: row.person_id,
    organisationId: row.organisation_id,
    title: row.title,
    sourceId: row.source_id,
    sourceDetail: row.source_detail,
    campaignId: row.campaign_id,
    referredByPersonId: row.referred_by_person_id,
    ownerId: row.owner_id,
    teamId: row.team_id,
    timeframe: row.timeframe,
    stage: row.stage as LeadStage,
    stageChangedAt: row.stage_changed_at,
    disqualifyReason: row.disqualify_reason as DisqualifyReason | null,
    disqualifyNote: row.disqualify_note,
    revisitOn: row.revisit_on,
    competitor: row.competitor,
    score: Number(row.score),
    nextFollowUpAt: row.next_follow_up_at,
    lastActivityAt: row.last_activity_at,
    customFields: JSON.parse(row.custom_fields) as Record<string, unknown>,
    productIds,
    tags,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    deletedAt: row.deleted_at,
  };
}

function toRow(
  lead: Lead,
  searchText: string,
  temperature: Temperature,
): Omit<
  LeadRow,
  | 'id'
  | 'created_at'
  | 'created_by'
  | 'first_touch_id'
  | 'last_touch_id'
  | 'stage_by_person'
  | 'assigned_at'
  | 'first_response_due_at'
  | 'first_contact_at'
  | 'sla_escalated_at'
> {
  return {
    temperature,
    person_id: lead.personId,
    organisation_id: lead.organisationId,
    title: lead.title,
    source_id: lead.sourceId,
    source_detail: lead.sourceDetail,
    campaign_id: lead.campaignId,
    referred_by_person_id: lead.referredByPersonId,
    owner_id: lead.ownerId,
    team_id: lead.teamId,
    timeframe: lead.timeframe,
    stage: lead.stage,
    stage_changed_at: lead.stageChangedAt,
    disqualify_reason: lead.disqualifyReason,
    disqualify_note: lead.disqualifyNote,
    revisit_on: lead.revisitOn,
    competitor: lead.competitor,
    score: lead.score,
    next_follow_up_at: lead.nextFollowUpAt,
    last_activity_at: lead.lastActivityAt,
    custom_fields: JSON.stringify(lead.customFields),
    search_text: searchText,
    updated_at: lead.updatedAt,
    deleted_at: lead.deletedAt,
  };
}

/** A new lead's row (the bulk writer inserts many of these at once). */
export function leadInsertRow(lead: Lead, searchText: string, temperature: Temperature) {
  return {
    id: lead.id,
    created_at: lead.createdAt,
    created_by: lead.createdBy,
    ...toRow(lead, searchText, temperature),
  };
}

/** The rows of a lead's search terms. */
export function termRows(lead: TermOwner, searchText: string) {
  return searchTerms(searchText).map((term) => ({
    term,
    lead_id: lead.id,
    created_at: lead.createdAt,
    owner_id: lead.ownerId,
  }));
}

/** The rows of history entries. */
export function historyRows(entries: readonly HistoryEntry[]) {
  return entries.map((e) => ({
    id: newId(),
    lead_id: e.leadId,
    at: e.at,
    actor_id: e.actorId,
    channel: e.channel,
    field: e.field,
    from_value: e.from,
    to_value: e.to,
  }));
}

/**
 * Inserts or updates a lead with its products and tags (replacing both on update). `temperature` is
 * the one just written to its history (see the lead-temperature migration).
 */
export async function saveLead(
  db: Db,
  lead: Lead,
  searchText: string,
  isNew: boolean,
  temperature: Temperature,
): Promise<void> {
  const row = toRow(lead, searchText, temperature);
  if (isNew) {
    await db
      .insertInto('leads')
      .values(leadInsertRow(lead, searchText, temperature))
      .execute();
  } else {
    await db.updateTable('leads').set(row).where('id', '=', lead.id).execute();
    await db.deleteFrom('lead_products').where('lead_id', '=', lead.id).execute();
    await db.deleteFrom('lead_tags').where('lead_id', '=', lead.id).execute();
  }
  await setLeadTerms(db, lead, searchText, isNew);
  if (lead.productIds.length) {
    await db
      .insertInto('lead_products')
      .values(lead.productIds.map((product_id) => ({ lead_id: lead.id, product_id })))
      .execute();
  }
  if (lead.tags.length) {
    await db
      .insertInto('lead_tags')
      .values(lead.tags.map((tag) => ({ lead_id: lead.id, tag })))
      .execute();
  }
}

/**
 * The temperature last written to a lead's history (see the lead-temperature migration); with
 * `lock` (PostgreSQL) the row stays locked to the end of the transaction.
 */
export async function recordedTemperature(
  db: Db,
  id: string,
  lock: boolean,
): Promise<Temperature | undefined> {
  const query = db.selectFrom('leads').select('temperature').where('id', '=', id);
  const row = await (lock ? query.forUpdate() : query).executeTakeFirst();
  return row?.temperature as Temperature | undefined;
}

/** One lead with products and tags, deleted ones included (the caller decides). */
export async function findLead(db: Db, id: string): Promise<Lead | undefined> {
  const row = await db.selectFrom('leads').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const [products, tags] = await Promise.all([
    db.selectFrom('lead_products').select('product_id').where('lead_id', '=', id).execute(),
    db.selectFrom('lead_tags').select('tag').where('lead_id', '=', id).orderBy('tag').execute(),
  ]);
  return toLead(
    row,
    products.map((p) => p.product_id),
    tags.map((t) => t.tag),
  );
}

/** Other leads of the same person (their history stays visible when they come back). */
export async function leadsOfPerson(db: Db, personId: string): Promise<LeadRow[]> {
  return db
    .selectFrom('leads')
    .selectAll()
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(50)
    .execute();
}

export interface HistoryEntry {
  leadId: string;
  at: string;
  actorId: string | null;
  channel: string;
  field: 'stage' | 'owner' | 'temperature';
  from: string | null;
  to: string | null;
}

export async function addHistory(db: Db, entries: HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await db.insertInto('lead_history').values(historyRows(entries)).execute();
}

/** A lead's stage, owner and temperature changes, oldest first, with who made them (null: the system). */
export async function historyOf(
  db: Db,
  leadId: string,
): Promise<(HistoryEntry & { actorName: string | null })[]> {
  const rows = await db
    .selectFrom('lead_history')
    .leftJoin('users', 'users.id', 'lead_history.actor_id')
    .selectAll('lead_history')
    .select('users.name as actor_name')
    .where('lead_history.lead_id', '=', leadId)
    .orderBy('lead_history.at')
    .orderBy('lead_history.id')
    .execute();
  return rows.map((r) => ({
    actorName: r.actor_name,
    leadId: r.lead_id,
    at: r.at,
    actorId: r.actor_id,
    channel: r.channel,
    field: r.field as HistoryEntry['field'],
    from: r.from_value,
    to: r.to_value,
  }));
}

/** Which of these ids exist in a lookup table (sources, campaigns, products, users). */
export async function existingIds(
  db: Db,
  table: 'sources' | 'campaigns' | 'products',
  ids: readonly string[],
): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom(table).select('id').where('id', 'in', ids).execute();
  return new Set(rows.map((r) => r.id));
}

/** Touches the lead's last-activity time (never moving it backwards). */
export async function touchLastActivity(db: Db, leadId: string, at: string): Promise<void> {
  await db
    .updateTable('leads')
    .set({ last_activity_at: at })
    .where('id', '=', leadId)
    .where((eb) => eb.or([eb('last_activity_at', 'is', null), eb('last_activity_at', '<', at)]))
    .execute();
}

/** Moves a lead to the bin (a time) or back (null). */
export async function setDeletedAt(db: Db, id: string, deletedAt: string | null, now: string): Promise<void> {
  await db
    .updateTable('leads')
    .set({ deleted_at: deletedAt, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Writes a person's stage change and the fields that belong to it (scores never move the stage again). */
export async function saveLeadStage(db: Db, lead: Lead): Promise<void> {
  await db
    .updateTable('leads')
    .set({
      stage: lead.stage,
      stage_by_person: 1,
      stage_changed_at: lead.stageChangedAt,
      disqualify_reason: lead.disqualifyReason,
      disqualify_note: lead.disqualifyNote,
      revisit_on: lead.revisitOn,
      competitor: lead.competitor,
      updated_at: lead.updatedAt,
    })
    .where('id', '=', lead.id)
    .execute();
}

export async function campaignName(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('campaigns').select('name').where('id', '=', id).executeTakeFirst())?.name;
}

/** What a lead's search terms carry besides the word: its order and its owner (see the lead-terms migration). */
export interface TermOwner {
  id: string;
  createdAt: string;
  ownerId: string | null;
}

/**
 * Replaces a lead's search terms (always written with its search text, or its owner, by the same
 * call): every save of a lead passes here, so the owner the terms carry is the lead's.
 */
export async function setLeadTerms(
  db: Db,
  lead: TermOwner,
  searchText: string,
  isNew = false,
): Promise<void> {
  if (!isNew) await db.deleteFrom('lead_terms').where('lead_id', '=', lead.id).execute();
  const terms = termRows(lead, searchText);
  if (terms.length) await db.insertInto('lead_terms').values(terms).execute();
}
