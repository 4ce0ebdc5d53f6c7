import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { MergeIdParams } from '../merges/merges.schemas.js';
import { NotDuplicateBody, OrganisationFields, PersonSearchQuery } from '../people/people.schemas.js';
import {
  markOrganisationsNotDuplicate,
  mergeOrganisations,
  undoOrganisationMerge,
} from './organisation-merge.service.js';
import {
  OrganisationDuplicates,
  OrganisationMergeBody,
  OrganisationMergeResult,
  OrganisationUnmergeResult,
} from './organisations.schemas.js';
import {
  findOrganisationsByText,
  organisationDuplicates,
  updateOrganisation,
  visibleOrganisation,
} from './organisations.service.js';

const tags = ['organisations'];
const OrgRef = { $ref: 'Organisation' };
const refusals = { ...authErrors, 404: ProblemRef, 409: ProblemRef };
const UpdateBody = Type.Partial(Type.Object(OrganisationFields), {
  additionalProperties: false,
  minProperties: 1,
});

export const organisationsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/organisations',
    {
      schema: {
        tags,
        summary: 'Find organisations you may see by name (diacritics ignored)',
        querystring: PersonSearchQuery,
        response: { 200: Type.Object({ items: Type.Array(OrgRef) }), ...authErrors },
      },
    },
    async (request) =>
      findOrganisationsByText(deps, callerOf(request), request.query.q, request.query.limit ?? 20),
  );
  app.get(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'One organisation',
        params: IdParams,
        response: { 200: OrgRef, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => visibleOrganisation(deps.db, callerOf(request), request.params.id),
  );
  app.patch(
    '/organisations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation',
        params: IdParams,
        body: UpdateBody,
        response: { 200: OrgRef, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => updateOrganisation(deps, callerOf(request), request.params.id, request.body),
  );

  app.get(
    '/organisations/:id/duplicates',
    {
      schema: {
        tags,
        summary:
          'Organisations you may see with the same company code or website, minus pairs marked "not a duplicate"',
        params: IdParams,
        response: { 200: OrganisationDuplicates, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => organisationDuplicates(deps, callerOf(request), request.params.id),
  );
  app.post(
    '/organisations/:id/not-duplicate',
    {
      schema: {
        tags,
        summary: 'Remember that two organisations are not duplicates',
        params: IdParams,
        body: NotDuplicateBody,
        response: { 204: Type.Null(), ...refusals },
      },
    },
    async (request, reply) => {
      await markOrganisationsNotDuplicate(deps, callerOf(request), request.params.id, request.body.otherId);
      return reply.code(204).send(null);
    },
  );
  app.post(
    '/organisations/merge',
    {
      schema: {
        tags,
        summary:
          'Merge organisations into one, field by field; their people and leads move; undoable for 30 days',
        body: OrganisationMergeBody,
        response: { 200: OrganisationMergeResult, ...refusals },
      },
    },
    async (request) => mergeOrganisations(deps, callerOf(request), request.body),
  );
  app.post(
    '/organisations/merges/:mergeId/undo',
    {
      schema: {
        tags,
        summary: 'Undo an organisation merge (unmerge) within 30 days',
        params: MergeIdParams,
        response: { 200: OrganisationUnmergeResult, ...refusals },
      },
    },
    async (request) => undoOrganisationMerge(deps, callerOf(request), request.params.mergeId),
  );
};
