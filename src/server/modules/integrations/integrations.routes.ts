import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { appOrigin } from '../forms/forms.routes.js';
import {
  CreateIntegrationBody,
  EventList,
  EventListQuery,
  IntegrationList,
  IntegrationWithSecret,
  PresetList,
  UpdateIntegrationBody,
} from './integrations.schemas.js';
import {
  createIntegration,
  getIntegration,
  listEvents,
  listIntegrations,
  listPresets,
  rotateSecret,
  updateIntegration,
} from './integrations.service.js';

const tags = ['integrations'];

/** Inbound webhooks: their settings, secrets and received events. Marketers and admins only. */
export const integrationsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/integrations',
    {
      schema: {
        tags,
        summary: 'Inbound webhook integrations, newest first, with event counts (marketer or admin)',
        response: { 200: IntegrationList, ...authErrors },
      },
    },
    async (request) => ({ items: await listIntegrations(deps, callerOf(request), appOrigin(request)) }),
  );

  app.post(
    '/integrations',
    {
      schema: {
        tags,
        summary:
          'Create an inbound webhook (marketer or admin): the answer shows its signing secret, this once; without a mapping the preset of its kind is used',
        body: CreateIntegrationBody,
        response: { 201: IntegrationWithSecret, ...authErrors },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await createIntegration(deps, callerOf(request), request.body, appOrigin(request))),
  );

  app.get(
    '/integrations/:id',
    {
      schema: {
        tags,
        summary: 'One integration (never its secret)',
        params: IdParams,
        response: { 200: { $ref: 'Integration' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => getIntegration(deps, callerOf(request), request.params.id, appOrigin(request)),
  );

  app.patch(
    '/integrations/:id',
    {
      schema: {
        tags,
        summary: 'Change an integration: name, mapping, source, campaign, owner, active',
        params: IdParams,
        body: UpdateIntegrationBody,
        response: { 200: { $ref: 'Integration' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) =>
      updateIntegration(deps, callerOf(request), request.params.id, request.body, appOrigin(request)),
  );

  app.post(
    '/integrations/:id/rotate-secret',
    {
      schema: {
        tags,
        summary:
          'Replace the signing secret: the new one is shown this once; the previous one keeps working for 24 hours',
        params: IdParams,
        response: { 200: IntegrationWithSecret, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => rotateSecret(deps, callerOf(request), request.params.id, appOrigin(request)),
  );

  app.get(
    '/integrations/:id/events',
    {
      schema: {
        tags,
        summary: 'Events an integration received, newest first: status, event id, lead, error',
        params: IdParams,
        querystring: EventListQuery,
        response: { 200: EventList, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => listEvents(deps, callerOf(request), request.params.id, request.query),
  );

  app.get(
    '/integration-presets',
    {
      schema: {
        tags,
        summary:
          'The mapping presets (generic, Facebook Lead Ads, LinkedIn Lead Gen) with an example payload each',
        response: { 200: PresetList, ...authErrors },
      },
    },
    async (request) => ({ items: listPresets(callerOf(request)) }),
  );
};
