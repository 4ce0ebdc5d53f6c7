import { type Selectable, sql } from 'kysely';
import type { WebhookMapping } from '../../../domain/integrations/mapping.js';
import type { WebhookPresetKind } from '../../../domain/integrations/presets.js';
import type { Db, IntegrationsTable, WebhookEventsTable } from '../../db/database.js';
import type { WebhookEventStatus } from './integrations.schemas.js';

/** An inbound webhook's settings. The secrets stay sealed (see secret-box.ts) until a signature is checked. */
export interface Integration {
  id: string;
  name: string;
  kind: WebhookPresetKind;
  active: boolean;
  secretEnc: string;
  secretPrevEnc: string | null;
  rotatedAt: string | null;
  mapping: WebhookMapping;
  sourceId: string | null;
  campaignId: string | null;
  ownerId: string | null;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

function toIntegration(row: Selectable<IntegrationsTable>): Integration {
  return {
    id: row.id,
    name: row.name,
    kind: row.kind as WebhookPresetKind,
    active: Number(row.active) === 1,
    secretEnc: row.secret_enc,
    secretPrevEnc: row.secret_prev_enc,
    rotatedAt: row.rotated_at,
    // why no re-check: only validateMapping's output is ever stored (integrations.service.ts).
    mapping: JSON.parse(row.mapping) as WebhookMapping,
    sourceId: row.source_id,
    campaignId: row.campaign_id,
    ownerId: row.owner_id,
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(i: Integration): Selectable<IntegrationsTable> {
  return {
    id: i.id,
    name: i.name,
    kind: i.kind,
    active: i.active ? 1 : 0,
    secret_enc: i.secretEnc,
    secret_prev_enc: i.secretPrevEnc,
    rotated_at: i.rotatedAt,
    mapping: JSON.stringify(i.mapping),
    source_id: i.sourceId,
    campaign_id: i.campaignId,
    owner_id: i.ownerId,
    created_by: i.createdBy,
    created_at: i.createdAt,
    updated_at: i.updatedAt,
  };
}

export async function insertIntegration(db: Db, integration: Integration): Promise<void> {
  await db.insertInto('integrations').values(toRow(integration)).execute();
}

/** Saves every setting and both secrets (a rotation is a save too). */
export async function saveIntegration(db: Db, integration: Integration): Promise<void> {
  const { id, created_at, created_by, ...rest } = toRow(integration);
  await db.updateTable('integrations').set(rest).where('id', '=', id).execute();
}

export async function findIntegration(db: Db, id: string): Promise<Integration | undefined> {
  const row = await db.selectFrom('integrations').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toIntegration(row) : undefined;
}

export async function listIntegrations(db: Db): Promise<Integration[]> {
  const rows = await db
    .selectFrom('integrations')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toIntegration);
}

export type EventCounts = Record<'pending' | 'processed' | 'failed' | 'test', number>;

const noEvents = (): EventCounts => ({ pending: 0, processed: 0, failed: 0, test: 0 });

export interface EventSummary {
  counts: EventCounts;
  /** The newest event: when it came and what became of it. */
  last: { receivedAt: string; status: string } | null;
}

/**
 * Events per status for each integration (processing counts as pending) and the newest one — two
 * queries for any number of integrations (the newest through the (integration, received) index).
 */
export async function eventSummaries(db: Db, integrationIds: string[]): Promise<Map<string, EventSummary>> {
  const out = new Map<string, EventSummary>(
    integrationIds.map((id) => [id, { counts: noEvents(), last: null }]),
  );
  if (!integrationIds.length) return out;
  const newest = await db
    .selectFrom('webhook_events')
    .select(['integration_id', 'received_at', 'status'])
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('integrations as i')
        .select((sub) =>
          sub
            .selectFrom('webhook_events as x')
            .select('x.id')
            .whereRef('x.integration_id', '=', 'i.id')
            .orderBy('x.received_at', 'desc')
            .orderBy('x.id', 'desc')
            .limit(1)
            .as('last_id'),
        )
        .where('i.id', 'in', integrationIds),
    )
    .execute();
  for (const r of newest) {
    const summary = out.get(r.integration_id);
    if (summary) summary.last = { receivedAt: r.received_at, status: r.status };
  }
  const counts = await eventCounts(db, integrationIds);
  for (const [id, c] of counts) {
    const summary = out.get(id);
    if (summary) summary.counts = c;
  }
  return out;
}

/** Events per status for each integration (processing counts as pending). */
async function eventCounts(db: Db, integrationIds: string[]): Promise<Map<string, EventCounts>> {
  const out = new Map(integrationIds.map((id) => [id, noEvents()]));
  const rows = await db
    .selectFrom('webhook_events')
    .select(['integration_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('integration_id', 'in', integrationIds)
    .groupBy(['integration_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.integration_id);
    const key = r.status === 'processing' ? 'pending' : r.status;
    if (counts && key in counts) counts[key as keyof EventCounts] += Number(r.n);
  }
  return out;
}

/** One event as received, and what became of it. */
export interface WebhookEvent {
  id: string;
  integrationId: string;
  eventId: string;
  status: WebhookEventStatus;
  /** The raw JSON text, as the sender signed it. */
  body: string;
  leadId: string | null;
  personId: string | null;
  attempts: number;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export function toWebhookEvent(row: Omit<Selectable<WebhookEventsTable>, 'lease_until'>): WebhookEvent {
  return {
    id: row.id,
    integrationId: row.integration_id,
    eventId: row.event_id,
    status: row.status as WebhookEventStatus,
    body: row.body,
    leadId: row.lead_id,
    personId: row.person_id,
    attempts: Number(row.attempts),
    error: row.error,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
  };
}

/**
 * Stores an event unless this integration already has one with the same event id — one
 * statement (`INSERT … ON CONFLICT DO NOTHING RETURNING`), so two deliveries racing each other
 * still store one. Returns the stored event's id and whether it was already there.
 */
export async function insertEvent(
  db: Db,
  e: Pick<WebhookEvent, 'id' | 'integrationId' | 'eventId' | 'status' | 'body' | 'receivedAt'>,
): Promise<{ id: string; duplicate: boolean }> {
  const inserted = await db
    .insertInto('webhook_events')
    .values({
      id: e.id,
      integration_id: e.integrationId,
      event_id: e.eventId,
      status: e.status,
      body: e.body,
      received_at: e.receivedAt,
    })
    .onConflict((oc) => oc.columns(['integration_id', 'event_id']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, duplicate: false };
  const existing = await db
    .selectFrom('webhook_events')
    .select('id')
    .where('integration_id', '=', e.integrationId)
    .where('event_id', '=', e.eventId)
    .executeTakeFirstOrThrow();
  return { id: existing.id, duplicate: true };
}

/** An integration's events without their bodies, newest first, keyset-paged on (received_at, id). */
export async function listEvents(
  db: Db,
  integrationId: string,
  q: { status?: string | undefined; limit: number; before?: { at: string; id: string } | undefined },
): Promise<WebhookEvent[]> {
  let query = db
    .selectFrom('webhook_events')
    .select([
      'id',
      'integration_id',
      'event_id',
      'status',
      'lead_id',
      'person_id',
      'attempts',
      'error',
      'received_at',
      'processed_at',
      // why: bodies run to 256 KiB each; a list of 200 needs none of them.
      sql<string>`''`.as('body'),
    ])
    .where('integration_id', '=', integrationId);
  // why: "pending" means not yet a lead, as in the counts — an event being processed is one of them
  if (q.status === 'pending') query = query.where('status', 'in', ['pending', 'processing']);
  else if (q.status) query = query.where('status', '=', q.status);
  const cursor = q.before;
  if (cursor) {
    query = query.where((eb) => eb(eb.refTuple('received_at', 'id'), '<', eb.tuple(cursor.at, cursor.id)));
  }
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map(toWebhookEvent);
}
