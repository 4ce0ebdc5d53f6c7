import { inScope, scopeFor } from '../../../domain/access/policy.js';
import {
  type CustomFieldDefinition,
  validateCustomValues,
} from '../../../domain/custom-fields/validate-values.js';
import { AppError, type FieldError } from '../../../domain/errors/app-error.js';
import type { ImportMatch, RowDecision } from '../../../domain/imports/outcome.js';
import { decideRow, mergeForUpdate } from '../../../domain/imports/outcome.js';
import type { MappedRow, MappedRowResult } from '../../../domain/imports/row.js';
import { emailKey, normalisePhone } from '../../../domain/people/contact-keys.js';
import type { Person } from '../../../domain/people/person.js';
import type { ActorContext, Deps } from '../../context.js';
import { insertMany } from '../../db/bulk.js';
import type { Db } from '../../db/database.js';
import { checkAgainst } from '../../plugins/validation.js';
import { activityRow } from '../activities/activities.repository.js';
import { upsertMember, upsertMembers } from '../campaigns/campaign-members.repository.js';
import type { MemberStatus } from '../campaigns/campaigns.schemas.js';
import { type LeadPlan, LeadPlanner, writeLeadPlans } from '../leads/lead-plan.js';
import { CreateLeadBody, type CreateLeadInput } from '../leads/leads.schemas.js';
import { findPeople, peopleMatching } from '../people/people.repository.js';
import { changePersonIn } from '../people/person-edit.service.js';
import type { Import, LedgerRow, RowProblem } from './imports.repository.js';
import { insertExternalId, peopleByExternalId, seenKeys } from './imports.repository.js';
import type { SourceRecord } from './source-reader.js';

/** Rows kept as samples of each outcome (the dry run's preview). */
export const SAMPLES_PER_OUTCOME = 20;

const checkLeadInput = checkAgainst(CreateLeadBody);

/** The write path's field names as the import's (the mapping screen and the report use these). */
function importField(field: string): string {
  if (field.startsWith('person.emails')) return 'person.email';
  if (field.startsWith('person.phones')) return 'person.phone';
  if (field.startsWith('customFields.')) return `cf.${field.slice('customFields.'.length)}`;
  if (field.startsWith('person.') || field.startsWith('organisation.')) return field;
  if (field === 'person') return 'person.lastName';
  return `lead.${field}`;
}

const YES = new Set(['1', 'true', 'yes', 'taip', 'y', 't']);
const NO = new Set(['0', 'false', 'no', 'ne', 'n', 'f']);

/** A CSV cell as the custom field's type wants it; what cannot be read stays text (and is refused). */
function customValue(def: CustomFieldDefinition | undefined, text: string): unknown {
  if (!def) return text;
  switch (def.type) {
    case 'number': {
      const n = Number(text.replace(/\s/g, '').replace(',', '.'));
      return Number.isFinite(n) ? n : text;
    }
    case 'boolean':
      return YES.has(text.toLowerCase()) ? true : NO.has(text.toLowerCase()) ? false : text;
    case 'multiselect':
      return text
        .split(/[;,]/)
        .map((v) => v.trim())
        .filter(Boolean);
    default:
      return text;
  }
}

/** A mapped row as the lead write path's input, with the import's source, campaign and owner. */
export function leadInputOf(
  row: MappedRow,
  imp: Import,
  defs: readonly CustomFieldDefinition[],
): CreateLeadInput {
  const p = row.person;
  const o = row.organisation;
  const custom: Record<string, unknown> = {};
  for (const [key, text] of Object.entries(row.customFields)) {
    custom[key] = customValue(
      defs.find((d) => d.key === key),
      text,
    );
  }
  return {
    person: {
      ...(p.firstName ? { firstName: p.firstName } : {}),
      ...(p.lastName ? { lastName: p.lastName } : {}),
      ...(p.email ? { emails: [p.email] } : {}),
      ...(p.phone ? { phones: [p.phone] } : {}),
      ...(p.jobTitle ? { jobTitle: p.jobTitle } : {}),
      ...(p.city ? { city: p.city } : {}),
      ...(p.country ? { country: p.country.toUpperCase() } : {}),
    },
    ...(o.name
      ? {
          organisation: {
            name: o.name,
            ...(o.companyCode ? { companyCode: o.companyCode } : {}),
            ...(o.website ? { website: o.website } : {}),
          },
        }
      : {}),
    ...(row.lead.title ? { title: row.lead.title } : {}),
    ...(row.lead.timeframe ? { timeframe: row.lead.timeframe } : {}),
    ...(row.lead.sourceDetail ? { sourceDetail: row.lead.sourceDetail } : {}),
    ...(row.lead.tags?.length ? { tags: row.lead.tags } : {}),
    ...(imp.sourceId ? { sourceId: imp.sourceId } : {}),
    ...(imp.campaignId ? { campaignId: imp.campaignId } : {}),
    ...(imp.ownerId ? { ownerId: imp.ownerId } : {}),
    ...(Object.keys(custom).length ? { customFields: custom } : {}),
  };
}

