import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { authErrors } from '../../schemas/common.js';
import { AuditPage, AuditQuery } from './audit.schemas.js';
import { auditPage } from './audit.service.js';

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
    async (request) => auditPage(deps, request.query),
  );
};
