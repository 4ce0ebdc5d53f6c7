import type { Static } from 'typebox';
import type {
  ActivitySchema,
  CreateActivityInput,
} from '../../../server/modules/activities/activities.schemas';
import type { AttributionSchema, TouchSchema } from '../../../server/modules/capture/capture.schemas';
import type {
  BulkInput,
  BulkResult as BulkResultSchema,
} from '../../../server/modules/leads/leads.bulk.schemas';
import type {
  CreateLeadInput,
  LeadDto,
  LeadHistoryEntryDto,
  LeadListItem,
  LeadListQueryInput,
  StageInput,
  UpdateLeadInput,
} from '../../../server/modules/leads/leads.schemas';
import type {
  CreateViewInput,
  SavedViewDto,
  UpdateViewInput,
} from '../../../server/modules/views/views.schemas';
import { type ItemList, id, type Page, request, withQuery } from './client';
import type { DuplicateCandidate, OrganisationDto, PersonDto } from './people';

/** Leads: the list, one lead, its stage, timeline and history, bulk changes and saved views of the list. */

export type {
  BulkInput,
  CreateActivityInput,
  CreateLeadInput,
  CreateViewInput,
  LeadHistoryEntryDto,
  LeadListItem,
  LeadListQueryInput,
  SavedViewDto,
  StageInput,
  UpdateLeadInput,
  UpdateViewInput,
};
export interface LeadPage extends Page<LeadListItem> {
  /** Matches, counted up to a cap (`capped`: there are more than `value`); only when asked for. */
  count?: { value: number; capped: boolean };
}
export type ActivityDto = Static<typeof ActivitySchema>;
export type Lead = Omit<LeadDto, 'person' | 'organisation' | 'duplicates'> & {
  person: PersonDto | null;
  organisation: OrganisationDto | null;
  /** Possible duplicates of the person or organisation, sent back on create. */
  duplicates?: DuplicateCandidate[];
};
export type BulkResult = Static<typeof BulkResultSchema>;
export interface BulkUndoResult {
  restored: number;
  skipped: BulkResult['skipped'];
}

export const leadsApi = {
  list: (query: LeadListQueryInput) => request<LeadPage>('GET', withQuery('/leads', { ...query })),
  get: (leadId: string) => request<Lead>('GET', `/leads/${id(leadId)}`),
  create: (input: CreateLeadInput) => request<Lead>('POST', '/leads', input),
  update: (leadId: string, input: UpdateLeadInput) => request<Lead>('PATCH', `/leads/${id(leadId)}`, input),
  changeStage: (leadId: string, input: StageInput) =>
    request<Lead>('POST', `/leads/${id(leadId)}/stage`, input),
  remove: (leadId: string) => request<Lead>('DELETE', `/leads/${id(leadId)}`),
  restore: (leadId: string) => request<Lead>('POST', `/leads/${id(leadId)}/restore`),
  bulk: (input: BulkInput) => request<BulkResult>('POST', '/leads/bulk', input),
  undoBulk: (bulkId: string) => request<BulkUndoResult>('POST', `/leads/bulk/${id(bulkId)}/undo`),
  /** Stage, owner and temperature changes, oldest first (also of a lead in the bin). */
  history: (leadId: string) => request<ItemList<LeadHistoryEntryDto>>('GET', `/leads/${id(leadId)}/history`),
  /** Where the lead came from: first and latest touch, and every touch. */
  attribution: (leadId: string) => request<AttributionDto>('GET', `/leads/${id(leadId)}/attribution`),
};

export type TouchDto = Static<typeof TouchSchema>;
export interface AttributionDto extends Omit<Static<typeof AttributionSchema>, 'first' | 'last' | 'touches'> {
  first: TouchDto | null;
  last: TouchDto | null;
  touches: TouchDto[];
}

export const activitiesApi = {
  list: (leadId: string, cursor?: string) =>
    request<Page<ActivityDto>>('GET', withQuery(`/leads/${id(leadId)}/activities`, { cursor })),
  create: (leadId: string, input: CreateActivityInput) =>
    request<ActivityDto>('POST', `/leads/${id(leadId)}/activities`, input),
  setDone: (leadId: string, activityId: string, done: boolean) =>
    request<ActivityDto>('PATCH', `/leads/${id(leadId)}/activities/${id(activityId)}`, { done }),
};

export const viewsApi = {
  list: () => request<ItemList<SavedViewDto>>('GET', '/views'),
  create: (input: CreateViewInput) => request<SavedViewDto>('POST', '/views', input),
  update: (viewId: string, input: UpdateViewInput) =>
    request<SavedViewDto>('PATCH', `/views/${id(viewId)}`, input),
  remove: (viewId: string) => request<void>('DELETE', `/views/${id(viewId)}`),
};
