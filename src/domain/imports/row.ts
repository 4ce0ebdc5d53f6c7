import {
  customFieldKey,
  type ImportField,
  isIdentityField,
  isImportField,
  MAX_CELL_LENGTH,
  type StandardImportField,
} from './fields.js';

/**
 * Turning one parsed row into the shape the lead write path takes, and checking a mapping
 * before any row is read. Values are only trimmed: e-mail, phone, country and length rules
 * stay with the write path, so an import cannot accept what the API refuses.
 */

export interface MappedPerson {
  firstName?: string;
  lastName?: string;
  email?: string;
  phone?: string;
  jobTitle?: string;
  city?: string;
  country?: string;
}

export interface MappedOrganisation {
  name?: string;
  companyCode?: string;
  website?: string;
}

export interface MappedLead {
  title?: string;
  timeframe?: string;
  sourceDetail?: string;
  tags?: string[];
  note?: string;
}

/** One row's values, grouped by record; a field with an empty cell is absent. */
export interface MappedRow {
  person: MappedPerson;
  organisation: MappedOrganisation;
  lead: MappedLead;
  externalId?: string;
  /** By custom field key, without the `cf.` prefix. */
  customFields: Record<string, string>;
}

export type RowErrorCode = 'ragged_row' | 'too_long';

/** A problem with one row; `'*'` when it concerns the whole row. */
export interface RowError {
  field: ImportField | '*';
  code: RowErrorCode;
}

export interface MappedRowResult {
  values: MappedRow;
  errors: RowError[];
}

type Setter = (row: MappedRow, value: string) => void;

/** Where each plain target's value goes; full names and tags need more than a copy. */
const SETTERS: Record<Exclude<StandardImportField, 'person.fullName' | 'lead.tags'>, Setter> = {
  'person.firstName': (row, value) => Object.assign(row.person, { firstName: value }),
  'person.lastName': (row, value) => Object.assign(row.person, { lastName: value }),
  'person.email': (row, value) => Object.assign(row.person, { email: value }),
  'person.phone': (row, value) => Object.assign(row.person, { phone: value }),
  'person.jobTitle': (row, value) => Object.assign(row.person, { jobTitle: value }),
  'person.city': (row, value) => Object.assign(row.person, { city: value }),
  'person.country': (row, value) => Object.assign(row.person, { country: value }),
  'organisation.name': (row, value) => Object.assign(row.organisation, { name: value }),
  'organisation.companyCode': (row, value) => Object.assign(row.organisation, { companyCode: value }),
  'organisation.website': (row, value) => Object.assign(row.organisation, { website: value }),
  'lead.title': (row, value) => Object.assign(row.lead, { title: value }),
  'lead.timeframe': (row, value) => Object.assign(row.lead, { timeframe: value }),
  'lead.sourceDetail': (row, value) => Object.assign(row.lead, { sourceDetail: value }),
  'lead.note': (row, value) => Object.assign(row.lead, { note: value }),
  'external.id': (row, value) => Object.assign(row, { externalId: value }),
};

/**
 * A person's name split into first and last: the last word is the last name, and the
 * "Pavardė, Vardas" form is read the other way round. One word is taken as a first name.
 * Example: `splitFullName('Ona Marija Šimkienė')` → `{ firstName: 'Ona Marija', lastName: 'Šimkienė' }`,
 * `splitFullName('Šimkus, Jonas')` → `{ firstName: 'Jonas', lastName: 'Šimkus' }`.
 */
export function splitFullName(fullName: string): Pick<MappedPerson, 'firstName' | 'lastName'> {
  const text = fullName.trim().replace(/\s+/gu, ' ');
  const comma = text.indexOf(',');
  const [first, last] =
    comma >= 0
      ? [text.slice(comma + 1).trim(), text.slice(0, comma).trim()]
      : text.includes(' ')
        ? [text.slice(0, text.lastIndexOf(' ')), text.slice(text.lastIndexOf(' ') + 1)]
        : [text, ''];
  return { ...(first && { firstName: first }), ...(last && { lastName: last }) };
}

/** Tags from one cell, split on commas and semicolons, without blanks or repeats: `'vip; b2b,vip'` → `['vip', 'b2b']`. */
export function splitTags(cell: string): string[] {
  return [...new Set(cell.split(/[,;]/u).map((tag) => tag.trim()))].filter((tag) => tag !== '');
}

