import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import {
  CreateCustomFieldBody,
  CustomFieldList,
  CustomFieldListQuery,
  UpdateCustomFieldBody,
} from './custom-fields.schemas.js';
import { createCustomField, listCustomFields, updateCustomField } from './custom-fields.service.js';

const tags = ['custom fields'];
/** Forms and filters read the definitions; only administrators define fields. */
const admin = { admin: 'settings' as const };
const CustomField = { $ref: 'CustomField' };

export const customFieldsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/custom-fields',
    {
      schema: {
        tags,
        summary: 'Custom field definitions of people, organisations and leads, in form order',
        querystring: CustomFieldListQuery,
        response: { 200: CustomFieldList, ...authErrors },
      },
    },
    async (request) => ({ items: await listCustomFields(deps.db, request.query) }),
  );

  app.post(
    '/custom-fields',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Define a custom field (admin)',
        body: CreateCustomFieldBody,
        response: { 201: CustomField, ...authErrors, 409: ProblemRef },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCustomField(deps, callerOf(request), request.body)),
  );

  app.patch(
    '/custom-fields/:id',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Relabel, reorder, deactivate or change the options of a custom field (admin)',
        params: IdParams,
        body: UpdateCustomFieldBody,
        response: { 200: CustomField, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => updateCustomField(deps, callerOf(request), request.params.id, request.body),
  );
};
