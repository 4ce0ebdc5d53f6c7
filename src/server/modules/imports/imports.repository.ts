import { type Selectable, sql } from 'kysely';
import type { ImportMatch, ImportMode } from '../../../domain/imports/outcome.js';
import { insertMany } from '../../db/bulk.js';
import type { Db, ImportsTable } from '../../db/database.js';

export type ImportStatus =
  | 'queued'
  | 'running'
  | 'previewed'
  | 'done'
  | 'failed'
  | 'cancelled'
  | 'undoing'
  | 'undone';

export interface Import {
  id: string;
  createdBy: string;
  status: ImportStatus;
  dryRun: boolean;
  fileName: string;
  fileKind: 'csv' | 'xlsx';
  fileSize: number;
  encoding: 'utf-8' | 'windows-1257' | null;
  delimiter: ',' | ';' | '\t' | null;
  header: string[] | null;
  mapping: Record<string, string | null>;
  match: ImportMatch[];
  mode: ImportMode;
  sourceId: string | null;
  campaignId: string | null;
  memberStatus: string | null;
  externalSystem: string | null;
  ownerId: string | null;
  totalRows: number | null;
  rowsDone: number;
  bytesDone: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
  leaseOwner: string | null;
  leaseUntil: string | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  undoneAt: string | null;
  updatedAt: string;
}

function toImport(r: Selectable<ImportsTable>): Import {
  return {
    id: r.id,
    createdBy: r.created_by,
    status: r.status as ImportStatus,
    dryRun: Number(r.dry_run) === 1,
    fileName: r.file_name,
    fileKind: r.file_kind as Import['fileKind'],
    fileSize: Number(r.file_size),
    encoding: r.encoding as Import['encoding'],
    delimiter: r.delimiter as Import['delimiter'],
    header: r.header ? (JSON.parse(r.header) as string[]) : null,
    mapping: JSON.parse(r.mapping) as Record<string, string | null>,
    match: JSON.parse(r.match) as ImportMatch[],
    mode: r.mode as ImportMode,
    sourceId: r.source_id,
    campaignId: r.campaign_id,
    memberStatus: r.member_status,
    externalSystem: r.external_system,
    ownerId: r.owner_id,
    totalRows: r.total_rows === null ? null : Number(r.total_rows),
    rowsDone: Number(r.rows_done),
    bytesDone: Number(r.bytes_done),
    created: Number(r.created),
    updated: Number(r.updated),
    skipped: Number(r.skipped),
    rejected: Number(r.rejected),
    leaseOwner: r.lease_owner,
    leaseUntil: r.lease_until,
    error: r.error,
    createdAt: r.created_at,
    startedAt: r.started_at,
    finishedAt: r.finished_at,
    undoneAt: r.undone_at,
    updatedAt: r.updated_at,
  };
}

export async function insertImport(db: Db, i: Import): Promise<void> {
  await db
    .insertInto('imports')
    .values({
      id: i.id,
      created_by: i.createdBy,
      status: i.status,
      dry_run: i.dryRun ? 1 : 0,
      file_name: i.fileName,
      file_kind: i.fileKind,
      file_size: i.fileSize,
      encoding: i.encoding,
      delimiter: i.delimiter,
      header: i.header ? JSON.stringify(i.header) : null,
      mapping: JSON.stringify(i.mapping),
      match: JSON.stringify(i.match),
      mode: i.mode,
      source_id: i.sourceId,
      campaign_id: i.campaignId,
      member_status: i.memberStatus,
      external_system: i.externalSystem,
      owner_id: i.ownerId,
      created_at: i.createdAt,
      updated_at: i.updatedAt,
    })
    .execute();
}

export async function findImport(db: Db, id: string): Promise<Import | undefined> {
  const row = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toImport(row) : undefined;
}

