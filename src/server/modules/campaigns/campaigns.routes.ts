import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import { memberPage, putMember } from './campaign-members.service.js';
import {
  CampaignListQuery,
  CampaignPage,
  CreateCampaignBody,
  MemberListQuery,
  MemberPage,
  MemberParams,
  PutMemberBody,
  UpdateCampaignBody,
} from './campaigns.schemas.js';
import { campaignPage, createCampaign, getCampaign, updateCampaign } from './campaigns.service.js';

const tags = ['campaigns'];
const Campaign = { $ref: 'Campaign' };
const Member = { $ref: 'CampaignMember' };

/** Everyone signed in reads campaigns; the access policy lets admins and marketers change them. */
export const campaignsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Campaigns, newest first, keyset-paged; filter by name (q) or running today (active)',
        querystring: CampaignListQuery,
        response: { 200: CampaignPage, ...authErrors },
      },
    },
    async (request) => campaignPage(deps, callerOf(request), request.query),
  );

  app.get(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'One campaign',
        params: IdParams,
        response: { 200: Campaign, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => getCampaign(deps, request.params.id),
  );

  app.post(
    '/campaigns',
    {
      schema: {
        tags,
        summary: 'Create a campaign (admins and marketers)',
        body: CreateCampaignBody,
        response: { 201: Campaign, ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createCampaign(deps, callerOf(request), request.body)),
  );

  app.patch(
    '/campaigns/:id',
    {
      schema: {
        tags,
        summary: 'Change a campaign (admins and marketers)',
        params: IdParams,
        body: UpdateCampaignBody,
        response: { 200: Campaign, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => updateCampaign(deps, callerOf(request), request.params.id, request.body),
  );

  app.get(
    '/campaigns/:id/members',
    {
      schema: {
        tags,
        summary: "A campaign's members by person, keyset-paged; filter by status",
        params: IdParams,
        querystring: MemberListQuery,
        response: { 200: MemberPage, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => memberPage(deps, request.params.id, request.query),
  );

  app.put(
    '/campaigns/:id/members/:personId',
    {
      schema: {
        tags,
        summary: 'Add a person to a campaign or change their status (admins and marketers)',
        params: MemberParams,
        body: PutMemberBody,
        response: { 200: Member, 201: Member, ...authErrors, 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const { id, personId } = request.params;
      const { member, created } = await putMember(
        deps,
        callerOf(request),
        { campaignId: id, personId },
        request.body,
      );
      return reply.code(created ? 201 : 200).send(member);
    },
  );
};
