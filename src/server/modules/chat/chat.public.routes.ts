import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { eventStreams, redactedRequest } from '../../plugins/sse.js';
import { IdParams, ProblemRef } from '../../schemas/common.js';
import { allowPreflight, echoCallerOrigin } from '../capture/cors.js';
import { appOrigin } from '../forms/forms.routes.js';
import { followConversation } from './chat.events.js';
import { limit, STREAM_REQUESTS_PER_MINUTE, StreamSlots } from './chat.limits.js';
import {
  AfterQuery,
  EventsQuery,
  MessageBody,
  PublicMessages,
  PublicWidget,
  SentMessages,
  StartConversationBody,
  StartedConversation,
  TokenHeaders,
  WidgetIdParams,
} from './chat.schemas.js';
import {
  addressKey,
  sendVisitorMessage,
  startConversation,
  type VisitorMeta,
  visitorConversation,
  visitorMessages,
} from './chat.visitor.service.js';
import { publicWidget } from './chat.widgets.service.js';

const tags = ['public chat'];
/** A visitor's message is small; anything bigger is not a chat message. */
const PUBLIC_BODY_LIMIT = 16 * 1024;

function metaOf(request: FastifyRequest): VisitorMeta {
  return {
    ip: request.ip,
    origin: request.headers.origin,
    referer: request.headers.referer,
    appOrigin: appOrigin(request),
  };
}

/** The seq a stream resumes after: the browser's Last-Event-ID on reconnect, else `?after`. */
function resumeAfter(request: FastifyRequest, after: number | undefined): number {
  const last = Number.parseInt(String(request.headers['last-event-id'] ?? ''), 10);
  return Number.isSafeInteger(last) && last >= 0 ? last : (after ?? 0);
}

/**
 * The visitor's side of the website chat, under /api/public: any site may call it (the widget's
 * allowed sites are checked when a conversation starts), so answers echo the caller's Origin.
 * A conversation's token (X-Chat-Token, or ?token= on the event stream) is its only key.
 */
export const publicChatRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  echoCallerOrigin(app);
  const openStream = eventStreams(app);
  const slots = new StreamSlots(() => deps.config.chatStreamsPerAddress);
  const withToken = { methods: 'GET, POST', headers: 'Content-Type, X-Chat-Token' };

  app.get(
    '/chat/widgets/:widgetId',
    {
      schema: {
        tags,
        summary: 'A chat widget as the embed script shows it (active widgets only)',
        params: WidgetIdParams,
        response: { 200: PublicWidget, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return publicWidget(deps, request.params.widgetId);
    },
  );

  allowPreflight(app, '/chat/widgets/:widgetId/conversations', WidgetIdParams);
  app.post(
    '/chat/widgets/:widgetId/conversations',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Start a conversation: its id and token, and the bot’s greeting and first question (429 with Retry-After past the limit)',
        params: WidgetIdParams,
        body: StartConversationBody,
        response: {
          201: StartedConversation,
          400: ProblemRef,
          403: ProblemRef,
          404: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await startConversation(deps, request.params.widgetId, request.body, metaOf(request))),
  );

  allowPreflight(app, '/chat/conversations/:id/messages', IdParams, withToken);
  app.post(
    '/chat/conversations/:id/messages',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'The visitor’s message (plain text, at most 2,000 characters): it and the bot’s answers. Wrong token → 404',
        params: IdParams,
        headers: TokenHeaders,
        body: MessageBody,
        response: {
          201: SentMessages,
          400: ProblemRef,
          404: ProblemRef,
          409: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const token = request.headers['x-chat-token'];
      return reply
        .code(201)
        .send(await sendVisitorMessage(deps, id, token, request.body.body, metaOf(request)));
    },
  );

  app.get(
    '/chat/conversations/:id/messages',
    {
      schema: {
        tags,
        summary:
          'Messages after a seq, the status and the colleague’s name (the poll fallback). Wrong token → 404',
        params: IdParams,
        headers: TokenHeaders,
        querystring: AfterQuery,
        response: { 200: PublicMessages, 404: ProblemRef, 429: ProblemRef },
      },
    },
    async (request, reply) => {
      // A conversation is one visitor's: no shared cache may keep it, no cache at all need.
      reply.header('Cache-Control', 'no-store, private');
      const { id } = request.params;
      const token = request.headers['x-chat-token'];
      return visitorMessages(deps, id, token, request.query.after ?? 0, request.ip);
    },
  );

  app.get(
    '/chat/conversations/:id/events',
    {
      logSerializers: { req: redactedRequest },
      schema: {
        tags,
        summary:
          'Server-sent events of a conversation: `message` (id = seq; Last-Event-ID or ?after replays the later ones) and `status` { status, agentName? }; the stream ends when the conversation closes, and after 30 minutes (EventSource resumes). Wrong token → 404; 429 past the limits',
        params: IdParams,
        querystring: EventsQuery,
        produces: ['text/event-stream'],
        response: {
          200: Type.String({ description: 'text/event-stream' }),
          204: Type.Null({
            description: 'the conversation has ended and everything was sent: stop reconnecting',
          }),
          404: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const { id } = request.params;
      const address = addressKey(deps, request.ip);
      limit('streams', `${id}|${address}`, STREAM_REQUESTS_PER_MINUTE, deps.now().getTime());
      // Taken before anything is awaited: streams opened together are counted together.
      const release = slots.take(id, address);
      try {
        const conversation = await visitorConversation(deps.db, id, request.query.token);
        const after = resumeAfter(request, request.query.after);
        // Closed and nothing left to replay: 204 tells EventSource to stop reconnecting.
        if (conversation.status === 'closed' && after >= conversation.lastSeq) {
          release();
          return reply.code(204).send(null);
        }
        const report = (error: unknown) => request.log.error({ err: error }, 'chat event stream failed');
        const stream = await followConversation(deps, () => openStream(request, reply), id, after, report);
        stream.onClose(release);
      } catch (error) {
        release();
        throw error;
      }
    },
  );
};
