import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { ProblemRef } from '../../schemas/common.js';
import { allowPreflight, echoCallerOrigin } from '../capture/cors.js';
import { followTrackedLink, trackView } from './engagement.events.service.js';
import { TokenParams, TrackBeaconBody } from './engagement.schemas.js';

const tags = ['public tracking'];
/** A beacon is a few hundred bytes; anything bigger is not one. */
const BEACON_BODY_LIMIT = 4 * 1024;

/**
 * The public side of engagement tracking: `GET /t/{token}` (a tracked link: count the click, send
 * the visitor on) and `POST /api/public/track` (the page-view beacon). The beacon takes JSON sent
 * as `text/plain` too — what `navigator.sendBeacon` sends without a CORS preflight — and answers any
 * site, echoing its Origin.
 */
export const publicTrackingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.addContentTypeParser(
    'text/plain',
    { parseAs: 'string', bodyLimit: BEACON_BODY_LIMIT },
    app.getDefaultJsonParser('error', 'error'),
  );

  echoCallerOrigin(app, '/api/public/');

  app.get(
    '/t/:token',
    {
      schema: {
        tags,
        summary:
          'Follow a tracked link: the click is recorded (a personal link’s as that person’s, else with the visitor id in pv_vid) and the answer is 302 to the link’s stored http(s) target',
        params: TokenParams,
        querystring: Type.Object({
          pv_vid: Type.Optional(Type.String({ description: 'the visitor id, when a page adds it' })),
        }),
        response: { 302: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const target = await followTrackedLink(
        deps,
        request.params.token,
        { ip: request.ip, visitorId: request.query.pv_vid },
        (error) => request.log.error({ err: error }, 'a tracked click was not recorded'),
      );
      return reply.header('Cache-Control', 'no-store').redirect(target, 302);
    },
  );

  allowPreflight(app, '/api/public/track');

  app.post(
    '/api/public/track',
    {
      bodyLimit: BEACON_BODY_LIMIT,
      schema: {
        tags,
        summary:
          'A page view from a site (JSON, or JSON as text/plain from sendBeacon): the content by tracked-link token or its URL, with the visitor id; 202 stored, 400 bad input, 404 no such content, 429 with Retry-After',
        security: [],
        consumes: ['application/json', 'text/plain'],
        body: TrackBeaconBody,
        response: {
          202: Type.Object({ id: Type.String() }),
          400: ProblemRef,
          404: ProblemRef,
          413: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => reply.code(202).send(await trackView(deps, request.body, { ip: request.ip })),
  );
};
