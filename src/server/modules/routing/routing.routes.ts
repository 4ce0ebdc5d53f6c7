import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import {
  Inbox,
  InboxQuery,
  LeadAssignmentSchema,
  RoutingDecisionSchema,
  RoutingPeople,
  RoutingRuleBody,
  RoutingRuleList,
  RoutingTestBody,
} from './routing.schemas.js';
import {
  addRoutingRule,
  changeRoutingRule,
  leadAssignment,
  listRoutingRules,
  myInbox,
  removeRoutingRule,
  routingPeopleOf,
  testRouting,
} from './routing.service.js';

const tags = ['routing'];

export const routingRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/routing/rules',
    {
      schema: {
        tags,
        summary: 'Routing rules in the order they are tried (admins, marketers, managers)',
        response: { 200: RoutingRuleList, ...authErrors },
      },
    },
    async (request) => listRoutingRules(deps, callerOf(request)),
  );

  app.post(
    '/routing/rules',
    {
      schema: {
        tags,
        summary: 'Add a routing rule: conditions, a team or people, and a strategy (admins, marketers)',
        body: RoutingRuleBody,
        response: { 201: { $ref: 'RoutingRule' }, ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addRoutingRule(deps, callerOf(request), request.body)),
  );

  app.put(
    '/routing/rules/:id',
    {
      schema: {
        tags,
        summary: 'Replace a routing rule (its turns start over)',
        params: IdParams,
        body: RoutingRuleBody,
        response: { 200: { $ref: 'RoutingRule' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => changeRoutingRule(deps, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/routing/rules/:id',
    {
      schema: {
        tags,
        summary: 'Delete a routing rule (recorded assignments keep its name)',
        params: IdParams,
        response: { 204: Type.Null(), ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      await removeRoutingRule(deps, callerOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/routing/people',
    {
      schema: {
        tags,
        summary:
          'Who routing may give leads to: availability, capacity and open leads (admins, marketers, managers)',
        response: { 200: RoutingPeople, ...authErrors },
      },
    },
    async (request) => routingPeopleOf(deps, callerOf(request)),
  );

  app.post(
    '/routing/test',
    {
      schema: {
        tags,
        summary: 'Who would get this lead, and why: nothing is assigned and no turn moves',
        body: RoutingTestBody,
        response: { 200: RoutingDecisionSchema, ...authErrors },
      },
    },
    async (request) => testRouting(deps, callerOf(request), request.body),
  );

  app.get(
    '/leads/inbox',
    {
      schema: {
        tags: ['leads', ...tags],
        summary:
          "My new leads: the caller's open leads not contacted yet, highest score first, with first-response times",
        querystring: InboxQuery,
        response: { 200: Inbox, ...authErrors },
      },
    },
    async (request) => myInbox(deps, callerOf(request), request.query.limit ?? 50),
  );

  app.get(
    '/leads/:id/assignment',
    {
      schema: {
        tags: ['leads', ...tags],
        summary: 'Why the lead has its owner: the rule, strategy, candidates and who was skipped, and when',
        params: IdParams,
        response: { 200: LeadAssignmentSchema, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => leadAssignment(deps, callerOf(request), request.params.id),
  );
};
