import { type Static, Type } from 'typebox';
import { ORGANISATION_SIZES } from '../../../domain/forms/form-fields.js';
import { PERSON_MERGE_FIELDS } from '../../../domain/people/merge.js';
import { Id, Timestamp } from '../../schemas/common.js';
import { mergeBody } from '../merges/merges.schemas.js';

const Text = (maxLength: number) => Type.String({ maxLength });
const NullableText = (maxLength: number) => Type.Union([Text(maxLength), Type.Null()]);
const Country = Type.Union([
  Type.String({ pattern: '^[A-Za-z]{2}$', description: 'ISO 3166-1 alpha-2' }),
  Type.Null(),
]);
const CustomValues = Type.Record(Type.String(), Type.Unknown(), {
  description: 'Values of admin-defined custom fields',
});

export const PersonFields = {
  firstName: Type.Optional(Text(100)),
  lastName: Type.Optional(Text(100)),
  jobTitle: Type.Optional(NullableText(150)),
  emails: Type.Optional(Type.Array(Type.String({ maxLength: 254 }), { maxItems: 10 })),
  phones: Type.Optional(Type.Array(Type.String({ maxLength: 40 }), { maxItems: 10 })),
  preferredLanguage: Type.Optional(Type.Union([Type.Enum(['lt', 'en']), Type.Null()])),
  address: Type.Optional(NullableText(300)),
  country: Type.Optional(Country),
  city: Type.Optional(NullableText(100)),
  organisationId: Type.Optional(Type.Union([Id, Type.Null()])),
  customFields: Type.Optional(CustomValues),
};

export const PersonInputSchema = Type.Object(PersonFields, { additionalProperties: false });
export type PersonInput = Static<typeof PersonInputSchema>;

export const OrganisationFields = {
  name: Type.String({ minLength: 1, maxLength: 200, pattern: '\\S' }),
  companyCode: Type.Optional(NullableText(40)),
  vatCode: Type.Optional(NullableText(40)),
  website: Type.Optional(NullableText(300)),
  size: Type.Optional(Type.Union([Type.Enum(ORGANISATION_SIZES), Type.Null()])),
  industry: Type.Optional(NullableText(100)),
  country: Type.Optional(Country),
  city: Type.Optional(NullableText(100)),
  customFields: Type.Optional(CustomValues),
};

export const OrganisationInputSchema = Type.Object(OrganisationFields, { additionalProperties: false });
export type OrganisationInput = Static<typeof OrganisationInputSchema>;

export const PersonSchema = Type.Object(
  {
    id: Id,
    firstName: Type.String(),
    lastName: Type.String(),
    name: Type.String({ description: 'Display name' }),
    jobTitle: Type.Union([Type.String(), Type.Null()]),
    organisationId: Type.Union([Id, Type.Null()]),
    preferredLanguage: Type.Union([Type.String(), Type.Null()]),
    address: Type.Union([Type.String(), Type.Null()]),
    country: Type.Union([Type.String(), Type.Null()]),
    city: Type.Union([Type.String(), Type.Null()]),
    emails: Type.Array(Type.String()),
    phones: Type.Array(Type.String({ description: 'E.164' })),
    customFields: CustomValues,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Person' },
);

export const OrganisationSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    companyCode: Type.Union([Type.String(), Type.Null()]),
    vatCode: Type.Union([Type.String(), Type.Null()]),
    website: Type.Union([Type.String(), Type.Null()]),
    domain: Type.Union([Type.String(), Type.Null()]),
    size: Type.Union([Type.String(), Type.Null()]),
    industry: Type.Union([Type.String(), Type.Null()]),
    country: Type.Union([Type.String(), Type.Null()]),
    city: Type.Union([Type.String(), Type.Null()]),
    customFields: CustomValues,
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Organisation' },
);

export const DuplicateCandidateSchema = Type.Object(
  {
    kind: Type.Enum(['person', 'organisation']),
    id: Id,
    name: Type.String(),
    matchedOn: Type.Array(
      Type.Object({ key: Type.Enum(['email', 'phone', 'domain', 'company_code']), value: Type.String() }),
    ),
  },
  { $id: 'DuplicateCandidate' },
);
export type DuplicateCandidate = Static<typeof DuplicateCandidateSchema>;

export const PersonSearchQuery = Type.Object(
  {
    q: Type.String({ minLength: 1, maxLength: 200 }),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 50, default: 20 })),
  },
  { additionalProperties: false },
);

export const PersonList = Type.Object({ items: Type.Array(Type.Ref('Person')) });

export const PersonDetail = Type.Object({
  person: Type.Ref('Person'),
  leads: Type.Array(
    Type.Object({
      id: Id,
      title: Type.String(),
      stage: Type.String(),
      ownerId: Type.Union([Id, Type.Null()]),
      createdAt: Timestamp,
    }),
  ),
  duplicates: Type.Array(Type.Ref('DuplicateCandidate')),
});

export const PersonEdited = Type.Object({
  person: Type.Ref('Person'),
  duplicates: Type.Array(Type.Ref('DuplicateCandidate')),
});

export const NotDuplicateBody = Type.Object({ otherId: Id }, { additionalProperties: false });

export const MergeBody = mergeBody(PERSON_MERGE_FIELDS, 'person');

export const MergeResult = Type.Object({
  mergeId: Id,
  person: Type.Ref('Person'),
  movedLeads: Type.Integer(),
});
export const UnmergeResult = Type.Object({ people: Type.Array(Type.Ref('Person')) });
