import { touchesOfSubmission } from '../../../domain/capture/attribution.js';
import { originAllowed, quarantineReasons, tokenReason } from '../../../domain/capture/spam.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import {
  formDefinitionProblems,
  type Lang,
  type LocalText,
  type RenderedField,
  readSubmission,
  type SubmittedValues,
} from '../../../domain/forms/form-fields.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import { assertMarketing, checkDelivery, normaliseOrigins } from '../capture/channel-settings.js';
import { customFieldChoices, renderedFields } from './form-fields.query.js';
import { checkRenderToken, ipHash, MinuteCounter, renderToken } from './form-guards.js';
import { kickFormInbox } from './form-inbox.js';
import {
  type Form,
  findForm,
  findSubmission,
  insertForm,
  insertSubmission,
  listForms as listFormRows,
  listSubmissions as listSubmissionRows,
  type Submission,
  type SubmissionCounts,
  updateForm as saveForm,
  setSubmissionStatus,
  submissionCounts,
} from './forms.repository.js';
import type { CreateFormInput, FormDto, SubmissionDto, UpdateFormInput } from './forms.schemas.js';

const DEFAULT_TEXTS: { submitLabel: LocalText; thankYou: LocalText } = {
  submitLabel: { lt: 'Siųsti', en: 'Send' },
  thankYou: { lt: 'Ačiū! Netrukus su jumis susisieksime.', en: 'Thank you! We will be in touch soon.' },
};
/** A name a form-filling bot is keen on, while no real field is called so. */
const HONEYPOT_NAME = 'website_url';
/** Soft limit: more from one address within a minute still gets stored, in quarantine. */
export const BURST_PER_MINUTE = 3;

function toDto(form: Form, counts: SubmissionCounts, appOrigin: string): FormDto {
  const script = `${appOrigin}/embed/forms/${form.id}.js`;
  return {
    id: form.id,
    name: form.name,
    status: form.status,
    kind: form.kind,
    defaultLanguage: form.defaultLanguage,
    fields: form.fields,
    consent: form.consent,
    submitLabel: form.submitLabel,
    thankYou: form.thankYou,
    redirectUrl: form.redirectUrl,
    sourceId: form.sourceId,
    campaignId: form.campaignId,
    ownerId: form.ownerId,
    allowedOrigins: form.allowedOrigins,
    minFillSeconds: form.minFillSeconds,
    maxPerMinute: form.maxPerMinute,
    honeypotName: form.honeypotName,
    version: form.version,
    embed: {
      script: `<script src="${script}" async></script>`,
      iframe: `<iframe src="${appOrigin}/embed/forms/${form.id}" title="${escapeAttr(form.name)}" style="width:100%;min-height:520px;border:0"></iframe>`,
      tracker: `<script src="${appOrigin}/embed/tracker.js" async></script>`,
    },
    counts,
    createdAt: form.createdAt,
    updatedAt: form.updatedAt,
  };
}

function escapeAttr(text: string): string {
  return text.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A form's definition, and where its leads go (see `checkDelivery`). */
async function checkForm(db: Db, caller: ActorContext, form: Form, ownerChanged: boolean): Promise<void> {
  const v = new Validation();
  for (const e of formDefinitionProblems(form.fields, form.consent, await customFieldChoices(db))) {
    v.add(e.field, e.code);
  }
  await checkDelivery(db, caller, form, ownerChanged, v);
  v.throwIfAny();
}

export async function createForm(
  deps: Deps,
  caller: ActorContext,
  input: CreateFormInput,
  appOrigin: string,
): Promise<FormDto> {
  assertMarketing(caller, 'create', 'forms');
  const now = deps.now().toISOString();
  const form: Form = {
    id: newId(),
    name: input.name.trim(),
    status: input.status ?? 'active',
    kind: input.kind ?? 'standard',
    defaultLanguage: input.defaultLanguage ?? 'lt',
    fields: input.fields,
    consent: input.consent ?? null,
    submitLabel: input.submitLabel ?? DEFAULT_TEXTS.submitLabel,
    thankYou: input.thankYou ?? DEFAULT_TEXTS.thankYou,
    redirectUrl: input.redirectUrl ?? null,
    sourceId: input.sourceId ?? null,
    campaignId: input.campaignId ?? null,
    ownerId: input.ownerId ?? null,
    allowedOrigins: normaliseOrigins(input.allowedOrigins ?? []),
    minFillSeconds: input.minFillSeconds ?? 3,
    maxPerMinute: input.maxPerMinute ?? 600,
    honeypotName: HONEYPOT_NAME,
    version: 1,
    createdBy: caller.user.id,
    createdAt: now,
    updatedAt: now,
  };
  return deps.db.transaction().execute(async (trx) => {
    await checkForm(trx, caller, form, true);
    await insertForm(trx, form);
    await recordAudit(trx, caller, {
      entityType: 'form',
      entityId: form.id,
      action: 'create',
      after: form,
      at: now,
    });
    return toDto(form, { processed: 0, quarantined: 0, pending: 0, failed: 0 }, appOrigin);
  });
}

export async function updateForm(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: UpdateFormInput,
  appOrigin: string,
): Promise<FormDto> {
  assertMarketing(caller, 'update', 'forms');
  const now = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await findForm(trx, id);
    if (!before) throw new AppError('not_found', 'No such form');
    const after: Form = {
      ...before,
      ...input,
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.allowedOrigins !== undefined
        ? { allowedOrigins: normaliseOrigins(input.allowedOrigins) }
        : {}),
      version: before.version + 1,
      updatedAt: now,
    };
    await checkForm(trx, caller, after, after.ownerId !== before.ownerId);
    await saveForm(trx, after);
    await recordUpdate(trx, caller, 'form', id, { before, after, keys: Object.keys(input), at: now });
    const counts = (await submissionCounts(trx, [id])).get(id);
    return toDto(after, counts ?? { processed: 0, quarantined: 0, pending: 0, failed: 0 }, appOrigin);
  });
}