/**
 * A row's phone in E.164 (null: none, or not a phone), read in the row's country as the write path
 * stores it — once per row: the checks, the identity keys, the matching and the update all use it.
 */
function phoneOf(row: MappedRow): string | null {
  const p = row.person;
  return p.phone ? normalisePhone(p.phone, (p.country?.toUpperCase() as 'LT' | undefined) ?? 'LT') : null;
}

/** Everything the write path would refuse in a row, before anything is written (`phone`: `phoneOf`). */
function rowProblems(
  input: CreateLeadInput,
  defs: readonly CustomFieldDefinition[],
  phone: string | null,
): FieldError[] {
  const errors = checkLeadInput(input);
  const person = input.person ?? {};
  const email = person.emails?.[0];
  if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
    errors.push({ field: 'person.emails.0', code: 'invalid_format', message: '' });
  const written = person.phones?.[0];
  if (written && phone === null) {
    errors.push({ field: 'person.phones.0', code: 'invalid_format', message: '' });
  }
  if (!person.firstName && !person.lastName && !email && !written && !input.organisation) {
    errors.push({ field: 'person', code: 'required', message: '' });
  }
  if (input.timeframe && input.timeframe !== 'now' && !/^\d{4}-\d{2}-\d{2}$/.test(input.timeframe)) {
    errors.push({ field: 'timeframe', code: 'invalid_format', message: '' });
  }
  if (input.customFields) {
    const checked = validateCustomValues(defs, input.customFields);
    if (!checked.ok) errors.push(...checked.errors);
  }
  return errors;
}

/**
 * The identity keys that make a later row of the file a repeat of an earlier one: the e-mail (the
 * write path's own identity key), another system's record id, and the phone when the import matches
 * on phone — an office number shared by two people does not make them one otherwise.
 */
function keysOf(
  row: MappedRow,
  phone: string | null,
  system: string,
  match: readonly ImportMatch[],
): { email?: string; phone?: string; external?: string } {
  return {
    ...(row.person.email ? { email: `e:${emailKey(row.person.email)}` } : {}),
    ...(phone && match.includes('phone') ? { phone: `p:${phone}` } : {}),
    ...(row.externalId ? { external: `x:${system}:${row.externalId}` } : {}),
  };
}

export interface BatchContext {
  deps: Deps;
  caller: ActorContext;
  imp: Import;
  defs: readonly CustomFieldDefinition[];
  compiled: (cells: readonly string[]) => MappedRowResult;
  /** Outcomes already counted (for how many samples are still wanted). */
  counted: Record<LedgerRow['outcome'], number>;
}

export interface BatchResult {
  ledger: LedgerRow[];
  problems: RowProblem[];
  keys: { key: string; rowNo: number }[];
}

/** A row the write path refused after all (its transaction must roll back and the batch rerun without it). */
export class RowRefused extends Error {
  constructor(
    readonly rowNo: number,
    readonly errors: FieldError[],
  ) {
    super(`row ${rowNo} refused`);
  }
}

interface Match {
  personId: string | null;
  ambiguous: boolean;
}

