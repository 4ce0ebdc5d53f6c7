import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { ProblemRef } from '../../schemas/common.js';
import { ReferralTokenParams } from './referrals.schemas.js';
import { referralFormPath } from './referrals.service.js';

/** `GET /r/{token}`: a referral link opens the referral form, carrying the token as `_ref`. */
export const publicReferralRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/r/:token',
    {
      schema: {
        tags: ['public referrals'],
        summary:
          'Follow a referral link: 302 to the active referral form (/embed/forms/{id}?_ref={token}); 404 for an unknown or disabled link, or when no referral form is active',
        params: ReferralTokenParams,
        response: { 302: Type.Null(), 404: ProblemRef },
      },
    },
    async (request, reply) =>
      reply
        .header('Cache-Control', 'no-store')
        .redirect(await referralFormPath(deps, request.params.token), 302),
  );
};
