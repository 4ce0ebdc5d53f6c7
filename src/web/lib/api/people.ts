import type { Static } from 'typebox';
import type { OrganisationMergeBody } from '../../../server/modules/organisations/organisations.schemas';
import type {
  DuplicateCandidate,
  MergeBody,
  OrganisationSchema,
  PersonDetail as PersonDetailSchema,
  PersonInput,
  PersonSchema,
} from '../../../server/modules/people/people.schemas';
import type { ReferralLinkDto } from '../../../server/modules/referrals/referrals.schemas';
import { type ItemList, id, request, withQuery } from './client';

/** People and organisations: the identity behind leads, with duplicates, merge and unmerge. */

export type { DuplicateCandidate, PersonInput, ReferralLinkDto };
export type PersonDto = Static<typeof PersonSchema>;
export type OrganisationDto = Static<typeof OrganisationSchema>;
export type MergeInput = Static<typeof MergeBody>;
/** The fields a merge lets one choose, person by person (e-mails and phones are always united). */
export type MergeField = keyof NonNullable<MergeInput['values']>;
export type PersonLead = Static<typeof PersonDetailSchema>['leads'][number];

// Envelopes are declared here: TypeBox `Type.Ref` fields infer loosely on the server side.
export interface PersonDetail {
  person: PersonDto;
  leads: PersonLead[];
  duplicates: DuplicateCandidate[];
}
export interface PersonEdited {
  person: PersonDto;
  duplicates: DuplicateCandidate[];
}
export interface MergeResult {
  mergeId: string;
  person: PersonDto;
  movedLeads: number;
}
export interface UnmergeResult {
  people: PersonDto[];
}

export const peopleApi = {
  search: (q: string) => request<ItemList<PersonDto>>('GET', withQuery('/people', { q })),
  get: (personId: string) => request<PersonDetail>('GET', `/people/${id(personId)}`),
  update: (personId: string, input: PersonInput) =>
    request<PersonEdited>('PATCH', `/people/${id(personId)}`, input),
  notDuplicate: (personId: string, otherId: string) =>
    request<void>('POST', `/people/${id(personId)}/not-duplicate`, { otherId }),
  merge: (input: MergeInput) => request<MergeResult>('POST', '/people/merge', input),
  undoMerge: (mergeId: string) => request<UnmergeResult>('POST', `/people/merges/${id(mergeId)}/undo`),
  /** The person's referral link (their live one, or a new one): `<app>/r/{token}`. */
  referralLink: (personId: string) =>
    request<ReferralLinkDto>('POST', `/people/${id(personId)}/referral-link`),
};

export type OrganisationMergeInput = Static<typeof OrganisationMergeBody>;
/** The fields an organisation merge lets one choose (custom values are always united). */
export type OrganisationMergeField = keyof NonNullable<OrganisationMergeInput['values']>;
export interface OrganisationMergeResult {
  mergeId: string;
  organisation: OrganisationDto;
  movedLeads: number;
  movedPeople: number;
}
export interface OrganisationUnmergeResult {
  organisations: OrganisationDto[];
}

export const organisationsApi = {
  get: (organisationId: string) => request<OrganisationDto>('GET', `/organisations/${id(organisationId)}`),
  duplicates: (organisationId: string) =>
    request<ItemList<DuplicateCandidate>>('GET', `/organisations/${id(organisationId)}/duplicates`),
  notDuplicate: (organisationId: string, otherId: string) =>
    request<void>('POST', `/organisations/${id(organisationId)}/not-duplicate`, { otherId }),
  merge: (input: OrganisationMergeInput) =>
    request<OrganisationMergeResult>('POST', '/organisations/merge', input),
  undoMerge: (mergeId: string) =>
    request<OrganisationUnmergeResult>('POST', `/organisations/merges/${id(mergeId)}/undo`),
};
