import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { invalidField } from '../../../domain/errors/app-error.js';
import type { Deps } from '../../context.js';
import { authErrors } from '../../schemas/common.js';
import { listAudit } from './audit.repository.js';
import { AuditPage, AuditQuery } from './audit.schemas.js';

/** Cursor = base64url of "occurredAt|id" of the last row seen (keyset paging, never OFFSET). */
function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || Number.isNaN(Date.parse(at))) throw invalidField('cursor', 'bad_cursor');
  return { at, id };
}

export const auditRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/audit',
    {
      config: { admin: 'audit' },
      schema: {
        tags: ['audit'],
        summary: 'Who changed what and when, newest first (admin)',
        querystring: AuditQuery,
        response: { 200: AuditPage, ...authErrors },
      },
    },
    async (request) => {
      const { entityType, entityId, cursor, limit = 50 } = request.query;
      const items = await listAudit(deps.db, {
        ...(entityType ? { entityType } : {}),
        ...(entityId ? { entityId } : {}),
        ...(cursor ? { before: decodeCursor(cursor) } : {}),
        limit: limit + 1,
      });
      const page = items.slice(0, limit);
      const last = page.at(-1);
      const nextCursor =
        items.length > limit && last
          ? Buffer.from(`${last.occurredAt}|${last.id}`).toString('base64url')
          : null;
      return { items: page, nextCursor };
    },
  );
};
