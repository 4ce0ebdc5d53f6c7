import multipart from '@fastify/multipart';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { ImportList, SavedMappingList } from './imports.schemas.js';
import {
  cancelImport,
  createImport,
  errorReport,
  getImport,
  importSizeLimit,
  listImports,
  runPreviewed,
  savedMappings,
  type UploadPart,
  undoImport,
} from './imports.service.js';

const tags = ['imports'];
const notFound = { 404: ProblemRef };

/** List imports: upload (multipart), follow the progress, read the report, run after a dry run, undo. */
export const importsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  await app.register(multipart, {
    limits: { fileSize: importSizeLimit(deps), files: 1, fields: 20, fieldSize: 256 * 1024, parts: 25 },
  });

  app.post(
    '/imports',
    {
      schema: {
        tags,
        summary:
          'Upload a CSV or XLSX file to import (multipart/form-data): `file`, and the fields of ImportSettings (`mapping` as JSON column → field, `match`, `mode`, `dryRun`, `sourceId`, `campaignId`, `memberStatus`, `ownerId`, `externalSystem`)',
        description:
          'Fields: `file` (CSV — comma, semicolon or tab; UTF-8 with or without BOM, or Windows-1257 — or XLSX, first sheet, at most PILTUVAS_IMPORT_XLSX_MAX_MB — 10 MB by default, refused as `xlsx_too_large`); `mapping` JSON {"column header": "person.email" | "person.firstName" | "person.lastName" | "person.fullName" | "person.phone" | "person.jobTitle" | "person.city" | "person.country" | "organisation.name" | "organisation.companyCode" | "organisation.website" | "lead.title" | "lead.timeframe" | "lead.sourceDetail" | "lead.tags" | "lead.note" | "external.id" | "cf.<key>" | null}; `match` email,phone,external_id (in order); `mode` create_only | update_empty | update | skip; `dryRun` true|false; `sourceId`, `campaignId`, `memberStatus`, `ownerId`, `externalSystem` (e.g. hubspot). The file and the mapping are checked before the upload is accepted; it then runs in the background: follow it with GET /imports/{id}.',
        consumes: ['multipart/form-data'],
        response: { 202: Type.Object({ id: Type.String() }), ...authErrors, 413: ProblemRef },
      },
    },
    async (request, reply) => {
      const result = await createImport(
        deps,
        callerOf(request),
        request.parts() as AsyncIterable<UploadPart>,
      );
      return reply.code(202).send(result);
    },
  );

  app.get(
    '/imports',
    {
      schema: {
        tags,
        summary: 'Your imports, newest first (an admin sees everyone’s)',
        response: { 200: ImportList, ...authErrors },
      },
    },
    async (request) => ({ items: await listImports(deps, callerOf(request)) }),
  );

  app.get(
    '/imports/mappings',
    {
      schema: {
        tags,
        summary:
          'The mappings of your recent imports (an admin’s: everyone’s), one per header layout, newest first: a file with the same columns can start from them',
        response: { 200: SavedMappingList, ...authErrors },
      },
    },
    async (request) => ({ items: await savedMappings(deps, callerOf(request)) }),
  );

  app.get(
    '/imports/:id',
    {
      schema: {
        tags,
        summary: 'An import’s status and counts: created + updated + skipped + rejected = rows read',
        params: IdParams,
        response: { 200: { $ref: 'Import' }, ...authErrors, ...notFound },
      },
    },
    async (request) => getImport(deps, callerOf(request), request.params.id),
  );

  app.get(
    '/imports/:id/errors.csv',
    {
      schema: {
        tags,
        summary:
          'The row-level report: line, outcome, field, code and reason of every rejected or skipped row',
        params: IdParams,
        produces: ['text/csv'],
        response: { ...authErrors, ...notFound },
      },
    },
    async (request, reply) => {
      const stream = await errorReport(deps, callerOf(request), request.params.id);
      return reply
        .type('text/csv; charset=utf-8')
        .header('Content-Disposition', `attachment; filename="import-${request.params.id}-errors.csv"`)
        .send(stream);
    },
  );

  app.post(
    '/imports/:id/run',
    {
      schema: {
        tags,
        summary: 'Run a previewed (dry-run) import for real, with the file already uploaded',
        params: IdParams,
        response: { 200: { $ref: 'Import' }, ...authErrors, ...notFound, 409: ProblemRef },
      },
    },
    async (request) => runPreviewed(deps, callerOf(request), request.params.id),
  );

  app.post(
    '/imports/:id/undo',
    {
      schema: {
        tags,
        summary:
          'Undo an import (within 30 days): leads it created go to the bin unless someone worked on them since; people it updated get their values back',
        params: IdParams,
        response: { 200: { $ref: 'Import' }, ...authErrors, ...notFound, 409: ProblemRef },
      },
    },
    async (request) => undoImport(deps, callerOf(request), request.params.id),
  );

  app.post(
    '/imports/:id/cancel',
    {
      schema: {
        tags,
        summary:
          'Stop a queued or running import after the batch in flight (what was written stays, and can be undone)',
        params: IdParams,
        response: { 200: { $ref: 'Import' }, ...authErrors, ...notFound, 409: ProblemRef },
      },
    },
    async (request) => cancelImport(deps, callerOf(request), request.params.id),
  );
};
