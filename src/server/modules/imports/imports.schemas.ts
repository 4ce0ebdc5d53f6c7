import { type Static, Type } from 'typebox';
import { IMPORT_MATCH_KEYS, IMPORT_MODES } from '../../../domain/imports/outcome.js';
import { Id, Timestamp } from '../../schemas/common.js';
import { MEMBER_STATUSES } from '../campaigns/campaigns.schemas.js';

export const IMPORT_STATUSES = [
  'queued',
  'running',
  'previewed',
  'done',
  'failed',
  'cancelled',
  'undoing',
  'undone',
] as const;
const NullableId = Type.Union([Id, Type.Null()]);
const Text = Type.Union([Type.String(), Type.Null()]);

/** The multipart fields besides `file`, as they arrive (text) and as the service reads them. */
export const ImportSettings = Type.Object(
  {
    mapping: Type.Record(
      Type.String({ maxLength: 200 }),
      Type.Union([Type.String({ maxLength: 80 }), Type.Null()]),
      {
        maxProperties: 200,
        description:
          'column header → field (person.email, person.fullName, organisation.name, lead.tags, external.id, cf.<key> …); null leaves a column out',
      },
    ),
    match: Type.Array(Type.Enum(IMPORT_MATCH_KEYS), {
      uniqueItems: true,
      maxItems: 4,
      description:
        "keys that find an existing person, in order: email, phone, external_id; company: a row's organisation joins the existing one with its company code or, without a code, its website domain (and rows of the file share one)",
    }),
    mode: Type.Enum(IMPORT_MODES, {
      description:
        'create_only: skip matches · update_empty: fill only empty fields of a match · update: overwrite with non-empty values · skip: same as create_only',
    }),
    dryRun: Type.Boolean({ description: 'only decide and report; nothing is written until POST …/run' }),
    sourceId: NullableId,
    campaignId: NullableId,
    memberStatus: Type.Union([Type.Enum(MEMBER_STATUSES), Type.Null()]),
    ownerId: NullableId,
    externalSystem: Type.Union([Type.String({ pattern: '^[a-z][a-z0-9_-]{1,30}$' }), Type.Null()]),
  },
  { additionalProperties: false },
);
export type ImportSettingsInput = Static<typeof ImportSettings>;

export const ImportSchema = Type.Object(
  {
    id: Id,
    status: Type.Enum(IMPORT_STATUSES),
    dryRun: Type.Boolean(),
    fileName: Type.String(),
    fileKind: Type.Enum(['csv', 'xlsx']),
    fileSize: Type.Integer(),
    encoding: Text,
    delimiter: Text,
    header: Type.Union([Type.Array(Type.String()), Type.Null()]),
    mapping: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
    match: Type.Array(Type.String()),
    mode: Type.String(),
    sourceId: NullableId,
    campaignId: NullableId,
    memberStatus: Text,
    ownerId: NullableId,
    total: Type.Union([Type.Integer(), Type.Null()], {
      description: 'rows in the file (known once read to the end)',
    }),
    rowsDone: Type.Integer(),
    created: Type.Integer(),
    updated: Type.Integer(),
    skipped: Type.Integer(),
    rejected: Type.Integer(),
    progress: Type.Number({ minimum: 0, maximum: 1 }),
    error: Text,
    createdBy: Id,
    createdAt: Timestamp,
    startedAt: Type.Union([Timestamp, Type.Null()]),
    finishedAt: Type.Union([Timestamp, Type.Null()]),
    undoneAt: Type.Union([Timestamp, Type.Null()]),
    undoUntil: Type.Union([Timestamp, Type.Null()], { description: 'undo is possible until then' }),
    samples: Type.Array(
      Type.Object({
        outcome: Type.String(),
        rowNo: Type.Integer(),
        line: Type.Integer(),
        values: Type.Unknown(),
      }),
      { description: 'the first rows of each outcome (the dry run preview)' },
    ),
  },
  { $id: 'Import' },
);
export type ImportDto = Static<typeof ImportSchema>;

export const ImportList = Type.Object({ items: Type.Array(Type.Ref('Import')) });

export const SavedMappingList = Type.Object({
  items: Type.Array(
    Type.Object({
      header: Type.Array(Type.String(), { description: 'the columns of the file, in order' }),
      mapping: Type.Record(Type.String(), Type.Union([Type.String(), Type.Null()])),
      fileName: Type.String({ description: 'the file it was last used for' }),
      usedAt: Timestamp,
    }),
  ),
});
export type SavedMappingDto = Static<typeof SavedMappingList>['items'][number];