async function matchPeople(
  trx: Db,
  order: readonly ImportMatch[],
  rows: { row: MappedRow; phone: string | null }[],
  system: string,
) {
  const emails = rows.flatMap(({ row }) => (row.person.email ? [emailKey(row.person.email)] : []));
  const phones = rows.flatMap(({ phone }) => (phone ? [phone] : []));
  const found = await peopleMatching(trx, {
    emailKeys: order.includes('email') ? emails : [],
    phones: order.includes('phone') ? phones : [],
  });
  const byEmail = new Map<string, string>();
  const byPhone = new Map<string, Set<string>>();
  for (const f of found) {
    if (f.kind === 'email') byEmail.set(f.value, f.personId);
    else byPhone.set(f.value, (byPhone.get(f.value) ?? new Set()).add(f.personId));
  }
  const externals = order.includes('external_id')
    ? await peopleByExternalId(
        trx,
        system,
        rows.flatMap(({ row }) => (row.externalId ? [row.externalId] : [])),
      )
    : new Map<string, string>();
  return ({ row, phone }: { row: MappedRow; phone: string | null }): Match => {
    for (const key of order) {
      if (key === 'email' && row.person.email) {
        const id = byEmail.get(emailKey(row.person.email));
        if (id) return { personId: id, ambiguous: false };
      }
      if (key === 'phone' && phone) {
        const ids = byPhone.get(phone);
        // why: a phone shared by two people (an office, a family) never decides on its own.
        if (ids && ids.size > 1) return { personId: null, ambiguous: true };
        const id = ids?.values().next().value;
        if (id) return { personId: id, ambiguous: false };
      }
      if (key === 'external_id' && row.externalId) {
        const id = externals.get(row.externalId);
        if (id) return { personId: id, ambiguous: false };
      }
    }
    return { personId: null, ambiguous: false };
  };
}

/** The person's own fields an import may change, flat, as `mergeForUpdate` compares them. */
function personFlat(p: Person): Record<string, unknown> {
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    jobTitle: p.jobTitle,
    city: p.city,
    country: p.country,
    phone: p.phones[0] ?? null,
    email: p.emails[0] ?? null,
  };
}

function incomingFlat(row: MappedRow, phone: string | null): Record<string, unknown> {
  const p = row.person;
  return {
    firstName: p.firstName,
    lastName: p.lastName,
    jobTitle: p.jobTitle,
    city: p.city,
    country: p.country?.toUpperCase(),
    phone: phone ?? undefined,
    email: p.email?.toLowerCase(),
  };
}

/**
 * One batch of rows, inside the caller's transaction: each row rejected (with every reason),
 * skipped, updated or created through the one write path — or, in a dry run, only decided.
 * Returns the ledger, the problems and the identity keys to write with the batch.
 */
