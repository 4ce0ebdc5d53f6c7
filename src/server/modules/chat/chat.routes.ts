import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf, resolveAuth } from '../../plugins/auth.js';
import { eventStreams } from '../../plugins/sse.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { appOrigin } from '../forms/forms.routes.js';
import { followInbox } from './chat.events.js';
import {
  ChatWidgetList,
  ConversationDetail,
  ConversationList,
  ConversationListQuery,
  CreateWidgetBody,
  MessageBody,
  UpdateWidgetBody,
} from './chat.schemas.js';
import {
  closeConversation,
  getConversation,
  joinConversation,
  listConversations,
  sendUserMessage,
} from './chat.service.js';
import { createWidget, getWidget, listWidgets, updateWidget } from './chat.widgets.service.js';

const tags = ['chat'];
const EventStream = Type.String({ description: 'text/event-stream' });

/** Website chat, the colleagues' side: widgets (marketers and admins change them) and conversations. */
export const chatRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const openStream = eventStreams(app);

  app.get(
    '/chat/widgets',
    {
      schema: {
        tags,
        summary: 'Chat widgets, newest first',
        response: { 200: ChatWidgetList, ...authErrors },
      },
    },
    async (request) => ({ items: await listWidgets(deps, callerOf(request), appOrigin(request)) }),
  );

  app.post(
    '/chat/widgets',
    {
      schema: {
        tags,
        summary: 'Create a chat widget (marketer or admin): greeting, allowed sites, source, campaign, owner',
        body: CreateWidgetBody,
        response: { 201: { $ref: 'ChatWidget' }, ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createWidget(deps, callerOf(request), request.body, appOrigin(request))),
  );

  app.get(
    '/chat/widgets/:id',
    {
      schema: {
        tags,
        summary: 'One chat widget with its embed snippet',
        params: IdParams,
        response: { 200: { $ref: 'ChatWidget' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => getWidget(deps, callerOf(request), request.params.id, appOrigin(request)),
  );

  app.patch(
    '/chat/widgets/:id',
    {
      schema: {
        tags,
        summary: 'Change a chat widget (marketer or admin); archived widgets start no conversations',
        params: IdParams,
        body: UpdateWidgetBody,
        response: { 200: { $ref: 'ChatWidget' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) =>
      updateWidget(deps, callerOf(request), request.params.id, request.body, appOrigin(request)),
  );

  app.get(
    '/chat/conversations',
    {
      schema: {
        tags,
        summary:
          'Conversations the caller may see, latest message first: the open queue, and joined ones by the lead access rules',
        querystring: ConversationListQuery,
        response: { 200: ConversationList, ...authErrors },
      },
    },
    async (request) => listConversations(deps, callerOf(request), request.query),
  );

  app.get(
    '/chat/conversations/:id',
    {
      schema: {
        tags,
        summary: 'One conversation with its messages',
        params: IdParams,
        response: { 200: ConversationDetail, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => getConversation(deps, callerOf(request), request.params.id),
  );

  app.post(
    '/chat/conversations/:id/join',
    {
      schema: {
        tags,
        summary:
          'Join a conversation: the bot stops and the caller answers (409 when another colleague has joined)',
        params: IdParams,
        response: { 200: ConversationDetail, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => joinConversation(deps, callerOf(request), request.params.id),
  );

  app.post(
    '/chat/conversations/:id/messages',
    {
      schema: {
        tags,
        summary:
          'Answer in a conversation (only the colleague who joined; plain text, at most 2,000 characters)',
        params: IdParams,
        body: MessageBody,
        response: { 201: { $ref: 'ChatMessage' }, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await sendUserMessage(deps, callerOf(request), request.params.id, request.body.body)),
  );

  app.post(
    '/chat/conversations/:id/close',
    {
      schema: {
        tags,
        summary: 'Close a conversation; its transcript on the lead’s timeline is final',
        params: IdParams,
        response: { 200: ConversationDetail, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => closeConversation(deps, callerOf(request), request.params.id),
  );

  app.get(
    '/chat/events',
    {
      schema: {
        tags,
        summary:
          'Server-sent events for the conversations screen: `conversation` with { id, status, lastMessageAt } whenever one the caller may see changes',
        produces: ['text/event-stream'],
        response: { 200: EventStream, ...authErrors },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      const report = (error: unknown) => request.log.error({ err: error }, 'chat event stream failed');
      const reader = {
        actor: caller.actor,
        recheck: async () => (await resolveAuth(deps, request))?.actor ?? null,
      };
      await followInbox(deps, () => openStream(request, reply), reader, report);
    },
  );
};
