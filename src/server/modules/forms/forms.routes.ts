import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import type { Deps } from '../../context.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors, IdParams, ProblemRef } from '../../schemas/common.js';
import {
  CreateFormBody,
  FormIdParams,
  FormList,
  SubmissionList,
  SubmissionListQuery,
  UpdateFormBody,
} from './forms.schemas.js';
import {
  createForm,
  getForm,
  listForms,
  listSubmissions,
  reviewSubmission,
  updateForm,
} from './forms.service.js';

const tags = ['forms'];

/** This app's own origin as the caller reached it: what embed snippets and endpoints point at. */
export function appOrigin(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}`;
}

/** Web forms (web-to-lead): the builder's API. Marketers and admins change forms; everyone reads them. */
export const formsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/forms',
    {
      schema: {
        tags,
        summary: 'Web forms, newest first, with submission counts',
        response: { 200: FormList, ...authErrors },
      },
    },
    async (request) => ({ items: await listForms(deps, callerOf(request), appOrigin(request)) }),
  );

  app.post(
    '/forms',
    {
      schema: {
        tags,
        summary:
          'Create a web form (marketer or admin): fields, texts in lt and en, consent, source, campaign, owner, allowed sites',
        body: CreateFormBody,
        response: { 201: { $ref: 'Form' }, ...authErrors },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await createForm(deps, callerOf(request), request.body, appOrigin(request))),
  );

  app.get(
    '/forms/:id',
    {
      schema: {
        tags,
        summary: 'One web form with its embed snippets',
        params: IdParams,
        response: { 200: { $ref: 'Form' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => getForm(deps, callerOf(request), request.params.id, appOrigin(request)),
  );

  app.patch(
    '/forms/:id',
    {
      schema: {
        tags,
        summary: 'Change a web form (marketer or admin); its version goes up',
        params: IdParams,
        body: UpdateFormBody,
        response: { 200: { $ref: 'Form' }, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) =>
      updateForm(deps, callerOf(request), request.params.id, request.body, appOrigin(request)),
  );

  app.get(
    '/forms/:id/submissions',
    {
      schema: {
        tags,
        summary: 'Submissions of a form, newest first (status=quarantined: the ones held back as suspicious)',
        params: FormIdParams,
        querystring: SubmissionListQuery,
        response: { 200: SubmissionList, ...authErrors, 404: ProblemRef },
      },
    },
    async (request) => listSubmissions(deps, callerOf(request), request.params.id, request.query),
  );

  app.post(
    '/form-submissions/:id/release',
    {
      schema: {
        tags,
        summary: 'Release a quarantined submission: it becomes a lead like any other',
        params: IdParams,
        response: { 200: { $ref: 'FormSubmission' }, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => reviewSubmission(deps, callerOf(request), request.params.id, 'release'),
  );

  app.delete(
    '/form-submissions/:id',
    {
      schema: {
        tags,
        summary: 'Delete a quarantined submission (spam); it is kept as deleted for the audit',
        params: IdParams,
        response: { 200: { $ref: 'FormSubmission' }, ...authErrors, 404: ProblemRef, 409: ProblemRef },
      },
    },
    async (request) => reviewSubmission(deps, callerOf(request), request.params.id, 'delete'),
  );
};
