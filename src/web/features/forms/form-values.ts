import { originOf } from '../../../domain/capture/spam';
import { type FieldError, fieldError } from '../../../domain/errors/app-error';
import {
  type CustomFieldChoice,
  customKeyOf,
  type FormField,
  formDefinitionProblems,
  type Lang,
  STANDARD_FIELDS,
  type StandardFieldKey,
} from '../../../domain/forms/form-fields';
import type { CreateFormInput, CustomFieldDto, FormDto, FormStatus } from '../../lib/api';

/** The form builder's state as plain input values, and the way to and from the API's shapes. */

/** One field of the form as its row of inputs. */
export interface FieldRow {
  /** This screen's own id: React keys and error messages stay with the row while rows move. */
  uid: string;
  key: string;
  required: boolean;
  labelLt: string;
  labelEn: string;
  helpLt: string;
  helpEn: string;
}

export interface FormValues extends Record<string, unknown> {
  name: string;
  status: FormStatus;
  /** standard, or the referral form (the one a person's referral link opens). */
  kind: FormDto['kind'];
  defaultLanguage: Lang;
  fields: FieldRow[];
  consentOn: boolean;
  consentRequired: boolean;
  consentLt: string;
  consentEn: string;
  submitLt: string;
  submitEn: string;
  thankYouLt: string;
  thankYouEn: string;
  redirectUrl: string;
  sourceId: string | null;
  campaignId: string | null;
  ownerId: string | null;
  allowedOrigins: string[];
  /** Whole numbers as typed; '' while an input is empty. */
  minFillSeconds: number | string;
  maxPerMinute: number | string;
}

let lastUid = 0;
/** A row id unique on this page (crypto.randomUUID is missing outside secure contexts). */
export const nextUid = () => `row-${++lastUid}`;

/** What a new form starts with: the server's own defaults, so nothing surprises after the first save. */
export function newFormValues(): FormValues {
  return {
    name: '',
    status: 'active',
    kind: 'standard',
    defaultLanguage: 'lt',
    fields: [],
    consentOn: false,
    consentRequired: true,
    consentLt: '',
    consentEn: '',
    submitLt: 'Siųsti',
    submitEn: 'Send',
    thankYouLt: 'Ačiū! Netrukus su jumis susisieksime.',
    thankYouEn: 'Thank you! We will be in touch soon.',
    redirectUrl: '',
    sourceId: null,
    campaignId: null,
    ownerId: null,
    allowedOrigins: [],
    minFillSeconds: 3,
    maxPerMinute: 600,
  };
}

export function isStandardKey(key: string): key is StandardFieldKey {
  return key in STANDARD_FIELDS;
}

/** The custom field a `cf.<key>` names, if it exists. */
export function customFieldOf(key: string, custom: readonly CustomFieldDto[]): CustomFieldDto | undefined {
  const own = customKeyOf(key);
  return own === null ? undefined : custom.find((c) => c.key === own);
}

/**
 * A new row for a catalogue field, its labels taken from the catalogue's wording (a standard field)
 * or the custom field's own labels: `rowFor('person.email', [])` → labels `El. paštas` / `E-mail`.
 */
export function rowFor(key: string, custom: readonly CustomFieldDto[], uid = nextUid()): FieldRow {
  const def = customFieldOf(key, custom);
  const label = isStandardKey(key)
    ? STANDARD_FIELDS[key].label
    : { lt: def?.labelLt ?? '', en: def?.labelEn ?? '' };
  return { uid, key, required: false, labelLt: label.lt, labelEn: label.en, helpLt: '', helpEn: '' };
}

function rowOf(field: FormField): FieldRow {
  return {
    uid: nextUid(),
    key: field.key,
    required: field.required,
    labelLt: field.label.lt,
    labelEn: field.label.en,
    helpLt: field.help?.lt ?? '',
    helpEn: field.help?.en ?? '',
  };
}