export async function listForms(deps: Deps, caller: ActorContext, appOrigin: string): Promise<FormDto[]> {
  assertMarketing(caller, 'read', 'forms');
  const forms = await listFormRows(deps.db);
  const counts = await submissionCounts(
    deps.db,
    forms.map((f) => f.id),
  );
  return forms.map((f) =>
    toDto(f, counts.get(f.id) ?? { processed: 0, quarantined: 0, pending: 0, failed: 0 }, appOrigin),
  );
}

export async function getForm(
  deps: Deps,
  caller: ActorContext,
  id: string,
  appOrigin: string,
): Promise<FormDto> {
  assertMarketing(caller, 'read', 'forms');
  const form = await findForm(deps.db, id);
  if (!form) throw new AppError('not_found', 'No such form');
  const counts = (await submissionCounts(deps.db, [id])).get(id);
  return toDto(form, counts ?? { processed: 0, quarantined: 0, pending: 0, failed: 0 }, appOrigin);
}

/** An active form, or 404 (a draft or archived form looks missing from outside). */
async function activeForm(db: Db, id: string): Promise<Form> {
  const form = await findForm(db, id);
  if (form?.status !== 'active') throw new AppError('not_found', 'No such form');
  return form;
}

/** What the embed script renders: the form with its texts, and a fresh render token. */
export async function embedConfig(deps: Deps, id: string, appOrigin: string) {
  const form = await activeForm(deps.db, id);
  const fields = await renderedFields(deps.db, form.fields);
  return {
    formId: form.id,
    endpoint: `${appOrigin}/api/public/forms/${form.id}/submissions`,
    token: renderToken(deps.config.sessionSecret, form.id, deps.now().getTime()),
    honeypot: form.honeypotName,
    defaultLanguage: form.defaultLanguage,
    fields,
    consent: form.consent ? { required: form.consent.required, text: form.consent.text } : null,
    submitLabel: form.submitLabel,
    thankYou: form.thankYou,
    redirectUrl: form.redirectUrl,
    allowedOrigins: form.allowedOrigins,
    name: form.name,
  };
}

/** How long the public endpoint trusts a form it read (a change shows within this time). */
const PUBLIC_FORM_TTL_MS = 2000;
const publicForms = new Map<string, { at: number; form: Form; fields: RenderedField[] }>();

/**
 * An active form and its rendered fields, read at most every 2 s per form: a flood of submissions
 * costs one INSERT each, not four queries. Several instances each keep their own copy.
 */
async function publicForm(
  deps: Deps,
  id: string,
  nowMs: number,
): Promise<{ form: Form; fields: RenderedField[] }> {
  const cached = publicForms.get(id);
  if (cached && nowMs - cached.at < PUBLIC_FORM_TTL_MS && nowMs >= cached.at) return cached;
  const form = await activeForm(deps.db, id);
  const entry = { at: nowMs, form, fields: await renderedFields(deps.db, form.fields) };
  if (publicForms.size > 1000) publicForms.clear();
  publicForms.set(id, entry);
  return entry;
}

export interface SubmissionMeta {
  ip: string;
  origin: string | undefined;
  referer: string | undefined;
  userAgent: string | undefined;
  appOrigin: string;
}

/** Per-process counters for the public endpoint (see MinuteCounter). */
const counters = { perForm: new MinuteCounter(), perAddress: new MinuteCounter() };

/**
 * A visitor's submission: refused with every field problem at once (nothing stored), or stored
 * — in the inbox, or in quarantine when a spam signal fires — and acknowledged. The lead is made
 * by the inbox worker right after; a retry with the same client id is stored once.
 */
