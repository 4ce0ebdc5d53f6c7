import { CAMPAIGN_KEYS } from '../capture/attribution.js';
import { CUSTOM_KEY_SOURCE } from '../capture/fields.js';
import { type FieldError, fieldError } from '../errors/app-error.js';
import { isCalendarDate } from '../leads/temperature.js';
import { isValidEmail, normalisePhone } from '../people/contact-keys.js';

/** What a form is for: a standard form, or the referral form that referral links open. */
export const FORM_KINDS = ['standard', 'referral'] as const;
/** Only an active form takes submissions. */
export const FORM_STATUSES = ['draft', 'active', 'archived'] as const;

/**
 * What a web form may ask and write. A public form writes only the fields its builder chose from
 * this catalogue (plus lead custom fields as `cf.<key>`); owner, stage, score, source and consent
 * state are the server's, set from the form's settings — never from the payload.
 */
export type Lang = 'lt' | 'en';
export const LANGS: readonly Lang[] = ['lt', 'en'];
export interface LocalText {
  lt: string;
  en: string;
}

export type FormFieldType =
  | 'text'
  | 'email'
  | 'tel'
  | 'textarea'
  | 'select'
  | 'multiselect'
  | 'checkbox'
  | 'number'
  | 'date';

export interface FieldOption {
  value: string;
  label: LocalText;
}

interface StandardField {
  type: FormFieldType;
  maxLength: number | null;
  label: LocalText;
  options?: readonly FieldOption[];
}

/** When they mean to buy, as a visitor can say it; turned into a purchase date on the day received. */
export const TIMEFRAME_CHOICES: readonly FieldOption[] = [
  { value: 'now', label: { lt: 'Kuo greičiau', en: 'As soon as possible' } },
  { value: '1m', label: { lt: 'Per mėnesį', en: 'Within a month' } },
  { value: '3m', label: { lt: 'Per 3 mėnesius', en: 'Within 3 months' } },
  { value: '6m', label: { lt: 'Per pusmetį', en: 'Within 6 months' } },
  { value: '12m', label: { lt: 'Per metus', en: 'Within a year' } },
  { value: 'unknown', label: { lt: 'Dar nežinau', en: 'Not sure yet' } },
];

/** Organisation sizes (head count bands), as people.schemas takes them. */
export const ORGANISATION_SIZES = ['1-9', '10-49', '50-249', '250-999', '1000+'] as const;
export type OrganisationSize = (typeof ORGANISATION_SIZES)[number];

const SIZE_CHOICES: readonly FieldOption[] = ORGANISATION_SIZES.map((value) => ({
  value,
  label: { lt: value, en: value },
}));

export const STANDARD_FIELDS = {
  'person.firstName': { type: 'text', maxLength: 100, label: { lt: 'Vardas', en: 'First name' } },
  'person.lastName': { type: 'text', maxLength: 100, label: { lt: 'Pavardė', en: 'Last name' } },
  'person.email': { type: 'email', maxLength: 254, label: { lt: 'El. paštas', en: 'E-mail' } },
  'person.phone': { type: 'tel', maxLength: 40, label: { lt: 'Telefonas', en: 'Phone' } },
  'person.jobTitle': { type: 'text', maxLength: 150, label: { lt: 'Pareigos', en: 'Job title' } },
  'person.city': { type: 'text', maxLength: 100, label: { lt: 'Miestas', en: 'City' } },
  'organisation.name': { type: 'text', maxLength: 200, label: { lt: 'Įmonė', en: 'Company' } },
  'organisation.companyCode': {
    type: 'text',
    maxLength: 40,
    label: { lt: 'Įmonės kodas', en: 'Company code' },
  },
  'organisation.website': { type: 'text', maxLength: 300, label: { lt: 'Svetainė', en: 'Website' } },
  'organisation.size': {
    type: 'select',
    maxLength: null,
    label: { lt: 'Darbuotojų skaičius', en: 'Company size' },
    options: SIZE_CHOICES,
  },
  'lead.timeframe': {
    type: 'select',
    maxLength: null,
    label: { lt: 'Kada planuojate pirkti?', en: 'When do you plan to buy?' },
    options: TIMEFRAME_CHOICES,
  },
  'lead.productIds': { type: 'multiselect', maxLength: null, label: { lt: 'Domina', en: 'Interested in' } },
  'lead.message': { type: 'textarea', maxLength: 5000, label: { lt: 'Žinutė', en: 'Message' } },
} as const satisfies Record<string, StandardField>;
export type StandardFieldKey = keyof typeof STANDARD_FIELDS;
export const STANDARD_FIELD_KEYS = Object.keys(STANDARD_FIELDS) as StandardFieldKey[];

/** Whether a key is one of STANDARD_FIELDS (own keys only: `'constructor' in STANDARD_FIELDS` is true). */
function isStandardKey(key: string): key is StandardFieldKey {
  return Object.hasOwn(STANDARD_FIELDS, key);
}

