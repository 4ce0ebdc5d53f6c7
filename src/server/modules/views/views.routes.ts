import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { CreateViewBody, UpdateViewBody, ViewList } from './views.schemas.js';
import { createView, removeView, updateView, viewsOf } from './views.service.js';

const tags = ['views'];
const ViewRef = { $ref: 'SavedView' };

export const viewsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/views',
    {
      schema: {
        tags,
        summary: 'Your saved lead views and the shared ones',
        response: { 200: ViewList, ...authErrors },
      },
    },
    async (request) => ({ items: await viewsOf(deps, callerOf(request)) }),
  );
  app.post(
    '/views',
    {
      schema: {
        tags,
        summary: 'Save the current filters and columns as a view',
        body: CreateViewBody,
        response: { 201: ViewRef, ...authErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createView(deps, callerOf(request), request.body)),
  );
  app.patch(
    '/views/:id',
    {
      schema: {
        tags,
        summary: 'Change a view you own',
        params: IdParams,
        body: UpdateViewBody,
        response: { 200: ViewRef, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => updateView(deps, callerOf(request), request.params.id, request.body),
  );
  app.delete(
    '/views/:id',
    {
      schema: {
        tags,
        summary: 'Delete a view you own',
        params: IdParams,
        response: { 204: Type.Null(), ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await removeView(deps, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