function place(row: MappedRow, field: ImportField, value: string, fullNames: string[]): void {
  if (field === 'person.fullName') fullNames.push(value);
  else if (field === 'lead.tags') {
    const tags = splitTags(value);
    if (tags.length > 0) row.lead.tags = tags;
  } else if (Object.hasOwn(SETTERS, field)) SETTERS[field as keyof typeof SETTERS](row, value);
  else {
    const key = customFieldKey(field);
    if (key !== null) row.customFields[key] = value;
  }
}

/** Names from a full-name column fill only what first- and last-name columns left empty. */
function fillNames(person: MappedPerson, fullName: string): void {
  const { firstName, lastName } = splitFullName(fullName);
  if (person.firstName === undefined && firstName !== undefined) person.firstName = firstName;
  if (person.lastName === undefined && lastName !== undefined) person.lastName = lastName;
}

/**
 * A mapping prepared once for many rows: each mapped column's position, looked up once rather
 * than per row (an import reads up to a million). A column repeated in the header is read at its
 * first position; columns missing from the header and unknown targets are skipped here and
 * reported by `validateMapping`.
 */
export function compileMapping(
  header: readonly string[],
  mapping: Readonly<Record<string, ImportField | null>>,
): (cells: readonly string[]) => MappedRowResult {
  const plan = Object.entries(mapping).flatMap(([column, field]) => {
    const index = header.indexOf(column);
    return field !== null && index >= 0 && isImportField(field) ? [{ index, field }] : [];
  });
  return (cells) => {
    const values: MappedRow = { person: {}, organisation: {}, lead: {}, customFields: {} };
    const errors: RowError[] = [];
    if (cells.length !== header.length) errors.push({ field: '*', code: 'ragged_row' });
    const fullNames: string[] = [];
    for (const { index, field } of plan) {
      const value = (cells[index] ?? '').trim();
      if (value.length > MAX_CELL_LENGTH) errors.push({ field, code: 'too_long' });
      else if (value !== '') place(values, field, value, fullNames);
    }
    for (const fullName of fullNames) fillNames(values.person, fullName);
    return { values, errors };
  };
}

/**
 * One row mapped onto person, organisation and lead values, with its row errors (a row with
 * more or fewer cells than the header; a cell over 10,000 characters, which is left out).
 * Example: header `['Vardas', 'El. paštas']`, mapping `{ Vardas: 'person.fullName', 'El. paštas': 'person.email' }`,
 * cells `[' Jonas Šimkus ', 'j@acme.lt']` → `person: { firstName: 'Jonas', lastName: 'Šimkus', email: 'j@acme.lt' }`.
 * Many rows: `compileMapping(header, mapping)` once, then call the result per row.
 */
export function mapRow(
  cells: readonly string[],
  header: readonly string[],
  mapping: Readonly<Record<string, ImportField | null>>,
): MappedRowResult {
  return compileMapping(header, mapping)(cells);
}

export type MappingErrorCode =
  | 'unknown_column'
  | 'ambiguous_column'
  | 'unknown_field'
  | 'duplicate_target'
  | 'no_identity';

/** A problem with a mapping as a whole, naming the column and target where there is one. */
export interface MappingError {
  code: MappingErrorCode;
  column?: string;
  field?: string;
}

/**
 * What is wrong with a mapping (it arrives as JSON, so targets are plain strings): a column not
 * in the header, one the header has twice (which cell is meant?), an unknown target, a target
 * used twice, and no column that could tell who a row is about. Empty when it can run.
 * Example: `validateMapping({ Miestas: 'person.city' }, ['Miestas'])` → `[{ code: 'no_identity' }]`.
 */
export function validateMapping(
  mapping: Readonly<Record<string, string | null>>,
  header: readonly string[],
): MappingError[] {
  const errors: MappingError[] = [];
  const used = new Set<string>();
  let identified = false;
  for (const [column, field] of Object.entries(mapping)) {
    if (field === null) continue;
    const occurrences = header.filter((name) => name === column).length;
    if (occurrences === 0) errors.push({ code: 'unknown_column', column, field });
    else if (occurrences > 1) errors.push({ code: 'ambiguous_column', column, field });
    if (!isImportField(field)) errors.push({ code: 'unknown_field', column, field });
    else if (used.has(field)) errors.push({ code: 'duplicate_target', column, field });
    else if (occurrences > 0 && isIdentityField(field)) identified = true;
    used.add(field);
  }
  if (!identified) errors.push({ code: 'no_identity' });
  return errors;
}
