import type {
  CreateFormInput,
  FormDto,
  SubmissionDto,
  UpdateFormInput,
} from '../../../server/modules/forms/forms.schemas';
import { type ItemList, id, type Page, request, withQuery } from './client';

/** Web forms (web-to-lead): everyone signed in reads them; marketers and admins change them and review quarantine. */

export type { CreateFormInput, FormDto, SubmissionDto, UpdateFormInput };
export type FormStatus = FormDto['status'];
export type SubmissionStatus = SubmissionDto['status'];
export type QuarantineReason = SubmissionDto['reasons'][number];

export interface SubmissionQuery {
  status?: SubmissionStatus | undefined;
  limit?: number | undefined;
  /** `nextCursor` of the previous page. */
  before?: string | undefined;
}

export const formsApi = {
  list: () => request<ItemList<FormDto>>('GET', '/forms'),
  get: (formId: string) => request<FormDto>('GET', `/forms/${id(formId)}`),
  create: (input: CreateFormInput) => request<FormDto>('POST', '/forms', input),
  update: (formId: string, input: UpdateFormInput) =>
    request<FormDto>('PATCH', `/forms/${id(formId)}`, input),
  submissions: (formId: string, query: SubmissionQuery) =>
    request<Page<SubmissionDto>>('GET', withQuery(`/forms/${id(formId)}/submissions`, { ...query })),
  /** A quarantined submission goes to the inbox and becomes a lead like any other. */
  release: (submissionId: string) =>
    request<SubmissionDto>('POST', `/form-submissions/${id(submissionId)}/release`),
  /** A quarantined submission is marked deleted (kept for the audit). */
  remove: (submissionId: string) => request<SubmissionDto>('DELETE', `/form-submissions/${id(submissionId)}`),
};