export async function processBatch(
  trx: Db,
  ctx: BatchContext,
  records: SourceRecord[],
  refused: Map<number, FieldError[]>,
): Promise<BatchResult> {
  const { imp, deps, caller } = ctx;
  const system = imp.externalSystem ?? 'import';
  const out: BatchResult = { ledger: [], problems: [], keys: [] };
  const now = deps.now().toISOString();
  const add = (
    r: SourceRecord,
    outcome: LedgerRow['outcome'],
    extra: Partial<LedgerRow> = {},
    sample?: unknown,
  ) => {
    const n = ctx.counted[outcome]++;
    out.ledger.push({
      rowNo: r.rowNo,
      line: r.line,
      outcome,
      leadId: null,
      personId: null,
      organisationId: null,
      createdPerson: false,
      createdOrganisation: false,
      before: null,
      sample: n < SAMPLES_PER_OUTCOME && sample ? (sample as Record<string, unknown>) : null,
      ...extra,
    });
  };
  const reject = (r: SourceRecord, errors: { field: string; code: string }[], values?: unknown) => {
    const named = errors.map((e) => ({ field: e.field === '*' ? '*' : importField(e.field), code: e.code }));
    for (const e of named)
      out.problems.push({ rowNo: r.rowNo, line: r.line, field: e.field, code: e.code, value: null });
    add(r, 'rejected', {}, { values, errors: named });
  };

  // 1. Map and check every row; what is left is matched in one go.
  const candidates: {
    r: SourceRecord;
    row: MappedRow;
    phone: string | null;
    input: CreateLeadInput;
    keys: ReturnType<typeof keysOf>;
  }[] = [];
  for (const r of records) {
    if (r.problem) {
      reject(r, [{ field: '*', code: r.problem }]);
      continue;
    }
    const mapped = ctx.compiled(r.cells);
    if (mapped.errors.length) {
      reject(r, mapped.errors, mapped.values);
      continue;
    }
    const input = leadInputOf(mapped.values, imp, ctx.defs);
    const phone = phoneOf(mapped.values);
    const errors = refused.get(r.rowNo) ?? rowProblems(input, ctx.defs, phone);
    if (errors.length) {
      reject(r, errors, mapped.values);
      continue;
    }
    candidates.push({
      r,
      row: mapped.values,
      phone,
      input,
      keys: keysOf(mapped.values, phone, system, imp.match),
    });
  }
  const allKeys = candidates.flatMap((c) => Object.values(c.keys));
  const earlier = await seenKeys(trx, imp.id, allKeys);
  const match = await matchPeople(trx, imp.match, candidates, system);
  const scope = scopeFor(caller.actor, 'lead');
  const inBatch = new Set<string>();
  const creates: typeof candidates = [];

  // 2. Decide and write, in file order.
  for (const c of candidates) {
    const keys = Object.values(c.keys);
    if (keys.some((k) => earlier.has(k) || inBatch.has(k))) {
      out.problems.push({
        rowNo: c.r.rowNo,
        line: c.r.line,
        field: '*',
        code: 'duplicate_in_file',
        value: null,
      });
      add(c.r, 'skipped', {}, { values: c.row, reason: 'duplicate_in_file' });
      continue;
    }
    for (const k of keys) {
      inBatch.add(k);
      out.keys.push({ key: k, rowNo: c.r.rowNo });
    }
    const m = match(c);
    if (m.ambiguous) {
      out.problems.push({
        rowNo: c.r.rowNo,
        line: c.r.line,
        field: 'person.phone',
        code: 'ambiguous_match',
        value: null,
      });
      add(c.r, 'skipped', {}, { values: c.row, reason: 'ambiguous_match' });
      continue;
    }
    const decision: RowDecision = decideRow(imp.mode, m.personId !== null);
    if (decision === 'skip') {
      add(c.r, 'skipped', { personId: m.personId }, { values: c.row, reason: 'exists' });
      continue;
    }
    if (decision === 'create') {
      if (imp.dryRun) add(c.r, 'created', {}, { values: c.row });
      else creates.push(c);
      continue;
    }
    // update / update_empty of a matched person the uploader may see (never someone else's record)
    const person = (await findPeople(trx, [m.personId as string])).get(m.personId as string);
    const visible = person && (await personVisible(trx, scope, person.id));
    if (!person || !visible) {
      out.problems.push({ rowNo: c.r.rowNo, line: c.r.line, field: '*', code: 'not_visible', value: null });
      add(c.r, 'skipped', {}, { values: c.row, reason: 'not_visible' });
      continue;
    }
    const changes = mergeForUpdate(personFlat(person), incomingFlat(c.row, c.phone), decision);
    if (Object.keys(changes).length === 0) {
      add(c.r, 'skipped', { personId: person.id }, { values: c.row, reason: 'no_change' });
      continue;
    }
    const before: Record<string, unknown> = {};
    for (const key of Object.keys(changes))
      before[key] = { from: personFlat(person)[key] ?? null, to: changes[key] };
    if (!imp.dryRun) await updateRow(trx, ctx, person, changes, c.r.rowNo, c.row, now);
    add(c.r, 'updated', { personId: person.id, before }, { values: c.row, changes });
  }
  await createRows(trx, ctx, creates, now, { add, reject, out });
  return out;
}

/**
 * The batch's new leads, through the one write path in bulk: planned together (one lookup per
 * identity key for the whole batch), written with multi-row inserts. A row the write path refuses
 * after all is rejected with its reasons and gives back the identity keys it had claimed.
 */
