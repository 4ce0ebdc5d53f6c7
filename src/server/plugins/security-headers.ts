import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/** The SPA's policy: only our own scripts and connections; Mantine needs inline style attributes. */
const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Headers on every response: no framing (clickjacking), no MIME sniffing, no referrer leaks to
 * other sites; the app's HTML also gets a Content-Security-Policy that blocks injected scripts.
 * (The API docs UI brings its own inline scripts, so it gets only `frame-ancestors`.)
 */
declare module 'fastify' {
  interface FastifyContextConfig {
    /** Embeddable on other sites (the form iframe page, the embed scripts): the route sets its own framing policy. */
    embeddable?: boolean;
  }
}

export const securityHeadersPlugin = fp(async (app: FastifyInstance) => {
  app.addHook('onSend', async (request, reply, payload) => {
    reply.header('X-Content-Type-Options', 'nosniff');
    if (request.routeOptions.config?.embeddable) return payload;
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Referrer-Policy', 'same-origin');
    const isHtml = String(reply.getHeader('content-type') ?? '').startsWith('text/html');
    const isDocs = request.routeOptions.url?.startsWith('/api/docs');
    reply.header('Content-Security-Policy', isHtml && !isDocs ? APP_CSP : "frame-ancestors 'none'");
    return payload;
  });
});
