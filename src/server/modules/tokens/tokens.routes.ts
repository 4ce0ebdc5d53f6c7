import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { CreatedToken, CreateTokenBody, TokenList } from './tokens.schemas.js';
import { createToken, listTokens, revokeToken } from './tokens.service.js';

const tags = ['tokens'];
const config = { admin: 'token' as const };

export const tokensRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/tokens',
    {
      config,
      schema: {
        tags,
        summary: 'All API tokens, without their secrets (admin)',
        response: { 200: TokenList, ...authErrors },
      },
    },
    async () => ({ items: await listTokens(deps.db) }),
  );

  app.post(
    '/tokens',
    {
      config,
      schema: {
        tags,
        summary: 'Create an API token for a user (admin); the secret is returned once',
        body: CreateTokenBody,
        response: { 201: CreatedToken, ...authErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createToken(deps, callerOf(request), request.body)),
  );

  app.delete(
    '/tokens/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Revoke an API token (admin); it stops working at once',
        params: IdParams,
        response: { 204: Type.Null(), ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await revokeToken(deps, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );
};