async function createRows(
  trx: Db,
  ctx: BatchContext,
  creates: readonly { r: SourceRecord; row: MappedRow; input: CreateLeadInput }[],
  now: string,
  sink: {
    add: (
      r: SourceRecord,
      outcome: LedgerRow['outcome'],
      extra: Partial<LedgerRow>,
      sample?: unknown,
    ) => void;
    reject: (r: SourceRecord, errors: { field: string; code: string }[], values?: unknown) => void;
    out: BatchResult;
  },
): Promise<void> {
  if (creates.length === 0) return;
  const planner = new LeadPlanner(trx, ctx.deps, ctx.caller, {
    organisationByDomain: ctx.imp.match.includes('company'),
  });
  const planned = await planner.plan(creates.map((c) => c.input));
  const written: { c: (typeof creates)[number]; plan: LeadPlan }[] = [];
  const refused = new Set<number>();
  creates.forEach((c, i) => {
    const p = planned[i];
    if (p?.ok) written.push({ c, plan: p.plan });
    else {
      refused.add(c.r.rowNo);
      sink.reject(c.r, p?.errors ?? [], c.row);
    }
  });
  if (refused.size) sink.out.keys = sink.out.keys.filter((k) => !refused.has(k.rowNo));
  await writeLeadPlans(
    trx,
    ctx.caller,
    written.map((w) => w.plan),
  );
  const system = ctx.imp.externalSystem ?? 'import';
  const notes = [];
  const externals = [];
  const members = [];
  for (const { c, plan } of written) {
    const { lead } = plan;
    const personId = lead.personId;
    if (c.row.lead.note) {
      notes.push(
        activityRow({
          leadId: lead.id,
          personId,
          type: 'note',
          subject: null,
          body: c.row.lead.note,
          occurredAt: now,
          dueAt: null,
          doneAt: null,
          assigneeId: null,
          data: { importId: ctx.imp.id },
          channel: 'import',
          createdBy: ctx.caller.user.id,
          at: now,
        }),
      );
    }
    if (c.row.externalId && personId) {
      externals.push({ system, external_id: c.row.externalId, person_id: personId, created_at: now });
    }
    if (ctx.imp.campaignId && personId) {
      members.push({
        campaignId: ctx.imp.campaignId,
        personId,
        leadId: lead.id,
        status: (ctx.imp.memberStatus ?? 'registered') as MemberStatus,
        at: now,
      });
    }
    sink.add(
      c.r,
      'created',
      {
        leadId: lead.id,
        personId,
        organisationId: lead.organisationId,
        createdPerson: plan.newPerson !== null,
        createdOrganisation: plan.newOrganisation !== null,
      },
      { values: c.row },
    );
  }
  await insertMany(trx, 'activities', notes);
  await insertMany(trx, 'external_ids', externals, { doNothingOn: ['system', 'external_id'] });
  await upsertMembers(trx, members);
}

async function personVisible(
  trx: Db,
  scope: ReturnType<typeof scopeFor>,
  personId: string,
): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  const leads = await trx
    .selectFrom('leads')
    .select(['owner_id', 'team_id'])
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .execute();
  return leads.some((l) => inScope(scope, { ownerId: l.owner_id, teamId: l.team_id }));
}

async function updateRow(
  trx: Db,
  ctx: BatchContext,
  person: Person,
  changes: Record<string, unknown>,
  rowNo: number,
  row: MappedRow,
  now: string,
): Promise<void> {
  const { email, phone, ...own } = changes as Record<string, string | undefined>;
  const input = {
    ...own,
    ...(email ? { emails: [email, ...person.emails.filter((e) => e !== email)] } : {}),
    ...(phone ? { phones: [phone, ...person.phones.filter((p) => p !== phone)] } : {}),
  };
  try {
    await changePersonIn(trx, ctx.deps, ctx.caller, person, input);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation') throw new RowRefused(rowNo, error.errors);
    throw error;
  }
  if (row.externalId)
    await insertExternalId(trx, ctx.imp.externalSystem ?? 'import', row.externalId, person.id, now);
  if (ctx.imp.campaignId) {
    await upsertMember(trx, {
      campaignId: ctx.imp.campaignId,
      personId: person.id,
      leadId: null,
      status: (ctx.imp.memberStatus ?? 'registered') as MemberStatus,
      at: now,
    });
  }
}
