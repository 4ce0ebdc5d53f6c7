import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import {
  AssignableUser,
  CreatedUser,
  CreateUserBody,
  UpdateUserBody,
  UserEnvelope,
  UserList,
} from './users.schemas.js';
import { assignableUsers, createUser, getUser, listUsers, updateUser } from './users.service.js';

const tags = ['users'];
const config = { admin: 'user' as const };

export const usersRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/users/assignable',
    {
      schema: {
        tags,
        summary:
          'The people you may hand a lead to (a rep: themselves; a manager: their teams; an admin: everyone active)',
        response: { 200: Type.Object({ items: Type.Array(AssignableUser) }), ...authErrors },
      },
    },
    async (request) => ({ items: await assignableUsers(deps, callerOf(request)) }),
  );

  app.get(
    '/users',
    { config, schema: { tags, summary: 'All users (admin)', response: { 200: UserList, ...authErrors } } },
    async () => ({ items: await listUsers(deps.db) }),
  );

  app.post(
    '/users',
    {
      config,
      schema: {
        tags,
        summary: 'Create a user (admin); without a password one is generated and returned once',
        body: CreateUserBody,
        response: { 201: CreatedUser, ...authErrors, 409: ProblemRef },
      },
    },
    async (request, reply) => reply.code(201).send(await createUser(deps, callerOf(request), request.body)),
  );

  app.get(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'One user (admin)',
        params: IdParams,
        response: { 200: UserEnvelope, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => ({ user: await getUser(deps, request.params.id) }),
  );

  app.patch(
    '/users/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Change a user (admin): role, team, language, out of office, disable, reset password',
        params: IdParams,
        body: UpdateUserBody,
        response: { 200: UserEnvelope, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => ({ user: await updateUser(deps, callerOf(request), request.params.id, request.body) }),
  );
};