/** Attribution keys a submission may carry besides the form's fields. */
export const TOUCH_KEYS: readonly string[] = CAMPAIGN_KEYS;
/** Control keys the embed script sends (render token, client id, visitor id, language, page, touches, referral). */
export const CONTROL_KEYS = ['_t', '_cid', '_vid', '_lang', '_page', '_first', '_last', '_ref', 'consent'];

/** A field as the builder saved it. */
export interface FormField {
  key: string;
  required: boolean;
  label: LocalText;
  help: LocalText | null;
}

export interface FormConsent {
  required: boolean;
  text: LocalText;
}

/** A lead custom field as a form can show it. */
export interface CustomFieldChoice {
  key: string;
  label: LocalText;
  type: 'text' | 'number' | 'date' | 'select' | 'multiselect' | 'boolean';
  options: readonly FieldOption[];
  active: boolean;
}

const CUSTOM_KEY = new RegExp(`^cf\\.(${CUSTOM_KEY_SOURCE})$`);

/** The custom-field key of `cf.<key>`, else null. */
export function customKeyOf(key: string): string | null {
  return CUSTOM_KEY.exec(key)?.[1] ?? null;
}

/** A field as the embed renders it: type, options and length resolved. */
export interface RenderedField {
  name: string;
  type: FormFieldType;
  required: boolean;
  label: LocalText;
  help: LocalText | null;
  options: FieldOption[] | null;
  maxLength: number | null;
}

const CUSTOM_TYPES: Record<CustomFieldChoice['type'], FormFieldType> = {
  text: 'text',
  number: 'number',
  date: 'date',
  select: 'select',
  multiselect: 'multiselect',
  boolean: 'checkbox',
};

/**
 * The fields as a visitor sees them. Products come from the catalogue; a custom field that has
 * since been removed or deactivated is left out (and its values refused), never rendered blank.
 */
export function renderFields(
  fields: readonly FormField[],
  products: readonly { id: string; name: string }[],
  custom: readonly CustomFieldChoice[],
): RenderedField[] {
  const out: RenderedField[] = [];
  for (const f of fields) {
    const base = { name: f.key, required: f.required, label: f.label, help: f.help };
    if (isStandardKey(f.key)) {
      const std: StandardField = STANDARD_FIELDS[f.key];
      const options =
        f.key === 'lead.productIds'
          ? products.map((p) => ({ value: p.id, label: { lt: p.name, en: p.name } }))
          : std.options
            ? [...std.options]
            : null;
      out.push({ ...base, type: std.type, options, maxLength: std.maxLength });
      continue;
    }
    const def = custom.find((c) => c.key === customKeyOf(f.key) && c.active);
    if (!def) continue;
    const options = def.options.length ? [...def.options] : null;
    out.push({
      ...base,
      type: CUSTOM_TYPES[def.type],
      options,
      maxLength: def.type === 'text' ? 2000 : null,
    });
  }
  return out;
}

/**
 * Problems of a form definition, by field (`fields.2.key`, `consent.text.lt` …): an unknown or
 * repeated field, an empty label, a form that cannot identify anyone (it needs an e-mail or a
 * phone), an e-mail field that is optional while it is the only contact.
 */
export function formDefinitionProblems(
  fields: readonly FormField[],
  consent: FormConsent | null,
  custom: readonly CustomFieldChoice[],
): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Set<string>();
  fields.forEach((f, i) => {
    const known = isStandardKey(f.key) || custom.some((c) => c.key === customKeyOf(f.key) && c.active);
    if (!known) errors.push(fieldError(`fields.${i}.key`, 'invalid_value'));
    else if (seen.has(f.key)) errors.push(fieldError(`fields.${i}.key`, 'in_use'));
    seen.add(f.key);
    for (const lang of LANGS) {
      if (!f.label[lang].trim()) errors.push(fieldError(`fields.${i}.label.${lang}`, 'required'));
    }
  });
  const contacts = fields.filter((f) => f.key === 'person.email' || f.key === 'person.phone');
  if (contacts.length === 0) errors.push(fieldError('fields', 'required'));
  else if (!contacts.some((f) => f.required)) {
    const i = fields.findIndex((f) => f.key === contacts[0]?.key);
    errors.push(fieldError(`fields.${i}.required`, 'required'));
  }
  if (consent) {
    for (const lang of LANGS) {
      if (!consent.text[lang].trim()) errors.push(fieldError(`consent.text.${lang}`, 'required'));
    }
  }
  return errors;
}

/** What a submission says, sorted into the write path's shape. */
export interface SubmittedLead {
  person: {
    firstName?: string;
    lastName?: string;
    emails?: string[];
    phones?: string[];
    jobTitle?: string;
    city?: string;
    preferredLanguage?: Lang;
  };
  organisation: { name?: string; companyCode?: string; website?: string; size?: OrganisationSize } | null;
  /** A timeframe choice (see TIMEFRAME_CHOICES), resolved against the day received. */
  timeframeChoice: string | null;
  productIds: string[];
  message: string | null;
  customFields: Record<string, string | number | boolean | string[]>;
  consent: boolean;
  /** The values as labelled text, for the timeline entry. */
  answers: { key: string; value: string }[];
}

