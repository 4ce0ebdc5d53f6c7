import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { OrganisationFields, PersonSearchQuery } from '../people/people.schemas.js';
import { findOrganisationsByText, updateOrganisation, visibleOrganisation } from './organisations.service.js';

const tags = ['organisations'];
const OrgRef = { $ref: 'Organisation' };
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
};