export async function submitForm(
  deps: Deps,
  id: string,
  values: SubmittedValues,
  meta: SubmissionMeta,
): Promise<{ id: string; status: 'stored' | 'quarantined' }> {
  const nowMs = deps.now().getTime();
  const { form, fields } = await publicForm(deps, id, nowMs);
  const perForm = counters.perForm.hit(form.id, nowMs);
  if (perForm.count > form.maxPerMinute) {
    throw new AppError('rate_limited', 'This form is receiving too many submissions; try again shortly', {
      retryAfterSeconds: perForm.retryAfterSeconds,
    });
  }
  const address = ipHash(deps.config.sessionSecret, meta.ip);
  const perAddress = counters.perAddress.hit(`${form.id}|${address}`, nowMs);
  if (perAddress.count > deps.config.formRateLimit) {
    throw new AppError('rate_limited', 'Too many submissions from your address; try again shortly', {
      retryAfterSeconds: perAddress.retryAfterSeconds,
    });
  }
  const { lead, errors } = readSubmission(fields, form.consent, form.honeypotName, values);
  if (errors.length) throw new AppError('validation', 'The submission has errors', { errors });
  const honeypot = values[form.honeypotName];
  const reasons = quarantineReasons({
    honeypotFilled: typeof honeypot === 'string' ? honeypot.trim() !== '' : Array.isArray(honeypot),
    token: tokenReason(
      checkRenderToken(deps.config.sessionSecret, form.id, values._t),
      nowMs,
      form.minFillSeconds,
    ),
    originAllowed: originAllowed(form.allowedOrigins, meta.appOrigin, meta.origin, meta.referer),
    burst: perAddress.count > BURST_PER_MINUTE,
  });
  const receivedAt = new Date(nowMs).toISOString();
  const own: SubmittedValues = {};
  for (const f of fields) if (values[f.name] !== undefined) own[f.name] = values[f.name] as string | string[];
  const lang =
    typeof values._lang === 'string' && (values._lang === 'lt' || values._lang === 'en')
      ? values._lang
      : null;
  const clientId =
    typeof values._cid === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(values._cid) ? values._cid : null;
  const visitorId =
    typeof values._vid === 'string' && /^[A-Za-z0-9-]{8,64}$/.test(values._vid) ? values._vid : null;
  const stored = await insertSubmission(deps.db, {
    id: newId(),
    formId: form.id,
    formVersion: form.version,
    clientId,
    status: reasons.length ? 'quarantined' : 'pending',
    reasons,
    payload: {
      values: own,
      touches: touchesOfSubmission(values, receivedAt, meta.referer),
      visitorId,
      language: lang as Lang | null,
      consent: lead.consent,
      referralToken: typeof values._ref === 'string' ? values._ref.slice(0, 100) : null,
    },
    ipHash: address,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    origin: (meta.origin ?? meta.referer ?? '').slice(0, 300) || null,
    receivedAt,
  });
  if (stored.status === 'pending') kickFormInbox(deps);
  return { id: stored.id, status: stored.status === 'quarantined' ? 'quarantined' : 'stored' };
}

function submissionDto(s: Submission): SubmissionDto {
  return {
    id: s.id,
    formId: s.formId,
    status: s.status,
    reasons: s.reasons,
    values: s.payload.values,
    origin: s.origin,
    userAgent: s.userAgent,
    leadId: s.leadId,
    error: s.error,
    receivedAt: s.receivedAt,
    processedAt: s.processedAt,
  };
}

export async function listSubmissions(
  deps: Deps,
  caller: ActorContext,
  formId: string,
  q: { status?: string | undefined; limit?: number | undefined; before?: string | undefined },
): Promise<{ items: SubmissionDto[]; nextCursor: string | null }> {
  assertMarketing(caller, 'read', 'forms');
  if (!(await findForm(deps.db, formId))) throw new AppError('not_found', 'No such form');
  const limit = q.limit ?? 50;
  const [at, sid] = (q.before ?? '').split('|');
  const rows = await listSubmissionRows(deps.db, formId, {
    status: q.status,
    limit,
    before: at && sid ? { at, id: sid } : undefined,
  });
  const last = rows.at(-1);
  return {
    items: rows.map(submissionDto),
    nextCursor: rows.length === limit && last ? `${last.receivedAt}|${last.id}` : null,
  };
}

/** A person's verdict on a quarantined submission: release it to the inbox, or delete it. */
export async function reviewSubmission(
  deps: Deps,
  caller: ActorContext,
  id: string,
  verdict: 'release' | 'delete',
): Promise<SubmissionDto> {
  assertMarketing(caller, 'update', 'forms');
  const now = deps.now().toISOString();
  const done = await deps.db.transaction().execute(async (trx) => {
    const before = await findSubmission(trx, id);
    if (!before) throw new AppError('not_found', 'No such submission');
    const to = verdict === 'release' ? 'pending' : 'deleted';
    if (!(await setSubmissionStatus(trx, id, 'quarantined', to, caller.user.id))) {
      throw new AppError(
        'conflict',
        `Only a quarantined submission can be ${verdict}d (this one is ${before.status})`,
      );
    }
    await recordAudit(trx, caller, {
      entityType: 'form_submission',
      entityId: id,
      action: verdict,
      before: { status: before.status },
      after: { status: to },
      at: now,
    });
    return { ...before, status: to as Submission['status'] };
  });
  if (verdict === 'release') kickFormInbox(deps);
  return submissionDto(done);
}