export function formValuesOf(form: FormDto): FormValues {
  return {
    name: form.name,
    status: form.status,
    kind: form.kind,
    defaultLanguage: form.defaultLanguage,
    fields: form.fields.map(rowOf),
    consentOn: form.consent !== null,
    consentRequired: form.consent?.required ?? true,
    consentLt: form.consent?.text.lt ?? '',
    consentEn: form.consent?.text.en ?? '',
    submitLt: form.submitLabel.lt,
    submitEn: form.submitLabel.en,
    thankYouLt: form.thankYou.lt,
    thankYouEn: form.thankYou.en,
    redirectUrl: form.redirectUrl ?? '',
    sourceId: form.sourceId,
    campaignId: form.campaignId,
    ownerId: form.ownerId,
    allowedOrigins: form.allowedOrigins,
    minFillSeconds: form.minFillSeconds,
    maxPerMinute: form.maxPerMinute,
  };
}

/**
 * A site as the browser names it in `Origin`: `https://www.example.lt/kontaktai` → `https://www.example.lt`.
 * Text that is no http(s) address is kept as typed, so the server can say what is wrong with it.
 */
export function originInput(text: string): string {
  return originOf(text.trim()) ?? text.trim();
}

const local = (lt: string, en: string) => ({ lt: lt.trim(), en: en.trim() });

/** Everything the builder edits, as the API takes it (a new form, or every field of a change). */
export function toFormBody(v: FormValues): Required<CreateFormInput> {
  return {
    name: v.name.trim(),
    status: v.status,
    kind: v.kind,
    defaultLanguage: v.defaultLanguage,
    fields: v.fields.map((row) => ({
      key: row.key,
      required: row.required,
      label: local(row.labelLt, row.labelEn),
      help: row.helpLt.trim() || row.helpEn.trim() ? local(row.helpLt, row.helpEn) : null,
    })),
    consent: v.consentOn ? { required: v.consentRequired, text: local(v.consentLt, v.consentEn) } : null,
    submitLabel: local(v.submitLt, v.submitEn),
    thankYou: local(v.thankYouLt, v.thankYouEn),
    redirectUrl: v.redirectUrl.trim() || null,
    sourceId: v.sourceId,
    campaignId: v.campaignId,
    ownerId: v.ownerId,
    allowedOrigins: [...new Set(v.allowedOrigins.map(originInput).filter(Boolean))],
    minFillSeconds: Number(v.minFillSeconds),
    maxPerMinute: Number(v.maxPerMinute),
  };
}

/** Lead custom fields as the catalogue's rules read them. */
function customChoices(custom: readonly CustomFieldDto[]): CustomFieldChoice[] {
  return custom.map((c) => ({
    key: c.key,
    label: { lt: c.labelLt, en: c.labelEn },
    type: c.type,
    options: c.options.map((o) => ({ value: o.value, label: { lt: o.labelLt, en: o.labelEn } })),
    active: c.active,
  }));
}

/**
 * What the browser can check before sending, by the same rules the server applies
 * (`formDefinitionProblems`): a name, a way to reach the person, labels, consent wording, the numbers.
 * `custom` is undefined while the lead custom fields are still loading.
 */
export function localProblems(v: FormValues, custom: readonly CustomFieldDto[] | undefined): FieldError[] {
  const body = toFormBody(v);
  const problems: FieldError[] = [];
  if (!body.name) problems.push(fieldError('name', 'required'));
  for (const problem of formDefinitionProblems(body.fields, body.consent, customChoices(custom ?? []))) {
    // why: until the custom fields have loaded, a `cf.` field cannot be told unknown; the server still checks.
    if (custom || !(problem.code === 'invalid_value' && problem.field.endsWith('.key')))
      problems.push(problem);
  }
  if (v.minFillSeconds === '') problems.push(fieldError('minFillSeconds', 'required'));
  if (v.maxPerMinute === '') problems.push(fieldError('maxPerMinute', 'required'));
  return problems;
}

/** The input of a row an error key belongs to: `row.<uid>.labelEn`. */
export const rowErrorKey = (
  uid: string,
  input: 'key' | 'required' | 'labelLt' | 'labelEn' | 'helpLt' | 'helpEn',
) => `row.${uid}.${input}`;