export async function listImports(db: Db, createdBy: string | null, limit: number): Promise<Import[]> {
  let q = db.selectFrom('imports').selectAll();
  if (createdBy) q = q.where('created_by', '=', createdBy);
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit).execute();
  return rows.map(toImport);
}

/** The longest header (as JSON text) remembered as a layout. */
const MAX_REMEMBERED_HEADER = 64 * 1024;

/**
 * The header layouts of the newest imports (dry runs too) with the mapping each last had, newest
 * first and each layout once; `createdBy`: only that user's imports.
 */
export async function recentMappings(
  db: Db,
  createdBy: string | null,
  limit: number,
): Promise<{ header: string[]; mapping: Record<string, string | null>; fileName: string; usedAt: string }[]> {
  let q = db
    .selectFrom('imports')
    .select(['header', 'mapping', 'file_name', 'created_at'])
    .where('header', 'is not', null);
  if (createdBy) q = q.where('created_by', '=', createdBy);
  // why: layouts repeat (the same export every month); a few hundred imports hold the recent ones
  const rows = await q
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit * 10)
    .execute();
  const seen = new Set<string>();
  const found = [];
  for (const r of rows) {
    // why: a header of a megabyte (a broken file) is no layout anyone exports twice
    if (!r.header || r.header.length > MAX_REMEMBERED_HEADER || seen.has(r.header)) continue;
    seen.add(r.header);
    found.push({
      header: JSON.parse(r.header) as string[],
      mapping: JSON.parse(r.mapping) as Record<string, string | null>,
      fileName: r.file_name,
      usedAt: r.created_at,
    });
    if (found.length === limit) break;
  }
  return found;
}

export async function insertChunk(db: Db, importId: string, seq: number, data: Uint8Array): Promise<void> {
  await db.insertInto('import_chunks').values({ import_id: importId, seq, data }).execute();
}

/** The upload, one chunk at a time (memory stays at one chunk whatever the file's size). */
export async function* readChunks(db: Db, importId: string): AsyncGenerator<Uint8Array> {
  let seq = -1;
  for (;;) {
    const row = await db
      .selectFrom('import_chunks')
      .select(['seq', 'data'])
      .where('import_id', '=', importId)
      .where('seq', '>', seq)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    if (!row) return;
    seq = Number(row.seq);
    yield row.data instanceof Uint8Array ? row.data : new Uint8Array(row.data as ArrayBuffer);
  }
}

export async function deleteImport(db: Db, id: string): Promise<void> {
  await db.deleteFrom('import_chunks').where('import_id', '=', id).execute();
  await db.deleteFrom('imports').where('id', '=', id).execute();
}

/**
 * Removes uploads a crashed process left half-stored (an upload that fails otherwise removes
 * itself): started before `before`, never checked and queued. Returns how many.
 */
