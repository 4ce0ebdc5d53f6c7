import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { appOrigin } from '../forms/forms.routes.js';
import { recordEngagement } from './engagement.events.service.js';
import {
  ContentDetail,
  ContentList,
  ContentListQuery,
  CreateContentBody,
  CreateLinkBody,
  EngagementList,
  EngagementListQuery,
  RecordEngagementBody,
  RecordedEngagement,
  UpdateContentBody,
} from './engagement.schemas.js';
import {
  contentEngagements,
  createContent,
  createTrackedLink,
  getContent,
  listContent,
  updateContent,
} from './engagement.service.js';

const tags = ['engagement'];
const refusals = { ...authErrors, 404: ProblemRef };

/** Engagement tracking: content with tracked links, and what people do with it. Marketers and admins. */
export const engagementRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/content',
    {
      schema: {
        tags,
        summary: 'Tracked content (blog posts, infographics, images, videos, social posts), newest first',
        querystring: ContentListQuery,
        response: { 200: ContentList, ...authErrors },
      },
    },
    async (request) => listContent(deps, callerOf(request), request.query),
  );

  app.post(
    '/content',
    {
      schema: {
        tags,
        summary:
          'Add a content item (marketer or admin); without a source it gets the seeded one of its kind or channel',
        body: CreateContentBody,
        response: { 201: { $ref: 'ContentItem' }, ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createContent(deps, callerOf(request), request.body)),
  );

  app.get(
    '/content/:id',
    {
      schema: {
        tags,
        summary: 'One content item with its tracked links',
        params: IdParams,
        response: { 200: ContentDetail, ...refusals },
      },
    },
    async (request) => getContent(deps, callerOf(request), request.params.id, appOrigin(request)),
  );

  app.patch(
    '/content/:id',
    {
      schema: {
        tags,
        summary: 'Change a content item (marketer or admin)',
        params: IdParams,
        body: UpdateContentBody,
        response: { 200: { $ref: 'ContentItem' }, ...refusals },
      },
    },
    async (request) => updateContent(deps, callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/content/:id/links',
    {
      schema: {
        tags,
        summary:
          'Make a tracked link (/t/{token}) to share; with personId it is personal and its clicks are that person’s',
        params: IdParams,
        body: CreateLinkBody,
        response: { 201: { $ref: 'TrackedLink' }, ...refusals },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await createTrackedLink(
            deps,
            callerOf(request),
            request.params.id,
            request.body,
            appOrigin(request),
          ),
        ),
  );

  app.get(
    '/content/:id/engagements',
    {
      schema: {
        tags,
        summary: 'The latest engagement with a content item and the counts per kind (marketer or admin)',
        params: IdParams,
        querystring: EngagementListQuery,
        response: { 200: EngagementList, ...refusals },
      },
    },
    async (request) =>
      contentEngagements(deps, callerOf(request), request.params.id, request.query.limit ?? 50),
  );

  app.post(
    '/engagements',
    {
      schema: {
        tags,
        summary:
          'Record a view, click, like, reaction, share or comment by e-mail or person id (from a social network or by hand): 201 recorded, 200 a repeat of an external id (nothing stored); a new e-mail becomes a suspect lead',
        body: RecordEngagementBody,
        response: { 200: RecordedEngagement, 201: RecordedEngagement, ...authErrors },
      },
    },
    async (request, reply) => {
      const result = await recordEngagement(deps, callerOf(request), request.body);
      return reply.code(result.duplicate ? 200 : 201).send(result);
    },
  );
};
