import type { Selectable } from 'kysely';
import type { QuarantineReason } from '../../../domain/capture/spam.js';
import type { FormConsent, FormField, Lang, LocalText } from '../../../domain/forms/form-fields.js';
import type { Db, FormSubmissionsTable, FormsTable } from '../../db/database.js';

export interface Form {
  id: string;
  name: string;
  status: 'draft' | 'active' | 'archived';
  kind: 'standard' | 'referral';
  defaultLanguage: Lang;
  fields: FormField[];
  consent: FormConsent | null;
  submitLabel: LocalText;
  thankYou: LocalText;
  redirectUrl: string | null;
  sourceId: string | null;
  campaignId: string | null;
  ownerId: string | null;
  allowedOrigins: string[];
  minFillSeconds: number;
  maxPerMinute: number;
  honeypotName: string;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

function toForm(row: Selectable<FormsTable>): Form {
  const texts = JSON.parse(row.texts) as { submitLabel: LocalText; thankYou: LocalText };
  return {
    id: row.id,
    name: row.name,
    status: row.status as Form['status'],
    kind: row.kind as Form['kind'],
    defaultLanguage: row.default_language as Lang,
    fields: JSON.parse(row.fields) as FormField[],
    consent: row.consent ? (JSON.parse(row.consent) as FormConsent) : null,
    submitLabel: texts.submitLabel,
    thankYou: texts.thankYou,
    redirectUrl: row.redirect_url,
    sourceId: row.source_id,
    campaignId: row.campaign_id,
    ownerId: row.owner_id,
    allowedOrigins: JSON.parse(row.allowed_origins) as string[],
    minFillSeconds: Number(row.min_fill_seconds),
    maxPerMinute: Number(row.max_per_minute),
    honeypotName: row.honeypot_name,
    version: Number(row.version),
    createdBy: row.created_by,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toRow(f: Form): Selectable<FormsTable> {
  return {
    id: f.id,
    name: f.name,
    status: f.status,
    kind: f.kind,
    default_language: f.defaultLanguage,
    fields: JSON.stringify(f.fields),
    consent: f.consent ? JSON.stringify(f.consent) : null,
    texts: JSON.stringify({ submitLabel: f.submitLabel, thankYou: f.thankYou }),
    redirect_url: f.redirectUrl,
    source_id: f.sourceId,
    campaign_id: f.campaignId,
    owner_id: f.ownerId,
    allowed_origins: JSON.stringify(f.allowedOrigins),
    min_fill_seconds: f.minFillSeconds,
    max_per_minute: f.maxPerMinute,
    honeypot_name: f.honeypotName,
    version: f.version,
    created_by: f.createdBy,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
  };
}

export async function insertForm(db: Db, form: Form): Promise<void> {
  await db.insertInto('forms').values(toRow(form)).execute();
}

export async function updateForm(db: Db, form: Form): Promise<void> {
  const { id, created_at, created_by, ...rest } = toRow(form);
  await db.updateTable('forms').set(rest).where('id', '=', id).execute();
}

export async function findForm(db: Db, id: string): Promise<Form | undefined> {
  const row = await db.selectFrom('forms').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toForm(row) : undefined;
}

export async function listForms(db: Db): Promise<Form[]> {
  const rows = await db
    .selectFrom('forms')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toForm);
}

export type SubmissionCounts = Record<'processed' | 'quarantined' | 'pending' | 'failed', number>;

/** Submissions per status for each form (processing counts as pending). */
export async function submissionCounts(db: Db, formIds: string[]): Promise<Map<string, SubmissionCounts>> {
  const out = new Map<string, SubmissionCounts>();
  for (const id of formIds) out.set(id, { processed: 0, quarantined: 0, pending: 0, failed: 0 });
  if (!formIds.length) return out;
  const rows = await db
    .selectFrom('form_submissions')
    .select(['form_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .where('form_id', 'in', formIds)
    .groupBy(['form_id', 'status'])
    .execute();
  for (const r of rows) {
    const counts = out.get(r.form_id);
    if (!counts) continue;
    const key = r.status === 'processing' ? 'pending' : r.status;
    if (key in counts) counts[key as keyof SubmissionCounts] += Number(r.n);
  }
  return out;
}

/** What the inbox keeps of a submission until the worker makes it a lead. */
export interface SubmissionPayload {
  values: Record<string, string | string[]>;
  /** Touches as the server parsed them at receipt. */
  touches: unknown;
  visitorId: string | null;
  language: Lang | null;
  consent: boolean;
  referralToken: string | null;
}

export interface Submission {
  id: string;
  formId: string;
  formVersion: number;
  clientId: string | null;
  status: typeof import('./forms.schemas.js').SUBMISSION_STATUSES[number];
  reasons: QuarantineReason[];
  payload: SubmissionPayload;
  ipHash: string | null;
  userAgent: string | null;
  origin: string | null;
  leadId: string | null;
  personId: string | null;
  attempts: number;
  error: string | null;
  receivedAt: string;
  processedAt: string | null;
}

export function toSubmission(row: Selectable<FormSubmissionsTable>): Submission {
  return {
    id: row.id,
    formId: row.form_id,
    formVersion: Number(row.form_version),
    clientId: row.client_id,
    status: row.status as Submission['status'],
    reasons: JSON.parse(row.reasons) as QuarantineReason[],
    payload: JSON.parse(row.payload) as SubmissionPayload,
    ipHash: row.ip_hash,
    userAgent: row.user_agent,
    origin: row.origin,
    leadId: row.lead_id,
    personId: row.person_id,
    attempts: Number(row.attempts),
    error: row.error,
    receivedAt: row.received_at,
    processedAt: row.processed_at,
  };
}

/**
 * Stores a submission; a retry with the same client id (the embed script resends after a
 * network error or a 429) finds the one already stored instead: `{ id, status, inserted }`.
 */
export async function insertSubmission(
  db: Db,
  s: Omit<Submission, 'leadId' | 'personId' | 'attempts' | 'error' | 'processedAt'>,
): Promise<{ id: string; status: string; inserted: boolean }> {
  const inserted = await db
    .insertInto('form_submissions')
    .values({
      id: s.id,
      form_id: s.formId,
      form_version: s.formVersion,
      client_id: s.clientId,
      status: s.status,
      reasons: JSON.stringify(s.reasons),
      payload: JSON.stringify(s.payload),
      ip_hash: s.ipHash,
      user_agent: s.userAgent,
      origin: s.origin,
      received_at: s.receivedAt,
    })
    .onConflict((oc) => oc.columns(['form_id', 'client_id']).where('client_id', 'is not', null).doNothing())
    .returning(['id', 'status'])
    .executeTakeFirst();
  if (inserted) return { ...inserted, inserted: true };
  const existing = await db
    .selectFrom('form_submissions')
    .select(['id', 'status'])
    .where('form_id', '=', s.formId)
    .where('client_id', '=', s.clientId)
    .executeTakeFirstOrThrow();
  return { ...existing, inserted: false };
}

export async function findSubmission(db: Db, id: string): Promise<Submission | undefined> {
  const row = await db.selectFrom('form_submissions').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toSubmission(row) : undefined;
}

/** A form's submissions, newest first, one status or all but the deleted ones. */
export async function listSubmissions(
  db: Db,
  formId: string,
  q: { status?: string | undefined; limit: number; before?: { at: string; id: string } | undefined },
): Promise<Submission[]> {
  let query = db.selectFrom('form_submissions').selectAll().where('form_id', '=', formId);
  query = q.status ? query.where('status', '=', q.status) : query.where('status', '!=', 'deleted');
  if (q.before) {
    const { at, id } = q.before;
    query = query.where((eb) =>
      eb.or([eb('received_at', '<', at), eb.and([eb('received_at', '=', at), eb('id', '<', id)])]),
    );
  }
  const rows = await query.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(q.limit).execute();
  return rows.map(toSubmission);
}

/** Moves a submission between review states; false when it was not in `from`. */
export async function setSubmissionStatus(
  db: Db,
  id: string,
  from: string,
  to: string,
  reviewedBy: string | null,
): Promise<boolean> {
  const res = await db
    .updateTable('form_submissions')
    .set({ status: to, reviewed_by: reviewedBy, lease_until: null })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
