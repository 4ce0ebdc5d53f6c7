import { CUSTOM_KEY_SOURCE, RECORD_FIELDS } from '../capture/fields.js';
/**
 * What a column of an imported list can become. Names follow the write path's bodies
 * (`PersonFields`, `OrganisationFields`, `CreateLeadBody`), so the import plan passes values on
 * without a second vocabulary to translate.
 */

/**
 * The fixed targets, in the order a mapping screen lists them. Where the write path differs:
 * `person.email` / `person.phone` become one-element `emails` / `phones`; `person.fullName` is
 * split into `firstName` and `lastName`; `lead.tags` is split into `tags`; `lead.note` becomes a
 * note on the lead (the lead body has no note); `external.id` goes to `external_ids`.
 */
export const IMPORT_FIELDS = [
  ...RECORD_FIELDS,
  'lead.sourceDetail',
  'lead.tags',
  'lead.note',
  'external.id',
] as const;
export type StandardImportField = (typeof IMPORT_FIELDS)[number];

/** An admin-defined custom field, by its key: `cf.budget`. Which record holds it is the custom field's own setting. */
export type CustomImportField = `cf.${string}`;
export type ImportField = StandardImportField | CustomImportField;

/** `cf.` and a key: a lower-case letter, then up to 62 lower-case letters, digits or underscores. */
export const CUSTOM_FIELD_PATTERN = new RegExp(`^cf\\.${CUSTOM_KEY_SOURCE}$`);

/** The fields that can tell who a row is about; a mapping needs at least one of them. */
export const IDENTITY_FIELDS = [
  'person.email',
  'person.phone',
  'person.firstName',
  'person.lastName',
  'person.fullName',
  'organisation.name',
] as const satisfies readonly StandardImportField[];

/** Longest cell an import keeps; a longer one is a row error, not a truncated value. */
export const MAX_CELL_LENGTH = 10_000;

const STANDARD = new Set<string>(IMPORT_FIELDS);
const IDENTITY = new Set<string>(IDENTITY_FIELDS);

/**
 * Whether a string names an import target (a mapping arrives as JSON, so it is checked).
 * Example: `isImportField('person.email')` → true, `isImportField('cf.budget_eur')` → true, `isImportField('cf.Budget')` → false.
 */
export function isImportField(value: string): value is ImportField {
  return STANDARD.has(value) || CUSTOM_FIELD_PATTERN.test(value);
}

/** Whether a field can identify the row's person or organisation: `isIdentityField('person.phone')` → true. */
export function isIdentityField(field: string): boolean {
  return IDENTITY.has(field);
}

/** The custom field key of a `cf.` target, else null: `customFieldKey('cf.budget')` → `'budget'`. */
export function customFieldKey(field: string): string | null {
  return CUSTOM_FIELD_PATTERN.test(field) ? field.slice('cf.'.length) : null;
}
