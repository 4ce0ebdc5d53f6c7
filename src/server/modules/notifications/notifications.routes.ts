import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AppError } from '../../../domain/errors/app-error.js';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, Id, IdParams, ProblemRef, Timestamp } from '../../schemas/common.js';
import { markRead, notificationsOf, unreadCount } from './notifications.repository.js';

const tags = ['notifications'];
const Notification = Type.Object({
  id: Id,
  kind: Type.String({ description: 'e.g. lead_revisit_due' }),
  entityType: Type.String(),
  entityId: Type.String(),
  data: Type.Record(Type.String(), Type.Unknown()),
  createdAt: Timestamp,
  readAt: Type.Union([Timestamp, Type.Null()]),
});

export const notificationsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/notifications',
    {
      schema: {
        tags,
        summary: 'Your notifications, newest first, with the unread count',
        querystring: Type.Object(
          {
            unread: Type.Optional(Type.Boolean()),
            limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 30 })),
          },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Object({ items: Type.Array(Notification), unread: Type.Integer() }),
          ...authErrors,
        },
      },
    },
    async (request) => {
      const { user } = callerOf(request);
      const items = await notificationsOf(
        deps.db,
        user.id,
        request.query.limit ?? 30,
        request.query.unread ?? false,
      );
      return { items, unread: await unreadCount(deps.db, user.id) };
    },
  );
  app.post(
    '/notifications/:id/read',
    {
      schema: {
        tags,
        summary: 'Mark a notification read',
        params: IdParams,
        response: { 204: Type.Null(), ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const { user } = callerOf(request);
      if (!(await markRead(deps.db, user.id, request.params.id, deps.now().toISOString()))) {
        throw new AppError('not_found', 'No such notification');
      }
      return reply.code(204).send(null);
    },
  );
};
