import type { FastifyInstance } from 'fastify';
import { originOf } from '../../../domain/capture/spam.js';

/**
 * Public capture endpoints are called from any site (the embed script, a beacon). Every answer —
 * errors too, set before the handler — echoes the caller's Origin, never with credentials, and
 * exposes Retry-After: an answer the page cannot read looks like a network error and would be
 * retried for nothing. `under`: only for URLs with this prefix (in a scope with other routes).
 */
export function echoCallerOrigin(app: FastifyInstance, under = ''): void {
  app.addHook('onRequest', async (request, reply) => {
    const origin = originOf(request.headers.origin);
    if (!origin || !request.url.startsWith(under)) return;
    reply
      .header('Access-Control-Allow-Origin', origin)
      .header('Access-Control-Expose-Headers', 'Retry-After')
      .header('Vary', 'Origin');
  });
}

/**
 * The CORS preflight of a JSON POST to a public endpoint (an urlencoded post needs none); `allow`
 * widens it for an API that also sends its own headers (the chat's X-Chat-Token, on GET too).
 */
export function allowPreflight(
  app: FastifyInstance,
  url: string,
  params?: object,
  allow: { methods?: string; headers?: string } = {},
): void {
  app.options(url, { schema: { hide: true, ...(params ? { params } : {}) } }, async (_request, reply) =>
    reply
      .header('Access-Control-Allow-Methods', allow.methods ?? 'POST')
      .header('Access-Control-Allow-Headers', allow.headers ?? 'Content-Type')
      .header('Access-Control-Max-Age', '600')
      .code(204)
      .send(),
  );
}
