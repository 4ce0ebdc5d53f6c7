import type { Readable } from 'node:stream';
import { stringify } from 'csv-stringify';
import { can } from '../../../domain/access/policy.js';
import { AppError, FIELD_MESSAGES, type FieldError, Validation } from '../../../domain/errors/app-error.js';
import { neutraliseCell } from '../../../domain/exports/csv-safe.js';
import { detectDelimiter, detectEncoding, sniffFileKind } from '../../../domain/imports/detect.js';
import { ROW_PROBLEMS } from '../../../domain/imports/problems.js';
import { validateMapping } from '../../../domain/imports/row.js';
import type { ActorContext, Deps } from '../../context.js';
import { newId } from '../../db/ids.js';
import { checkAgainst } from '../../plugins/validation.js';
import { recordAudit } from '../audit/audit.repository.js';
import { checkReferences, resolveOwner } from '../leads/lead-rules.js';
import { kickImports, recordsOf } from './import.job.js';
import {
  deleteImport,
  findImport,
  type Import,
  insertChunk,
  insertImport,
  listImports as listImportRows,
  problemsPage,
  recentMappings,
  requeueImport,
  samples,
  UPLOADING,
} from './imports.repository.js';
import {
  type ImportDto,
  ImportSettings,
  type ImportSettingsInput,
  type SavedMappingDto,
} from './imports.schemas.js';
import type { SourceRecord } from './source-reader.js';

/** The upload is stored in pieces of this size. */
export const CHUNK_BYTES = 1024 * 1024;

/** The largest file an import takes (PILTUVAS_IMPORT_MAX_MB, 100 by default); the upload is refused past it. */
export function importSizeLimit(deps: Deps): number {
  return deps.config.importMaxMegabytes * 1024 * 1024;
}
/** How long an import can be undone. */
export const UNDO_DAYS = 30;

const checkSettings = checkAgainst(ImportSettings);

export type UploadPart =
  | { type: 'file'; fieldname: string; filename: string; file: Readable }
  | { type: 'field'; fieldname: string; value: unknown };

function undoUntil(i: Import): string | null {
  if (i.dryRun || !i.finishedAt || i.status === 'undone') return null;
  return new Date(Date.parse(i.finishedAt) + UNDO_DAYS * 86_400_000).toISOString();
}

async function toDto(deps: Deps, i: Import): Promise<ImportDto> {
  const finished = ['done', 'previewed', 'undone'].includes(i.status);
  return {
    id: i.id,
    status: i.status,
    dryRun: i.dryRun,
    fileName: i.fileName,
    fileKind: i.fileKind,
    fileSize: i.fileSize,
    encoding: i.encoding,
    delimiter: i.delimiter,
    header: i.header,
    mapping: i.mapping,
    match: i.match,
    mode: i.mode,
    sourceId: i.sourceId,
    campaignId: i.campaignId,
    memberStatus: i.memberStatus,
    ownerId: i.ownerId,
    total: i.totalRows,
    rowsDone: i.rowsDone,
    created: i.created,
    updated: i.updated,
    skipped: i.skipped,
    rejected: i.rejected,
    progress: finished ? 1 : i.fileSize > 0 ? Math.min(0.99, i.bytesDone / i.fileSize) : 0,
    error: i.error,
    createdBy: i.createdBy,
    createdAt: i.createdAt,
    startedAt: i.startedAt,
    finishedAt: i.finishedAt,
    undoneAt: i.undoneAt,
    undoUntil: undoUntil(i),
    samples: i.status === 'queued' ? [] : await samples(deps.db, i.id, 5),
  };
}

/** An import the caller may see: their own, or any for an admin. */
async function visibleImport(deps: Deps, caller: ActorContext, id: string): Promise<Import> {
  const found = await findImport(deps.db, id);
  if (!found || (found.createdBy !== caller.user.id && caller.actor.role !== 'admin')) {
    throw new AppError('not_found', 'No such import');
  }
  return found;
}

