import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopeFor } from '../../../domain/access/policy.js';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { teamChoices } from './teams.repository.js';
import { CreateTeamBody, TeamChoiceList, TeamList, UpdateTeamBody } from './teams.schemas.js';
import { createTeam, listTeams, updateTeam } from './teams.service.js';

const tags = ['teams'];
const config = { admin: 'team' as const };

export const teamsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/teams',
    {
      config,
      schema: {
        tags,
        summary: 'All teams with their member counts (admin)',
        response: { 200: TeamList, ...authErrors },
      },
    },
    async () => ({ items: await listTeams(deps.db) }),
  );

  app.get(
    '/teams/choices',
    {
      schema: {
        tags,
        summary:
          'Teams whose leads you may see, for pickers and filters (a manager: their teams; a rep: none)',
        response: { 200: TeamChoiceList, ...authErrors },
      },
    },
    async (request) => ({ items: await teamChoices(deps.db, scopeFor(callerOf(request).actor, 'lead')) }),
  );

  app.post(
    '/teams',
    {
      config,
      schema: {
        tags,
        summary: 'Create a team (admin)',
        body: CreateTeamBody,
        response: { 201: { $ref: 'Team' }, ...authErrors, 409: ProblemRef },
      },
    },
    async (request, reply) => reply.code(201).send(await createTeam(deps, callerOf(request), request.body)),
  );

  app.patch(
    '/teams/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Rename a team or change its manager (admin)',
        params: IdParams,
        body: UpdateTeamBody,
        response: { 200: { $ref: 'Team' }, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => updateTeam(deps, callerOf(request), request.params.id, request.body),
  );
};
