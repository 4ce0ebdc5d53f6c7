import { Type } from 'typebox';
import { ORGANISATION_MERGE_FIELDS } from '../../../domain/people/merge.js';
import { Id } from '../../schemas/common.js';
import { mergeBody } from '../merges/merges.schemas.js';

export const OrganisationMergeBody = mergeBody(ORGANISATION_MERGE_FIELDS, 'organisation');

export const OrganisationMergeResult = Type.Object({
  mergeId: Id,
  organisation: Type.Ref('Organisation'),
  movedLeads: Type.Integer({ description: 'Leads that moved to the survivor' }),
  movedPeople: Type.Integer({ description: 'People who moved to the survivor' }),
});

export const OrganisationUnmergeResult = Type.Object({ organisations: Type.Array(Type.Ref('Organisation')) });

export const OrganisationDuplicates = Type.Object({ items: Type.Array(Type.Ref('DuplicateCandidate')) });