export type SubmittedValues = Record<string, string | string[]>;

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? (value[0] ?? '') : (value ?? '')).trim();
}

function many(value: string | string[] | undefined): string[] {
  const list = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return [...new Set(list.map((v) => v.trim()).filter(Boolean))];
}

const YES = new Set(['yes', 'on', 'true', '1']);

/**
 * Checks a submission against the form and sorts its values. Every problem is reported at once,
 * named by the form's field name: a key the form does not have → not_allowed (mass assignment is
 * refused, not ignored), a required field left empty → required, too long → too_long, a bad e-mail
 * or phone → invalid_format, an option the field does not offer → invalid_value, a required consent
 * not given → `consent` required.
 */
export function readSubmission(
  fields: readonly RenderedField[],
  consent: FormConsent | null,
  honeypot: string,
  values: SubmittedValues,
): { lead: SubmittedLead; errors: FieldError[] } {
  const errors: FieldError[] = [];
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const key of Object.keys(values)) {
    if (!byName.has(key) && !TOUCH_KEYS.includes(key) && !CONTROL_KEYS.includes(key) && key !== honeypot) {
      errors.push(fieldError(key, 'not_allowed'));
    }
  }
  const lead: SubmittedLead = {
    person: {},
    organisation: null,
    timeframeChoice: null,
    productIds: [],
    message: null,
    customFields: {},
    consent: YES.has(one(values.consent).toLowerCase()),
    answers: [],
  };
  if (consent?.required && !lead.consent) errors.push(fieldError('consent', 'required'));
  const org: NonNullable<SubmittedLead['organisation']> = {};
  for (const f of fields) {
    const multi = f.type === 'multiselect';
    const list = multi ? many(values[f.name]) : [];
    const text = multi ? '' : one(values[f.name]);
    const empty = multi
      ? list.length === 0
      : text === '' || (f.type === 'checkbox' && !YES.has(text.toLowerCase()));
    if (empty) {
      if (f.required) errors.push(fieldError(f.name, 'required'));
      continue;
    }
    if (f.maxLength !== null && text.length > f.maxLength) {
      errors.push(fieldError(f.name, 'too_long'));
      continue;
    }
    const allowed = f.options?.map((o) => o.value);
    if (allowed && (multi ? list : [text]).some((v) => !allowed.includes(v))) {
      errors.push(fieldError(f.name, 'invalid_value'));
      continue;
    }
    if (f.type === 'email' && !isValidEmail(text)) {
      errors.push(fieldError(f.name, 'invalid_format'));
      continue;
    }
    if (f.type === 'tel' && normalisePhone(text) === null) {
      errors.push(fieldError(f.name, 'invalid_format'));
      continue;
    }
    if (f.type === 'number' && !Number.isFinite(Number(text))) {
      errors.push(fieldError(f.name, 'invalid_type'));
      continue;
    }
    // why: the lead write path refuses a date that is not YYYY-MM-DD, which would fail the stored submission later.
    if (f.type === 'date' && !isCalendarDate(text)) {
      errors.push(fieldError(f.name, 'invalid_format'));
      continue;
    }
    lead.answers.push({ key: f.name, value: multi ? list.join(', ') : text });
    const custom = customKeyOf(f.name);
    if (custom) {
      lead.customFields[custom] =
        f.type === 'number' ? Number(text) : f.type === 'checkbox' ? true : multi ? list : text;
      continue;
    }
    switch (f.name as StandardFieldKey) {
      case 'person.firstName':
        lead.person.firstName = text;
        break;
      case 'person.lastName':
        lead.person.lastName = text;
        break;
      case 'person.email':
        lead.person.emails = [text];
        break;
      case 'person.phone':
        lead.person.phones = [text];
        break;
      case 'person.jobTitle':
        lead.person.jobTitle = text;
        break;
      case 'person.city':
        lead.person.city = text;
        break;
      case 'organisation.name':
        org.name = text;
        break;
      case 'organisation.companyCode':
        org.companyCode = text;
        break;
      case 'organisation.website':
        org.website = text;
        break;
      case 'organisation.size':
        org.size = text as OrganisationSize;
        break;
      case 'lead.timeframe':
        lead.timeframeChoice = text;
        break;
      case 'lead.productIds':
        lead.productIds = list;
        break;
      case 'lead.message':
        lead.message = text;
        break;
    }
  }
  if (org.name) lead.organisation = org;
  return { lead, errors };
}

/** The purchase date a timeframe choice means on `today` (YYYY-MM-DD): 'now', a date, or none. */
export function timeframeFromChoice(choice: string | null, today: string): string | null {
  if (!choice || choice === 'unknown') return null;
  if (choice === 'now') return 'now';
  // why a strict pattern: Number() also reads '1', ' 3m', '0x3m' and '1e9m' (which overflows Date and throws).
  const match = /^([1-9]\d{0,2})m$/.exec(choice);
  if (!match) return null;
  const months = Number(match[1]);
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  target.setUTCDate(Math.min(d, lastDay));
  return target.toISOString().slice(0, 10);
}
