import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sendProblem } from './errors.js';

/**
 * Serves the built SPA (dist/web) and answers unknown non-API GETs with index.html so client
 * routes survive a reload. Unknown API routes get a 404 problem.
 */
export const staticPlugin = fp(async (app: FastifyInstance, opts: { webRoot: string }) => {
  const hasWeb = existsSync(join(opts.webRoot, 'index.html'));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: opts.webRoot,
      wildcard: false,
      index: false,
      cacheControl: false,
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !/\.[a-z0-9]+$/i.test(request.url.split('?')[0] ?? '');
    if (isPage && hasWeb) {
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    if (isPage) {
      return reply
        .type('text/plain')
        .code(503)
        .send('The web app is not built yet: run `npm run build:web` (npm start does it for you).');
    }
    return sendProblem(reply, 404, 'not_found', `No route ${request.method} ${request.url.split('?')[0]}`);
  });
});