function parseSettings(fields: Record<string, string>): {
  settings: ImportSettingsInput | null;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const json = (name: string, fallback: unknown) => {
    const raw = fields[name];
    if (raw === undefined || raw === '') return fallback;
    try {
      return JSON.parse(raw);
    } catch {
      errors.push({ field: name, code: 'invalid_format', message: 'is not valid JSON' });
      return fallback;
    }
  };
  const text = (name: string) => (fields[name] === undefined || fields[name] === '' ? null : fields[name]);
  const raw = {
    mapping: json('mapping', undefined),
    match: fields.match?.trim().startsWith('[')
      ? json('match', ['email'])
      : (text('match')
          ?.split(',')
          .map((m) => m.trim()) ?? ['email']),
    mode: text('mode') ?? 'create_only',
    dryRun:
      text('dryRun') === null
        ? false
        : ['true', '1', 'yes', 'on'].includes(String(fields.dryRun).toLowerCase()),
    sourceId: text('sourceId'),
    campaignId: text('campaignId'),
    memberStatus: text('memberStatus'),
    ownerId: text('ownerId'),
    externalSystem: text('externalSystem'),
  };
  if (raw.mapping === undefined)
    errors.push({ field: 'mapping', code: 'required', message: FIELD_MESSAGES.required });
  for (const name of Object.keys(fields)) {
    if (!(name in raw))
      errors.push({ field: name, code: 'not_allowed', message: FIELD_MESSAGES.not_allowed });
  }
  if (errors.length) return { settings: null, errors };
  const schemaErrors = checkSettings(raw);
  return schemaErrors.length
    ? { settings: null, errors: schemaErrors }
    : { settings: raw as ImportSettingsInput, errors: [] };
}

/**
 * Takes an upload: the file is stored as it streams in (in 1 MiB pieces, so any instance can run
 * or resume it), then the settings and the mapping are checked against the file's header. Any
 * problem refuses the whole request and removes what was stored; else the import is queued.
 */
export async function createImport(
  deps: Deps,
  caller: ActorContext,
  parts: AsyncIterable<UploadPart>,
): Promise<{ id: string }> {
  if (!can(caller.actor, 'create', 'lead')) throw new AppError('forbidden', 'You may not create leads');
  const now = deps.now().toISOString();
  const id = newId();
  const fields: Record<string, string> = {};
  let stored: { fileName: string; size: number; head: Uint8Array } | null = null;
  try {
    for await (const part of parts) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value ?? '');
        continue;
      }
      if (part.fieldname !== 'file' || stored) {
        part.file.resume();
        throw new AppError('validation', 'One file, in the field "file"', {
          errors: [{ field: part.fieldname, code: 'not_allowed', message: FIELD_MESSAGES.not_allowed }],
        });
      }
      stored = await storeFile(deps, caller, id, part, now);
    }
    if (!stored || stored.size === 0) {
      throw new AppError('validation', 'No file', {
        errors: [{ field: 'file', code: 'required', message: FIELD_MESSAGES.required }],
      });
    }
    const { settings, errors } = parseSettings(fields);
    if (!settings) throw new AppError('validation', 'The import settings have errors', { errors });
    await checkAndQueue(deps, caller, id, stored, settings, now);
  } catch (error) {
    await deleteImport(deps.db, id);
    throw error;
  }
  kickImports(deps);
  return { id };
}

async function storeFile(
  deps: Deps,
  caller: ActorContext,
  id: string,
  part: Extract<UploadPart, { type: 'file' }>,
  now: string,
): Promise<{ fileName: string; size: number; head: Uint8Array }> {
  const fileName = (part.filename || 'upload').slice(0, 200);
  await insertImport(deps.db, {
    ...blankImport(id, caller.user.id, now),
    fileName,
  });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let size = 0;
  let seq = 0;
  let head: Uint8Array | null = null;
  const flush = async () => {
    if (!pendingBytes) return;
    const data = Buffer.concat(pending, pendingBytes);
    head ??= data.subarray(0, 64 * 1024);
    await insertChunk(deps.db, id, seq++, data);
    pending = [];
    pendingBytes = 0;
  };
  for await (const piece of part.file as AsyncIterable<Buffer>) {
    pending.push(piece);
    pendingBytes += piece.length;
    size += piece.length;
    if (pendingBytes >= CHUNK_BYTES) await flush();
  }
  await flush();
  return { fileName, size, head: head ?? new Uint8Array() };
}

function blankImport(id: string, createdBy: string, now: string): Import {
  return {
    id,
    createdBy,
    status: 'failed',
    dryRun: true,
    fileName: 'upload',
    fileKind: 'csv',
    fileSize: 0,
    encoding: null,
    delimiter: null,
    header: null,
    mapping: {},
    match: ['email'],
    mode: 'create_only',
    sourceId: null,
    campaignId: null,
    memberStatus: null,
    externalSystem: null,
    ownerId: null,
    totalRows: null,
    rowsDone: 0,
    bytesDone: 0,
    created: 0,
    updated: 0,
    skipped: 0,
    rejected: 0,
    leaseOwner: null,
    leaseUntil: null,
    error: UPLOADING,
    createdAt: now,
    startedAt: null,
    finishedAt: null,
    undoneAt: null,
    updatedAt: now,
  };
}

