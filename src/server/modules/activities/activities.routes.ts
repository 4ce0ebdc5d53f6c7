import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, Id, IdParams, ProblemRef } from '../../schemas/common.js';
import { ActivityPage, ActivityQuery, CreateActivityBody, UpdateActivityBody } from './activities.schemas.js';
import { addActivity, leadTimeline, setTaskDone } from './activities.service.js';

const tags = ['activities'];

export const activitiesRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/leads/:id/activities',
    {
      schema: {
        tags,
        summary: "A lead's timeline: notes, calls, meetings, e-mails, tasks and system events, newest first",
        params: IdParams,
        querystring: ActivityQuery,
        response: { 200: ActivityPage, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => leadTimeline(deps, callerOf(request), request.params.id, request.query),
  );

  app.post(
    '/leads/:id/activities',
    {
      schema: {
        tags,
        summary: 'Log a call, note, meeting or e-mail, or schedule a task',
        params: IdParams,
        body: CreateActivityBody,
        response: { 201: { $ref: 'Activity' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await addActivity(deps, callerOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/leads/:id/activities/:activityId',
    {
      schema: {
        tags,
        summary: 'Mark a task done or open again',
        params: Type.Object({ id: Id, activityId: Id }, { additionalProperties: false }),
        body: UpdateActivityBody,
        response: { 200: { $ref: 'Activity' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) =>
      setTaskDone(deps, callerOf(request), request.params.id, request.params.activityId, request.body.done),
  );
};
