import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, Id, ProblemRef } from '../../schemas/common.js';
import { BulkBody, BulkResult, BulkUndoResult } from './leads.bulk.schemas.js';
import { bulkChange, undoBulk } from './leads.bulk.service.js';

const tags = ['leads'];

export const leadsBulkRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/leads/bulk',
    {
      schema: {
        tags,
        summary: 'Assign, change stage, tag, untag or delete up to 500 leads; each through its own checks',
        body: BulkBody,
        response: { 200: BulkResult, ...authErrors },
      },
    },
    async (request) => bulkChange(deps, callerOf(request), request.body),
  );
  app.post(
    '/leads/bulk/:bulkId/undo',
    {
      schema: {
        tags,
        summary: 'Undo a bulk change (within 24 hours)',
        params: Type.Object({ bulkId: Id }, { additionalProperties: false }),
        response: { 200: BulkUndoResult, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => undoBulk(deps, callerOf(request), request.params.bulkId),
  );
};