export async function deleteAbandonedUploads(db: Db, before: string): Promise<number> {
  const abandoned = db
    .selectFrom('imports')
    .select('id')
    .where('status', '=', 'failed')
    .where('error', '=', UPLOADING)
    .where('created_at', '<', before);
  await db.deleteFrom('import_chunks').where('import_id', 'in', abandoned).execute();
  const res = await db.deleteFrom('imports').where('id', 'in', abandoned).executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** What an import row says while its file is being stored (status `failed` until it is checked). */
export const UPLOADING = 'uploading';

/**
 * Takes the import for this worker when nobody holds it (or the holder's lease ran out): one
 * statement, so two instances never run the same import.
 */
export async function claimImport(
  db: Db,
  owner: string,
  now: string,
  until: string,
): Promise<Import | undefined> {
  const { rows } = await sql<Selectable<ImportsTable>>`
    update imports set lease_owner = ${owner}, lease_until = ${until},
      status = case when status = 'queued' then 'running' else status end,
      started_at = coalesce(started_at, ${now}), updated_at = ${now}
    where id = (
      select id from imports
      where status in ('queued', 'running', 'undoing') and (lease_until is null or lease_until < ${now})
      order by created_at, id limit 1
    )
    and (lease_until is null or lease_until < ${now})
    returning *`.execute(db);
  const row = rows[0];
  return row ? toImport(row) : undefined;
}

/**
 * Frees the leases this machine's dead processes held (a crash or a kill), so a restarted server
 * resumes their imports at once instead of waiting for the lease to run out. `alive` tells
 * whether a process id of this machine still runs. Safe if it guesses wrong: every batch is
 * fenced on the lease holder, so a second worker only wastes a batch.
 */
export async function freeDeadLeases(
  db: Db,
  host: string,
  alive: (pid: number) => boolean,
  now: string,
): Promise<number> {
  const held = await db
    .selectFrom('imports')
    .select(['id', 'lease_owner'])
    .where('status', 'in', ['queued', 'running', 'undoing'])
    .where('lease_until', '>=', now)
    .where('lease_owner', 'is not', null)
    .execute();
  let freed = 0;
  for (const { id, lease_owner } of held) {
    // exactly this process space's holders (a LIKE pattern would read `_` in a host name as a wildcard)
    if (!lease_owner?.startsWith(`${host}:`)) continue;
    const pid = Number(lease_owner.split(':').at(-2));
    if (!Number.isInteger(pid) || alive(pid)) continue;
    const res = await db
      .updateTable('imports')
      .set({ lease_until: null })
      .where('id', '=', id)
      .where('lease_owner', '=', lease_owner)
      .executeTakeFirst();
    freed += Number(res.numUpdatedRows);
  }
  return freed;
}

export interface BatchProgress {
  rowsDone: number;
  bytesDone: number;
  created: number;
  updated: number;
  skipped: number;
  rejected: number;
}

/**
 * Adds a batch's counts and moves the checkpoint, only while this worker still holds the lease:
 * false means another worker took over (the batch's transaction must roll back).
 */
export async function advanceImport(
  db: Db,
  id: string,
  owner: string,
  p: BatchProgress,
  leaseUntil: string,
  now: string,
): Promise<boolean> {
  const res = await db
    .updateTable('imports')
    .set((eb) => ({
      rows_done: eb('rows_done', '+', p.rowsDone),
      bytes_done: p.bytesDone,
      created: eb('created', '+', p.created),
      updated: eb('updated', '+', p.updated),
      skipped: eb('skipped', '+', p.skipped),
      rejected: eb('rejected', '+', p.rejected),
      lease_until: leaseUntil,
      updated_at: now,
    }))
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .where('status', 'in', ['running', 'undoing'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

export async function finishImport(
  db: Db,
  id: string,
  owner: string | null,
  patch: { status: ImportStatus; totalRows?: number; error?: string | null; undoneAt?: string },
  now: string,
): Promise<boolean> {
  let q = db
    .updateTable('imports')
    .set({
      status: patch.status,
      ...(patch.totalRows !== undefined ? { total_rows: patch.totalRows } : {}),
      ...(patch.error !== undefined ? { error: patch.error } : {}),
      ...(patch.undoneAt ? { undone_at: patch.undoneAt } : {}),
      finished_at: now,
      lease_owner: null,
      lease_until: null,
      updated_at: now,
    })
    .where('id', '=', id);
  if (owner) q = q.where('lease_owner', '=', owner);
  const res = await q.executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Puts an import back in the queue (run after a dry run, undo): counters and ledger start afresh. */
export async function requeueImport(
  db: Db,
  id: string,
  status: 'queued' | 'undoing',
  dryRun: boolean,
  now: string,
): Promise<void> {
  if (status === 'queued') {
    await db.deleteFrom('import_rows').where('import_id', '=', id).execute();
    await db.deleteFrom('import_errors').where('import_id', '=', id).execute();
    await db.deleteFrom('import_keys').where('import_id', '=', id).execute();
  }
  await db
    .updateTable('imports')
    .set({
      status,
      ...(status === 'queued'
        ? {
            dry_run: dryRun ? 1 : 0,
            rows_done: 0,
            bytes_done: 0,
            created: 0,
            updated: 0,
            skipped: 0,
            rejected: 0,
            total_rows: null,
          }
        : { rows_done: 0 }),
      lease_owner: null,
      lease_until: null,
      finished_at: null,
      error: null,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export interface LedgerRow {
  rowNo: number;
  line: number;
  outcome: 'created' | 'updated' | 'skipped' | 'rejected';
  leadId: string | null;
  personId: string | null;
  organisationId: string | null;
  createdPerson: boolean;
  createdOrganisation: boolean;
  before: Record<string, unknown> | null;
  sample: Record<string, unknown> | null;
}

export interface RowProblem {
  rowNo: number;
  line: number;
  field: string;
  code: string;
  value: string | null;
}

/** Writes a batch's ledger, problems and seen keys (multi-row inserts, a few hundred rows each). */
export async function writeLedger(
  db: Db,
  importId: string,
  rows: LedgerRow[],
  problems: RowProblem[],
  keys: { key: string; rowNo: number }[],
): Promise<void> {
  await insertMany(
    db,
    'import_rows',
    rows.map((r) => ({
      import_id: importId,
      row_no: r.rowNo,
      line: r.line,
      outcome: r.outcome,
      lead_id: r.leadId,
      person_id: r.personId,
      organisation_id: r.organisationId,
      created_person: r.createdPerson ? 1 : 0,
      created_organisation: r.createdOrganisation ? 1 : 0,
      before: r.before ? JSON.stringify(r.before) : null,
      sample: r.sample ? JSON.stringify(r.sample) : null,
    })),
  );
  await insertMany(
    db,
    'import_errors',
    problems.map((p) => ({
      import_id: importId,
      row_no: p.rowNo,
      line: p.line,
      field: p.field,
      code: p.code,
      value: p.value,
    })),
    { doNothingOn: ['import_id', 'row_no', 'field'] },
  );
  await insertMany(
    db,
    'import_keys',
    keys.map((k) => ({ import_id: importId, key: k.key, row_no: k.rowNo })),
    { doNothingOn: ['import_id', 'key'] },
  );
}

/** Which of these identity keys an earlier row of this import already used. */
export async function seenKeys(db: Db, importId: string, keys: string[]): Promise<Set<string>> {
  if (!keys.length) return new Set();
  const rows = await db
    .selectFrom('import_keys')
    .select('key')
    .where('import_id', '=', importId)
    .where('key', 'in', keys)
    .execute();
  return new Set(rows.map((r) => r.key));
}

/** People by another system's record id. */
export async function peopleByExternalId(
  db: Db,
  system: string,
  ids: string[],
): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('external_ids')
    .select(['external_id', 'person_id'])
    .where('system', '=', system)
    .where('external_id', 'in', ids)
    .execute();
  return new Map(rows.map((r) => [r.external_id, r.person_id]));
}

export async function insertExternalId(
  db: Db,
  system: string,
  externalId: string,
  personId: string,
  at: string,
): Promise<void> {
  await db
    .insertInto('external_ids')
    .values({ system, external_id: externalId, person_id: personId, created_at: at })
    .onConflict((oc) => oc.columns(['system', 'external_id']).doNothing())
    .execute();
}

/** The ledger rows of an import from `afterRowNo` on, in file order (undo walks them in pages). */
export async function ledgerPage(db: Db, importId: string, afterRowNo: number, limit: number) {
  return db
    .selectFrom('import_rows')
    .selectAll()
    .where('import_id', '=', importId)
    .where('row_no', '>', afterRowNo)
    .orderBy('row_no')
    .limit(limit)
    .execute();
}

/** The problems of an import in file order, a page at a time (the error report streams them). */
export async function problemsPage(
  db: Db,
  importId: string,
  after: { rowNo: number; field: string },
  limit: number,
) {
  return db
    .selectFrom('import_errors as e')
    .leftJoin('import_rows as r', (j) =>
      j.onRef('r.import_id', '=', 'e.import_id').onRef('r.row_no', '=', 'e.row_no'),
    )
    .select(['e.row_no', 'e.line', 'e.field', 'e.code', 'e.value', 'r.outcome'])
    .where('e.import_id', '=', importId)
    .where((eb) =>
      eb.or([
        eb('e.row_no', '>', after.rowNo),
        eb.and([eb('e.row_no', '=', after.rowNo), eb('e.field', '>', after.field)]),
      ]),
    )
    .orderBy('e.row_no')
    .orderBy('e.field')
    .limit(limit)
    .execute();
}

/** Up to `n` sample rows per outcome (the dry run's preview). */
export async function samples(db: Db, importId: string, n: number) {
  const out: { outcome: string; rowNo: number; line: number; values: unknown }[] = [];
  for (const outcome of ['created', 'updated', 'skipped', 'rejected']) {
    const rows = await db
      .selectFrom('import_rows')
      .select(['row_no', 'line', 'sample'])
      .where('import_id', '=', importId)
      .where('outcome', '=', outcome)
      .where('sample', 'is not', null)
      .orderBy('row_no')
      .limit(n)
      .execute();
    for (const r of rows)
      out.push({
        outcome,
        rowNo: Number(r.row_no),
        line: Number(r.line),
        values: JSON.parse(r.sample ?? 'null'),
      });
  }
  return out;
}

/** Whether anything happened to a lead after it was made (an edit, a note, a call): then undo keeps it. */
export async function leadTouchedSince(db: Db, leadId: string, createdAt: string): Promise<boolean> {
  const lead = await db
    .selectFrom('leads')
    .select(['updated_at', 'deleted_at'])
    .where('id', '=', leadId)
    .executeTakeFirst();
  if (!lead || lead.deleted_at) return true;
  if (lead.updated_at !== createdAt) return true;
  const later = await db
    .selectFrom('activities')
    .select('id')
    .where('lead_id', '=', leadId)
    .where('created_at', '>', createdAt)
    .limit(1)
    .executeTakeFirst();
  return later !== undefined;
}

/** A person the import made, to the bin with its lead, unless another live lead of theirs exists. */
export async function binPersonIfAlone(db: Db, personId: string, now: string): Promise<boolean> {
  const other = await db
    .selectFrom('leads')
    .select('id')
    .where('person_id', '=', personId)
    .where('deleted_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (other) return false;
  await db
    .updateTable('people')
    .set({ deleted_at: now, updated_at: now })
    .where('id', '=', personId)
    .execute();
  return true;
}

/** Releases an import's lease at shutdown, so the next start resumes it at once. */
export async function releaseImport(db: Db, id: string, owner: string): Promise<void> {
  await db
    .updateTable('imports')
    .set({ lease_owner: null, lease_until: null })
    .where('id', '=', id)
    .where('lease_owner', '=', owner)
    .execute();
}

/**
 * Fails the imports a worker held when it stopped abnormally (the import thread ran out of memory
 * or crashed): they say why instead of being taken again and again by the next worker.
 * What was committed stays, and can be undone.
 */
export async function failImportsHeldBy(db: Db, owner: string, error: string, now: string): Promise<number> {
  const res = await db
    .updateTable('imports')
    .set({ status: 'failed', error, finished_at: now, lease_owner: null, lease_until: null, updated_at: now })
    .where('lease_owner', '=', owner)
    .where('status', 'in', ['queued', 'running', 'undoing'])
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}

/** Whether an import (or undo) waits for a worker: queued, or left by one whose lease ran out. */
export async function importWaiting(db: Db, now: string): Promise<boolean> {
  const row = await db
    .selectFrom('imports')
    .select('id')
    .where('status', 'in', ['queued', 'running', 'undoing'])
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