const PLAIN = new Set([
  'name',
  'status',
  'defaultLanguage',
  'redirectUrl',
  'sourceId',
  'campaignId',
  'ownerId',
  'minFillSeconds',
  'maxPerMinute',
]);
const LOCAL: Record<string, [string, string]> = {
  'consent.text': ['consentLt', 'consentEn'],
  submitLabel: ['submitLt', 'submitEn'],
  thankYou: ['thankYouLt', 'thankYouEn'],
};
const ROW_INPUTS: Record<string, Parameters<typeof rowErrorKey>[1]> = {
  key: 'key',
  required: 'required',
  label: 'labelLt',
  'label.lt': 'labelLt',
  'label.en': 'labelEn',
  help: 'helpLt',
  'help.lt': 'helpLt',
  'help.en': 'helpEn',
};

/**
 * The input that shows a server problem, named by the field path of the body that was sent:
 * `fields.1.label.en` → the second row's English label (`row.<uid>.labelEn`), `consent.text.lt` →
 * `consentLt`, `allowedOrigins.2` → `allowedOrigins`; null for a path this screen has no input for.
 */
export function errorKeyOf(path: string, rows: readonly FieldRow[]): string | null {
  if (PLAIN.has(path)) return path;
  if (path === 'fields' || path === 'allowedOrigins') return path;
  if (/^allowedOrigins\.\d+$/.test(path)) return 'allowedOrigins';
  if (path === 'consent' || path === 'consent.required') return 'consentLt';
  const texts = LOCAL[path.replace(/\.(lt|en)$/, '')];
  if (texts) return path.endsWith('.en') ? texts[1] : texts[0];
  const row = /^fields\.(\d+)(?:\.(.+))?$/.exec(path);
  if (!row) return null;
  const sent = rows[Number(row[1])];
  if (!sent) return 'fields';
  return rowErrorKey(sent.uid, ROW_INPUTS[row[2] ?? 'key'] ?? 'key');
}

/** A problem worth its own sentence in the builder, else the general one for its code. */
const SPECIAL_MESSAGES: { path: RegExp; code: FieldError['code']; key: string }[] = [
  { path: /^fields$/, code: 'required', key: 'forms.errors.needContact' },
  { path: /^fields$/, code: 'too_short', key: 'forms.errors.noFields' },
  { path: /^fields$/, code: 'too_long', key: 'forms.errors.tooManyFields' },
  { path: /^fields\.\d+\.required$/, code: 'required', key: 'forms.errors.contactRequired' },
  { path: /^fields\.\d+\.key$/, code: 'in_use', key: 'forms.errors.duplicateField' },
  { path: /^fields\.\d+\.key$/, code: 'invalid_value', key: 'forms.errors.unknownField' },
  { path: /^allowedOrigins\.\d+$/, code: 'invalid_format', key: 'forms.errors.originFormat' },
  { path: /^redirectUrl$/, code: 'invalid_format', key: 'forms.errors.urlFormat' },
];

/** The i18n key of a problem's message: `fields` + required → `forms.errors.needContact`, else `fieldErrors.<code>`. */
export function messageKeyOf(error: Pick<FieldError, 'field' | 'code'>): string {
  const special = SPECIAL_MESSAGES.find((s) => s.code === error.code && s.path.test(error.field));
  return special?.key ?? `fieldErrors.${error.code}`;
}

/**
 * Each problem under its input (the first one per input wins), and the ones this screen cannot show.
 * Row indexes are those of `rows` as they were sent.
 */
export function placeProblems(
  problems: readonly FieldError[],
  rows: readonly FieldRow[],
): { placed: Record<string, FieldError>; unplaced: FieldError[] } {
  const placed: Record<string, FieldError> = {};
  const unplaced: FieldError[] = [];
  for (const problem of problems) {
    const key = errorKeyOf(problem.field, rows);
    if (key === null) unplaced.push(problem);
    else placed[key] ??= problem;
  }
  return { placed, unplaced };
}

/** Moves the row at `from` by `step` (−1 up, +1 down); out of bounds leaves the list as it is. */
export function moveRow<T>(rows: readonly T[], from: number, step: -1 | 1): T[] {
  const to = from + step;
  if (from < 0 || from >= rows.length || to < 0 || to >= rows.length) return [...rows];
  const next = [...rows];
  [next[from], next[to]] = [next[to] as T, next[from] as T];
  return next;
}
