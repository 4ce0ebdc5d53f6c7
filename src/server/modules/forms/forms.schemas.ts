import { type Static, Type } from 'typebox';
import { QUARANTINE_REASONS } from '../../../domain/capture/spam.js';
import { FORM_KINDS, FORM_STATUSES } from '../../../domain/forms/form-fields.js';
import { Id, NameText, Timestamp } from '../../schemas/common.js';

export const SUBMISSION_STATUSES = [
  'pending',
  'processing',
  'processed',
  'quarantined',
  'failed',
  'deleted',
] as const;

const LocalText = (maxLength: number) =>
  Type.Object(
    { lt: Type.String({ maxLength }), en: Type.String({ maxLength }) },
    { additionalProperties: false, description: 'the same text in Lithuanian and English' },
  );
const NullableId = Type.Union([Id, Type.Null()]);
const HttpUrl = Type.String({ maxLength: 500, pattern: '^https?://[^\\s]+$', description: 'an http(s) URL' });
const OriginText = Type.String({
  maxLength: 200,
  pattern: '^https?://[^/\\s?#]+$',
  description: 'scheme://host[:port], e.g. https://www.example.lt',
});

export const FormFieldSchema = Type.Object(
  {
    key: Type.String({
      maxLength: 70,
      description:
        'person.firstName | person.lastName | person.email | person.phone | person.jobTitle | person.city | organisation.name | organisation.companyCode | organisation.website | organisation.size | lead.timeframe | lead.productIds | lead.message | cf.<lead custom field key>',
    }),
    required: Type.Boolean(),
    label: LocalText(200),
    help: Type.Union([LocalText(500), Type.Null()]),
  },
  { additionalProperties: false },
);

const ConsentSchema = Type.Object(
  {
    required: Type.Boolean(),
    text: LocalText(2000),
  },
  {
    additionalProperties: false,
    description: 'a consent checkbox with the exact wording the visitor agrees to',
  },
);

const FormWritable = {
  name: NameText(200),
  status: Type.Enum(FORM_STATUSES, { description: 'only an active form takes submissions' }),
  kind: Type.Enum(FORM_KINDS, {
    description: 'referral: the form a referral link (/r/{token}) opens; its leads credit the referrer',
  }),
  defaultLanguage: Type.Enum(['lt', 'en']),
  fields: Type.Array(FormFieldSchema, { minItems: 1, maxItems: 30 }),
  consent: Type.Union([ConsentSchema, Type.Null()]),
  submitLabel: LocalText(60),
  thankYou: LocalText(1000),
  redirectUrl: Type.Union([HttpUrl, Type.Null()]),
  sourceId: NullableId,
  campaignId: NullableId,
  ownerId: Type.Union([Id, Type.Null()], {
    description: 'who gets the leads (an active user); none → unassigned',
  }),
  allowedOrigins: Type.Array(OriginText, {
    maxItems: 20,
    description: 'sites that may embed the form; empty → any site',
  }),
  minFillSeconds: Type.Integer({
    minimum: 0,
    maximum: 600,
    description: 'faster submissions go to quarantine',
  }),
  maxPerMinute: Type.Integer({
    minimum: 1,
    maximum: 100_000,
    description: 'submissions per minute before 429',
  }),
};

export const CreateFormBody = Type.Object(
  {
    name: FormWritable.name,
    fields: FormWritable.fields,
    status: Type.Optional(FormWritable.status),
    kind: Type.Optional(FormWritable.kind),
    defaultLanguage: Type.Optional(FormWritable.defaultLanguage),
    consent: Type.Optional(FormWritable.consent),
    submitLabel: Type.Optional(FormWritable.submitLabel),
    thankYou: Type.Optional(FormWritable.thankYou),
    redirectUrl: Type.Optional(FormWritable.redirectUrl),
    sourceId: Type.Optional(FormWritable.sourceId),
    campaignId: Type.Optional(FormWritable.campaignId),
    ownerId: Type.Optional(FormWritable.ownerId),
    allowedOrigins: Type.Optional(FormWritable.allowedOrigins),
    minFillSeconds: Type.Optional(FormWritable.minFillSeconds),
    maxPerMinute: Type.Optional(FormWritable.maxPerMinute),
  },
  { additionalProperties: false },
);
export type CreateFormInput = Static<typeof CreateFormBody>;

export const UpdateFormBody = Type.Partial(Type.Object(FormWritable, { additionalProperties: false }), {
  additionalProperties: false,
  minProperties: 1,
});
export type UpdateFormInput = Static<typeof UpdateFormBody>;

export const FormSchema = Type.Object(
  {
    id: Id,
    ...FormWritable,
    name: Type.String(),
    honeypotName: Type.String({ description: 'the hidden field that only bots fill in' }),
    version: Type.Integer({ description: 'goes up with every change' }),
    embed: Type.Object({
      script: Type.String({ description: 'the <script> tag to paste into a site' }),
      iframe: Type.String({ description: 'the <iframe> variant' }),
      tracker: Type.String({ description: 'the <script> tag for the other pages of the site (attribution)' }),
    }),
    counts: Type.Object({
      processed: Type.Integer(),
      quarantined: Type.Integer(),
      pending: Type.Integer(),
      failed: Type.Integer(),
    }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Form' },
);
export type FormDto = Static<typeof FormSchema>;

export const FormList = Type.Object({ items: Type.Array(Type.Ref('Form')) });

export const SubmissionSchema = Type.Object(
  {
    id: Id,
    formId: Id,
    status: Type.Enum(SUBMISSION_STATUSES),
    reasons: Type.Array(Type.Enum(QUARANTINE_REASONS)),
    values: Type.Record(Type.String(), Type.Union([Type.String(), Type.Array(Type.String())]), {
      description: 'the form fields as the visitor sent them',
    }),
    origin: Type.Union([Type.String(), Type.Null()]),
    userAgent: Type.Union([Type.String(), Type.Null()]),
    leadId: NullableId,
    error: Type.Union([Type.String(), Type.Null()]),
    receivedAt: Timestamp,
    processedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'FormSubmission' },
);
export type SubmissionDto = Static<typeof SubmissionSchema>;

export const SubmissionListQuery = Type.Object(
  {
    status: Type.Optional(Type.Enum(SUBMISSION_STATUSES)),
    limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })),
    before: Type.Optional(Type.String({ maxLength: 100, description: 'nextCursor of the previous page' })),
  },
  { additionalProperties: false },
);
export const SubmissionList = Type.Object({
  items: Type.Array(Type.Ref('FormSubmission')),
  nextCursor: Type.Union([Type.String(), Type.Null()]),
});

/** A public submission: any keys (the form decides), string or repeated values. */
export const PublicSubmissionBody = Type.Record(
  Type.String({ maxLength: 100 }),
  Type.Union([
    Type.String({ maxLength: 20_000 }),
    Type.Array(Type.String({ maxLength: 20_000 }), { maxItems: 50 }),
  ]),
  {
    maxProperties: 80,
    description: "the form's field names as keys, plus _t, _cid, _vid, _first, _last, utm_* …",
  },
);

export const PublicSubmissionResult = Type.Object({
  id: Id,
  status: Type.Enum(['stored', 'quarantined']),
});

export const FormIdParams = Type.Object({ id: Id }, { additionalProperties: false });
