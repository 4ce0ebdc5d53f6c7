import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { MergeIdParams } from '../merges/merges.schemas.js';
import { markNotDuplicate, mergePeople, undoMerge } from './merge.service.js';
import { findPeopleByText, personDetail } from './people.query.service.js';
import {
  MergeBody,
  MergeResult,
  NotDuplicateBody,
  PersonDetail,
  PersonEdited,
  PersonInputSchema,
  PersonList,
  PersonSearchQuery,
  UnmergeResult,
} from './people.schemas.js';
import { updatePerson } from './person-edit.service.js';

const tags = ['people'];
const refusals = { ...authErrors, 404: ProblemRef, 409: ProblemRef };

export const peopleRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/people',
    {
      schema: {
        tags,
        summary: 'Find people you may see by name, e-mail or phone (diacritics ignored)',
        querystring: PersonSearchQuery,
        response: { 200: PersonList, ...authErrors },
      },
    },
    async (request) => findPeopleByText(deps, callerOf(request), request.query.q, request.query.limit ?? 20),
  );

  app.get(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'A person with their leads and duplicate candidates',
        params: IdParams,
        response: { 200: PersonDetail, ...refusals },
      },
    },
    async (request) => personDetail(deps, callerOf(request), request.params.id),
  );

  app.patch(
    '/people/:id',
    {
      schema: {
        tags,
        summary: 'Change a person',
        params: IdParams,
        body: PersonInputSchema,
        response: { 200: PersonEdited, ...refusals },
      },
    },
    async (request) => updatePerson(deps, callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/people/:id/not-duplicate',
    {
      schema: {
        tags,
        summary: 'Remember that two people are not duplicates',
        params: IdParams,
        body: NotDuplicateBody,
        response: { 204: Type.Null(), ...refusals },
      },
    },
    async (request, reply) => {
      await markNotDuplicate(deps, callerOf(request), request.params.id, request.body.otherId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/people/merge',
    {
      schema: {
        tags,
        summary: 'Merge people into one, field by field; undoable for 30 days',
        body: MergeBody,
        response: { 200: MergeResult, ...refusals },
      },
    },
    async (request) => mergePeople(deps, callerOf(request), request.body),
  );

  app.post(
    '/people/merges/:mergeId/undo',
    {
      schema: {
        tags,
        summary: 'Undo a merge (unmerge) within 30 days',
        params: MergeIdParams,
        response: { 200: UnmergeResult, ...refusals },
      },
    },
    async (request) => undoMerge(deps, callerOf(request), request.params.mergeId),
  );
};
