import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { CreateSourceBody, SourceList, SourceListQuery, UpdateSourceBody } from './sources.schemas.js';
import { createSource, listSources, updateSource } from './sources.service.js';

const tags = ['sources'];
/** Everyone signed in picks sources; only administrators change the taxonomy. */
const admin = { admin: 'settings' as const };

export const sourcesRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/sources',
    {
      schema: {
        tags,
        summary: 'Lead sources in picker order (names in Lithuanian and English)',
        querystring: SourceListQuery,
        response: { 200: SourceList, ...authErrors },
      },
    },
    async (request) => ({ items: await listSources(deps.db, request.query) }),
  );

  app.post(
    '/sources',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Add a lead source (admin); without a position it goes last',
        body: CreateSourceBody,
        response: { 201: { $ref: 'Source' }, ...authErrors, 409: ProblemRef },
      },
    },
    async (request, reply) => reply.code(201).send(await createSource(deps, callerOf(request), request.body)),
  );

  app.patch(
    '/sources/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Rename, reorder or deactivate a lead source (admin); sources are never deleted',
        params: IdParams,
        body: UpdateSourceBody,
        response: { 200: { $ref: 'Source' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => updateSource(deps, callerOf(request), request.params.id, request.body),
  );
};
