import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { WEBHOOK_SIGNATURE_HEADER } from '../../../domain/integrations/signature.js';
import type { Deps } from '../../context.js';
import { ProblemRef } from '../../schemas/common.js';
import { WebhookAccepted, WebhookDuplicate, WebhookParams } from './integrations.schemas.js';
import { notJson, receiveWebhook } from './webhooks.service.js';

const tags = ['public webhooks'];
/** Largest event body taken (the `webhook_events.body` limit); bigger → 413. */
export const WEBHOOK_BODY_LIMIT = 256 * 1024;

// why the cast: fastify types a body parser as callback-or-promise; its default JSON parser is the
// callback kind and calls back before returning (fastify/lib/content-type-parser.js).
type CallbackParser = (
  request: FastifyRequest,
  body: string,
  done: (error: Error | null, value?: unknown) => void,
) => void;

/**
 * The public end of inbound webhooks, under /api/public, in its own scope: here `application/json`
 * (and `text/plain`, which some senders use) arrive as the exact bytes, because the signature
 * covers those bytes, not a re-serialised object. JSON is parsed only after the signature holds.
 */
export const publicWebhooksRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const keepBytes = (_request: FastifyRequest, body: Buffer, done: (e: Error | null, b: Buffer) => void) =>
    done(null, body);
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT },
    keepBytes,
  );
  app.addContentTypeParser('text/plain', { parseAs: 'buffer', bodyLimit: WEBHOOK_BODY_LIMIT }, keepBytes);
  const strictJson = app.getDefaultJsonParser('error', 'error') as CallbackParser;

  function parseJson(request: FastifyRequest, text: string): unknown {
    const out: { ok: boolean; value?: unknown } = { ok: false };
    strictJson(request, text, (error, value) => {
      out.ok = error === null;
      out.value = value;
    });
    if (!out.ok) throw notJson();
    return out.value;
  }

  app.post(
    '/webhooks/:integrationId',
    {
      bodyLimit: WEBHOOK_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'Deliver an event (JSON, at most 256 KiB), signed with `X-Piltuvas-Signature: sha256=<hex HMAC-SHA256 of the raw body>`: 202 stored, 200 a repeat of an event id already received (nothing stored), 401 bad signature, 400 not JSON / no event id / fields a lead cannot take, 404 unknown or inactive, 429 with Retry-After',
        security: [],
        consumes: ['application/json', 'text/plain'],
        params: WebhookParams,
        headers: Type.Object({
          [WEBHOOK_SIGNATURE_HEADER]: Type.Optional(
            Type.String({
              description:
                'required: sha256=<64 hex digits>, the HMAC-SHA256 of the exact body bytes keyed with the integration secret (the previous secret is accepted for 24 h after a rotation)',
            }),
          ),
        }),
        body: Type.Unknown({
          description: 'the sender’s JSON event; the integration’s mapping reads it',
        }),
        response: {
          200: WebhookDuplicate,
          202: WebhookAccepted,
          400: ProblemRef,
          401: ProblemRef,
          404: ProblemRef,
          413: ProblemRef,
          415: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const signature = request.headers[WEBHOOK_SIGNATURE_HEADER];
      const result = await receiveWebhook(deps, request.params.integrationId, {
        body: Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0),
        signature: typeof signature === 'string' ? signature : undefined,
        parseJson: (text) => parseJson(request, text),
      });
      return reply.code('duplicate' in result ? 200 : 202).send(result);
    },
  );
};
