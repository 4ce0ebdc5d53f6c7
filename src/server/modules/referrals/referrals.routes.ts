import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { appOrigin } from '../forms/forms.routes.js';
import { ReferralLinkResult } from './referrals.schemas.js';
import { referralLinkFor } from './referrals.service.js';

const tags = ['referrals'];

/** Referrals: a person's personal link to the referral form. */
export const referralsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/people/:id/referral-link',
    {
      schema: {
        tags,
        summary:
          'The person’s referral link (/r/{token}) to share: 201 a new one, 200 their live link reused (one per person)',
        params: IdParams,
        response: { 200: ReferralLinkResult, 201: ReferralLinkResult, ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const { created, ...link } = await referralLinkFor(
        deps,
        callerOf(request),
        request.params.id,
        appOrigin(request),
      );
      return reply.code(created ? 201 : 200).send(link);
    },
  );
};
