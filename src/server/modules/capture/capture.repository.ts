import { sql } from 'kysely';
import type { Touch } from '../../../domain/capture/attribution.js';
import { OPEN_STAGES } from '../../../domain/leads/stages.js';
import type { CaptureContext } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';

/**
 * PostgreSQL: waits for the transaction-scoped advisory lock of each identity — e-mail keys and
 * company codes — (in one order, so two callers never wait on each other), held until the
 * transaction ends. Two captures of one new e-mail or company — two chats, a chat and the form
 * inbox, two lanes of a drain, two instances — then match one after the other, and the second finds
 * the person, open lead or organisation the first made. SQLite has one writer at a time.
 */
export async function lockIdentities(
  db: Db,
  postgres: boolean,
  ids: { emailKeys: readonly string[]; companyCodes: readonly string[] },
): Promise<void> {
  if (!postgres) return;
  const names = [
    ...ids.emailKeys.map((key) => `piltuvas:capture-email:${key}`),
    ...ids.companyCodes.map((code) => `piltuvas:capture-company:${code}`),
  ];
  for (const name of [...new Set(names)].sort()) {
    await sql`select pg_advisory_xact_lock(hashtext(${name}))`.execute(db);
  }
}

/** Stores one touch of a lead (and its person); returns its id. */
export async function insertTouch(
  db: Db,
  caller: CaptureContext,
  ref: { leadId: string; personId: string | null; visitorId: string | null },
  touch: Touch,
  at: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('touches')
    .values({
      id,
      lead_id: ref.leadId,
      person_id: ref.personId,
      channel: caller.channel,
      origin_kind: caller.origin.kind,
      origin_id: caller.origin.id,
      utm_source: touch.utmSource,
      utm_medium: touch.utmMedium,
      utm_campaign: touch.utmCampaign,
      utm_term: touch.utmTerm,
      utm_content: touch.utmContent,
      gclid: touch.gclid,
      fbclid: touch.fbclid,
      referrer: touch.referrer,
      landing_page: touch.landingPage,
      visitor_id: ref.visitorId,
      occurred_at: touch.occurredAt,
      created_at: at,
    })
    .execute();
  return id;
}

/** Points a lead at its first (only when it has none) and latest touch. */
export async function setLeadTouches(
  db: Db,
  leadId: string,
  touches: { first: string | null; last: string },
  at: string,
): Promise<void> {
  if (touches.first) {
    await db
      .updateTable('leads')
      .set({ first_touch_id: touches.first })
      .where('id', '=', leadId)
      .where('first_touch_id', 'is', null)
      .execute();
  }
  await db
    .updateTable('leads')
    .set({ last_touch_id: touches.last, last_activity_at: at })
    .where('id', '=', leadId)
    .execute();
}

/** The latest open, live lead of a person, if any: where a known person's new submission goes. */
export async function openLeadOf(
  db: Db,
  personId: string,
): Promise<{ id: string; personId: string } | undefined> {
  const row = await db
    .selectFrom('leads')
    .select(['id', 'person_id'])
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .where('stage', 'in', [...OPEN_STAGES])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.id, personId: personId } : undefined;
}

export interface ConsentRecord {
  personId: string;
  purpose: string;
  granted: boolean;
  wording: string;
  language: string | null;
  ipHash: string | null;
}

export async function insertConsent(
  db: Db,
  caller: CaptureContext,
  c: ConsentRecord,
  at: string,
): Promise<void> {
  await db
    .insertInto('consents')
    .values({
      id: newId(),
      person_id: c.personId,
      purpose: c.purpose,
      granted: c.granted ? 1 : 0,
      wording: c.wording,
      language: c.language,
      channel: caller.channel,
      origin_kind: caller.origin.kind,
      origin_id: caller.origin.id,
      ip_hash: c.ipHash,
      captured_at: at,
    })
    .execute();
}

/** A stored touch: the attribution plus through which channel and origin it came. */
export interface TouchRow extends Touch {
  id: string;
  channel: string;
  originKind: string | null;
  originId: string | null;
}

/** A lead's touches, oldest first, with which of them are its first and last. */
export async function touchesOfLead(
  db: Db,
  leadId: string,
): Promise<{ touches: TouchRow[]; firstId: string | null; lastId: string | null }> {
  const lead = await db
    .selectFrom('leads')
    .select(['first_touch_id', 'last_touch_id'])
    .where('id', '=', leadId)
    .executeTakeFirst();
  const rows = await db
    .selectFrom('touches')
    .selectAll()
    .where('lead_id', '=', leadId)
    .orderBy('occurred_at')
    .orderBy('id')
    .limit(200)
    .execute();
  return {
    firstId: lead?.first_touch_id ?? null,
    lastId: lead?.last_touch_id ?? null,
    touches: rows.map((r) => ({
      id: r.id,
      channel: r.channel,
      originKind: r.origin_kind,
      originId: r.origin_id,
      utmSource: r.utm_source,
      utmMedium: r.utm_medium,
      utmCampaign: r.utm_campaign,
      utmTerm: r.utm_term,
      utmContent: r.utm_content,
      gclid: r.gclid,
      fbclid: r.fbclid,
      referrer: r.referrer,
      landingPage: r.landing_page,
      occurredAt: r.occurred_at,
    })),
  };
}