async function checkAndQueue(
  deps: Deps,
  caller: ActorContext,
  id: string,
  file: { fileName: string; size: number; head: Uint8Array },
  s: ImportSettingsInput,
  now: string,
): Promise<void> {
  const kind = sniffFileKind(file.head);
  if (kind === 'unsupported') {
    throw new AppError('validation', 'The file is not a spreadsheet', {
      errors: [{ field: 'file', code: 'not_a_spreadsheet', message: FIELD_MESSAGES.not_a_spreadsheet }],
    });
  }
  // why: a workbook's shared strings are read into memory (a 17 MB file peaked at 558 MB): CSV streams
  if (kind === 'xlsx' && file.size > deps.config.importXlsxMaxMegabytes * 1024 * 1024) {
    throw new AppError('validation', 'The XLSX file is too large', {
      errors: [{ field: 'file', code: 'xlsx_too_large', message: FIELD_MESSAGES.xlsx_too_large }],
    });
  }
  const encoding =
    kind === 'xlsx' ? null : detectEncoding(file.head, { complete: file.size <= file.head.length });
  const delimiter =
    kind === 'xlsx' ? null : detectDelimiter(new TextDecoder(encoding ?? 'utf-8').decode(file.head));
  const v = new Validation();
  await checkReferences(deps.db, s, v);
  const owner = s.ownerId ? await resolveOwner(deps.db, caller.actor, s.ownerId, v) : null;
  const draft: Import = {
    ...blankImport(id, caller.user.id, now),
    status: 'queued',
    dryRun: s.dryRun,
    fileName: file.fileName,
    fileKind: kind === 'xlsx' ? 'xlsx' : 'csv',
    fileSize: file.size,
    encoding,
    delimiter,
    mapping: s.mapping,
    match: s.match,
    mode: s.mode,
    sourceId: s.sourceId,
    campaignId: s.campaignId,
    memberStatus: s.memberStatus,
    externalSystem: s.externalSystem,
    ownerId: owner?.ownerId ?? null,
    error: null,
  };
  const header = await headerOf(deps, draft, file.head);
  for (const e of validateMapping(s.mapping, header)) {
    v.add(e.column ? `mapping.${e.column}` : 'mapping', e.code);
  }
  v.throwIfAny();
  await deps.db.transaction().execute(async (trx) => {
    await trx
      .updateTable('imports')
      .set({
        status: 'queued',
        dry_run: draft.dryRun ? 1 : 0,
        file_kind: draft.fileKind,
        file_size: draft.fileSize,
        encoding: draft.encoding,
        delimiter: draft.delimiter,
        header: JSON.stringify(header),
        mapping: JSON.stringify(draft.mapping),
        match: JSON.stringify(draft.match),
        mode: draft.mode,
        source_id: draft.sourceId,
        campaign_id: draft.campaignId,
        member_status: draft.memberStatus,
        external_system: draft.externalSystem,
        owner_id: draft.ownerId,
        error: null,
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, caller, {
      entityType: 'import',
      entityId: id,
      action: 'create',
      after: { fileName: draft.fileName, fileSize: draft.fileSize, dryRun: draft.dryRun, mode: draft.mode },
      at: now,
    });
  });
}

/**
 * The file's header row; a file that cannot be read as what it claims to be is not a spreadsheet.
 * A CSV's header is read from the file's first 64 KiB when it ends there: the parser takes a whole
 * stored piece (1 MiB, some 20,000 rows) at once, garbage the server's thread need not make.
 */
async function headerOf(deps: Deps, draft: Import, head: Uint8Array): Promise<string[]> {
  try {
    if (draft.fileKind === 'csv' && head.length < draft.fileSize) {
      const [first, second] = await firstRecords(recordsOf(deps, draft, oneChunk(head)), 2);
      // why: a second record means the header ended within the head (else it is longer: read the file)
      if (first && second) return first.cells.map((c) => c.trim());
    }
    const [first] = await firstRecords(recordsOf(deps, draft), 1);
    return first ? first.cells.map((c) => c.trim()) : [];
  } catch {
    // why: a truncated or corrupt XLSX (zip) fails inside the reader; the user needs "not a spreadsheet".
    throw new AppError('validation', 'The file cannot be read', {
      errors: [{ field: 'file', code: 'not_a_spreadsheet', message: FIELD_MESSAGES.not_a_spreadsheet }],
    });
  }
}

/** Up to `n` records from the start, the reader closed after them. */
async function firstRecords(records: AsyncGenerator<SourceRecord>, n: number): Promise<SourceRecord[]> {
  const found: SourceRecord[] = [];
  for await (const record of records) {
    found.push(record);
    if (found.length === n) break;
  }
  return found;
}

async function* oneChunk(bytes: Uint8Array): AsyncGenerator<Uint8Array> {
  yield bytes;
}

export async function getImport(deps: Deps, caller: ActorContext, id: string): Promise<ImportDto> {
  return toDto(deps, await visibleImport(deps, caller, id));
}

export async function listImports(deps: Deps, caller: ActorContext): Promise<ImportDto[]> {
  const rows = await listImportRows(deps.db, caller.actor.role === 'admin' ? null : caller.user.id, 50);
  return Promise.all(rows.map((r) => toDto(deps, { ...r })));
}

/** How many header layouts the new-import screen remembers. */
export const SAVED_MAPPINGS = 20;

/**
 * The mappings of the caller's recent imports (an admin's: everyone's), one per header layout: the
 * next file exported the same way opens with the columns chosen last time, on any device.
 */
export async function savedMappings(deps: Deps, caller: ActorContext): Promise<SavedMappingDto[]> {
  const own = caller.actor.role === 'admin' ? null : caller.user.id;
  return recentMappings(deps.db, own, SAVED_MAPPINGS);
}

/** Runs a previewed import for real (the file is kept; nothing is uploaded again). */
export async function runPreviewed(deps: Deps, caller: ActorContext, id: string): Promise<ImportDto> {
  const found = await visibleImport(deps, caller, id);
  if (found.status !== 'previewed')
    throw new AppError('conflict', `Only a previewed import can be run (this one is ${found.status})`);
  const now = deps.now().toISOString();
  await requeueImport(deps.db, id, 'queued', false, now);
  await recordAudit(deps.db, caller, { entityType: 'import', entityId: id, action: 'run', at: now });
  kickImports(deps);
  return getImport(deps, caller, id);
}

/** Undoes an import within 30 days of its end: a background job, like the import itself. */
export async function undoImport(deps: Deps, caller: ActorContext, id: string): Promise<ImportDto> {
  const found = await visibleImport(deps, caller, id);
  if (found.dryRun || !['done', 'failed', 'cancelled'].includes(found.status)) {
    throw new AppError('conflict', `Only a finished import can be undone (this one is ${found.status})`);
  }
  const until = undoUntil(found);
  const now = deps.now().toISOString();
  if (until && until < now) {
    throw new AppError('conflict', 'This import can no longer be undone', {
      errors: [{ field: 'id', code: 'undo_expired', message: FIELD_MESSAGES.undo_expired }],
    });
  }
  await requeueImport(deps.db, id, 'undoing', false, now);
  await recordAudit(deps.db, caller, { entityType: 'import', entityId: id, action: 'undo', at: now });
  kickImports(deps);
  return getImport(deps, caller, id);
}

/** Stops a queued or running import after the batch in flight; what was committed stays (and can be undone). */
export async function cancelImport(deps: Deps, caller: ActorContext, id: string): Promise<ImportDto> {
  const found = await visibleImport(deps, caller, id);
  if (!['queued', 'running'].includes(found.status)) {
    throw new AppError(
      'conflict',
      `Only a queued or running import can be cancelled (this one is ${found.status})`,
    );
  }
  const now = deps.now().toISOString();
  await deps.db
    .updateTable('imports')
    .set({ status: 'cancelled', finished_at: now, lease_owner: null, lease_until: null, updated_at: now })
    .where('id', '=', id)
    .where('status', 'in', ['queued', 'running'])
    .execute();
  await recordAudit(deps.db, caller, { entityType: 'import', entityId: id, action: 'cancel', at: now });
  return getImport(deps, caller, id);
}

function problemMessage(code: string): string {
  return (
    (ROW_PROBLEMS as Record<string, string>)[code] ?? (FIELD_MESSAGES as Record<string, string>)[code] ?? code
  );
}

/**
 * The row-level report as CSV: line, outcome, field, code, message — every rejected row with each
 * reason, and why rows were skipped. Streamed a page at a time; every cell is neutralised so a
 * spreadsheet never runs one as a formula.
 */
export async function errorReport(deps: Deps, caller: ActorContext, id: string): Promise<Readable> {
  await visibleImport(deps, caller, id);
  const out = stringify({
    header: true,
    columns: ['line', 'row', 'outcome', 'field', 'code', 'message'],
    bom: true,
  });
  void (async () => {
    let after = { rowNo: -1, field: '' };
    for (;;) {
      const page = await problemsPage(deps.db, id, after, 1000);
      for (const p of page) {
        const ok = out.write(
          [
            String(p.line),
            String(p.row_no),
            p.outcome ?? 'undo',
            p.field,
            p.code,
            problemMessage(p.code),
          ].map(neutraliseCell),
        );
        if (!ok) await new Promise((resolve) => out.once('drain', resolve));
      }
      const last = page.at(-1);
      if (!last || page.length < 1000) break;
      after = { rowNo: Number(last.row_no), field: last.field };
    }
    out.end();
  })().catch((error: unknown) => out.destroy(error as Error));
  return out;
}
