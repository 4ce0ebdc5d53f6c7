import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { sql } from 'kysely';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { migrationsDone } from '../../db/migrate.js';

const Status = Type.Object({ status: Type.String(), detail: Type.Optional(Type.String()) });

export const healthRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  // Once this process has seen every one of its migrations applied, that stays true: later probes
  // (load balancers ask every few seconds) only check that the database answers.
  let migrated = false;

  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      schema: { tags: ['health'], summary: 'The process is up', response: { 200: Status } },
    },
    async () => ({ status: 'ok' }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        tags: ['health'],
        summary: 'The database answers and every migration is applied',
        response: { 200: Status, 503: Status },
      },
    },
    async (request, reply) => {
      try {
        await sql`select 1`.execute(deps.db);
        migrated ||= await migrationsDone(deps);
        if (!migrated) {
          return reply.code(503).send({ status: 'unavailable', detail: 'migrations pending' });
        }
        return { status: 'ok' };
      } catch (error) {
        request.log.warn({ err: error }, 'readiness check failed');
        return reply.code(503).send({ status: 'unavailable', detail: 'database unreachable' });
      }
    },
  );
};
