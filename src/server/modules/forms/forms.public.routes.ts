import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { ProblemRef } from '../../schemas/common.js';
import { allowPreflight, echoCallerOrigin } from '../capture/cors.js';
import { lazyBundle } from '../capture/embed-bundle.js';
import { appOrigin } from './forms.routes.js';
import { FormIdParams, PublicSubmissionBody, PublicSubmissionResult } from './forms.schemas.js';
import { embedConfig, submitForm } from './forms.service.js';

const tags = ['public forms'];
/** A visitor's submission is small; anything bigger is not a form post. */
export const PUBLIC_BODY_LIMIT = 64 * 1024;

/** `a=1&b=2&b=3` → `{ a: '1', b: ['2', '3'] }`; own properties only, so `__proto__` is just a key. */
export function parseUrlEncoded(body: string): Record<string, string | string[]> {
  const out = new Map<string, string | string[]>();
  for (const [key, value] of new URLSearchParams(body)) {
    const prev = out.get(key);
    out.set(key, prev === undefined ? value : [...[prev].flat(), value]);
  }
  return Object.fromEntries(out);
}

/**
 * The public side of web forms, under /api/public: the form definition for the embed script and
 * the submission endpoint (JSON or urlencoded). Any site may post (the allowed-origin check sends
 * strangers to quarantine, it does not refuse them), so responses echo the caller's Origin.
 */
export const publicFormsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.addContentTypeParser(
    'application/x-www-form-urlencoded',
    { parseAs: 'string', bodyLimit: PUBLIC_BODY_LIMIT },
    (_request, body, done) => done(null, parseUrlEncoded(String(body))),
  );
  echoCallerOrigin(app);

  app.get(
    '/forms/:id',
    {
      schema: {
        tags,
        summary: 'A form as the embed script renders it, with a fresh render token (active forms only)',
        params: FormIdParams,
        response: { 200: Type.Object({}, { additionalProperties: true }), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      reply.header('Cache-Control', 'no-store');
      return embedConfig(deps, request.params.id, appOrigin(request));
    },
  );

  allowPreflight(app, '/forms/:id/submissions', FormIdParams);

  app.post(
    '/forms/:id/submissions',
    {
      bodyLimit: PUBLIC_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Submit a web form (JSON or application/x-www-form-urlencoded): 201 stored, 202 held in quarantine, 400 with every field problem, 429 with Retry-After',
        params: FormIdParams,
        body: PublicSubmissionBody,
        response: {
          201: PublicSubmissionResult,
          202: PublicSubmissionResult,
          400: ProblemRef,
          404: ProblemRef,
          413: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const result = await submitForm(deps, request.params.id, request.body, {
        ip: request.ip,
        origin: request.headers.origin,
        referer: request.headers.referer,
        userAgent: request.headers['user-agent'],
        appOrigin: appOrigin(request),
      });
      return reply.code(result.status === 'stored' ? 201 : 202).send(result);
    },
  );
};

const embedBundle = lazyBundle('embed.js');

/** JSON that is safe inside a <script> and a JS string: no `</script>`, no U+2028/2029 line breaks. */
export function scriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

function htmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * The embeddable pieces, served from the app's origin to any site: the form script (its
 * definition pushed to `window.PiltuvasForms`, then the shared bundle), the tracker for a site's
 * other pages, and a page for the iframe variant that may be framed by the form's allowed sites.
 */
export const embedRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const NameParams = Type.Object(
    {
      name: Type.String({
        pattern: '^[0-9a-fA-F-]{36}(\\.js)?$',
        description: '<form id>.js (script) or <form id> (iframe page)',
      }),
    },
    { additionalProperties: false },
  );
  app.get(
    '/embed/forms/:name',
    {
      config: { embeddable: true },
      schema: {
        tags,
        summary: 'The form script to paste into a site (<id>.js), or the page for the iframe variant (<id>)',
        params: NameParams,
        produces: ['application/javascript', 'text/html'],
        response: { 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const { name } = request.params;
      const id = name.replace(/\.js$/, '').toLowerCase();
      const config = await embedConfig(deps, id, appOrigin(request));
      reply.header('Cache-Control', 'no-store').header('X-Content-Type-Options', 'nosniff');
      if (name.endsWith('.js')) {
        const push = `(window.PiltuvasForms=window.PiltuvasForms||[]).push(${scriptJson(config)});\n`;
        return reply.type('application/javascript; charset=utf-8').send(push + embedBundle());
      }
      // 'self': the builder's own preview frames it too.
      const ancestors = config.allowedOrigins.length ? `'self' ${config.allowedOrigins.join(' ')}` : '*';
      reply.header(
        'Content-Security-Policy',
        `default-src 'none'; script-src 'self'; style-src 'unsafe-inline'; connect-src 'self'; img-src 'self' data:; frame-ancestors ${ancestors}; base-uri 'none'; form-action 'self'`,
      );
      const lang = config.defaultLanguage;
      return reply
        .type('text/html; charset=utf-8')
        .send(
          `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${htmlText(config.name)}</title><style>body{margin:0;padding:8px;font-family:system-ui,sans-serif}</style></head><body><div data-piltuvas-form="${id}"></div><script src="/embed/forms/${id}.js"></script></body></html>`,
        );
    },
  );

  app.get(
    '/embed/tracker.js',
    {
      config: { embeddable: true },
      schema: {
        tags,
        summary: 'The attribution tracker for the other pages of a site (first and last touch)',
        produces: ['application/javascript'],
      },
    },
    async (_request, reply) =>
      reply
        .header('Cache-Control', 'public, max-age=300')
        .type('application/javascript; charset=utf-8')
        .send(embedBundle()),
  );
};
