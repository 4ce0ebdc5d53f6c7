import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { AttributionSchema } from '../capture/capture.schemas.js';
import { leadAttribution } from '../capture/capture.service.js';
import { setLeadDeleted } from './lead-bin.service.js';
import { changeStage } from './lead-stage.service.js';
import { listLeads } from './leads.query.service.js';
import {
  CreatedLeadBatch,
  CreateLeadBatchBody,
  CreateLeadBody,
  LeadHistory,
  LeadListQuery,
  LeadPage,
  MAX_BATCH_LEADS,
  StageBody,
  UpdateLeadBody,
} from './leads.schemas.js';
import { createLead, createLeadBatch, getLead, leadHistory, updateLead } from './leads.service.js';

const tags = ['leads'];
const LeadRef = { $ref: 'Lead' };
const notFound = { 404: ProblemRef };

export const leadsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/leads',
    {
      schema: {
        tags,
        summary: 'Leads you may see: filtered, sorted, keyset-paged',
        querystring: LeadListQuery,
        response: { 200: LeadPage, ...authErrors },
      },
    },
    async (request) => listLeads(deps, callerOf(request), request.query),
  );

  app.post(
    '/leads',
    {
      schema: {
        tags,
        summary: 'Create a lead with its person and/or organisation in one request',
        description:
          'A known e-mail links the lead to the existing person (a returning person keeps one identity); a known company code to the existing organisation. Phone and website matches come back as `duplicates`.',
        body: CreateLeadBody,
        response: { 201: LeadRef, ...authErrors },
      },
    },
    async (request, reply) => reply.code(201).send(await createLead(deps, callerOf(request), request.body)),
  );

  app.post(
    '/leads/batch',
    {
      bodyLimit: 8 * 1024 * 1024,
      schema: {
        tags,
        summary: `Create up to ${MAX_BATCH_LEADS} leads in one request: all or none`,
        description:
          'Each lead is validated, matched to known people and organisations, scored and routed exactly as by `POST /leads`, in one transaction. If any lead is invalid, nothing is created and the problem names each field as `leads.{index}.{field}`. Duplicate candidates (phone, website) are not computed here.',
        body: CreateLeadBatchBody,
        response: { 201: CreatedLeadBatch, ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send({ items: await createLeadBatch(deps, callerOf(request), request.body.leads) }),
  );

  app.get(
    '/leads/:id',
    {
      schema: {
        tags,
        summary: 'One lead with its person and organisation',
        params: IdParams,
        response: { 200: LeadRef, ...authErrors, ...notFound },
      },
    },
    async (request) => getLead(deps, callerOf(request), request.params.id),
  );

  app.patch(
    '/leads/:id',
    {
      schema: {
        tags,
        summary: 'Change a lead',
        params: IdParams,
        body: UpdateLeadBody,
        response: { 200: LeadRef, ...authErrors, ...notFound },
      },
    },
    async (request) => updateLead(deps, callerOf(request), request.params.id, request.body),
  );

  app.post(
    '/leads/:id/stage',
    {
      schema: {
        tags,
        summary: 'Move a lead through its life cycle (disqualify needs a reason, parking a revisit date)',
        params: IdParams,
        body: StageBody,
        response: { 200: LeadRef, ...authErrors, ...notFound, 422: ProblemRef },
      },
    },
    async (request) => changeStage(deps, callerOf(request), request.params.id, request.body),
  );

  app.delete(
    '/leads/:id',
    {
      schema: {
        tags,
        summary: 'Move a lead to the bin (soft delete)',
        params: IdParams,
        response: { 200: LeadRef, ...authErrors, ...notFound },
      },
    },
    async (request) => setLeadDeleted(deps, callerOf(request), request.params.id, true),
  );

  app.post(
    '/leads/:id/restore',
    {
      schema: {
        tags,
        summary: 'Bring a lead back from the bin',
        params: IdParams,
        body: Type.Optional(Type.Null()),
        response: { 200: LeadRef, ...authErrors, ...notFound },
      },
    },
    async (request) => setLeadDeleted(deps, callerOf(request), request.params.id, false),
  );

  app.get(
    '/leads/:id/history',
    {
      schema: {
        tags,
        summary:
          "A lead's stage, owner and temperature changes, oldest first: who, when, through which channel",
        description: 'Time in each stage follows from consecutive stage entries (the KPIs use it).',
        params: IdParams,
        response: { 200: LeadHistory, ...authErrors, ...notFound },
      },
    },
    async (request) => ({ items: await leadHistory(deps, callerOf(request), request.params.id) }),
  );

  app.get(
    '/leads/:id/attribution',
    {
      schema: {
        tags,
        summary:
          'Where a lead came from: its first and latest touch (UTM parameters, click ids, referrer, landing page) and every touch',
        params: IdParams,
        response: { 200: AttributionSchema, ...authErrors, ...notFound },
      },
    },
    async (request) => leadAttribution(deps, callerOf(request), request.params.id),
  );
};
