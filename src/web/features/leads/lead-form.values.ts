import type { CreateLeadInput } from '../../lib/api';
import type { FieldErrors } from '../../lib/problems';
import type { TimeframeValue } from './TimeframeInput';

/** What the new-lead form edits, as plain input values (one entry per e-mail and phone input). */
export interface LeadFormValues extends Record<string, unknown> {
  firstName: string;
  lastName: string;
  jobTitle: string;
  emails: string[];
  phones: string[];
  organisationName: string;
  companyCode: string;
  website: string;
  timeframe: TimeframeValue;
  sourceId: string | null;
  campaignId: string | null;
  productIds: string[];
  tags: string[];
}

export const initialLeadValues = (): LeadFormValues => ({
  firstName: '',
  lastName: '',
  jobTitle: '',
  emails: [''],
  phones: [''],
  organisationName: '',
  companyCode: '',
  website: '',
  timeframe: { kind: 'none', date: '' },
  sourceId: null,
  campaignId: null,
  productIds: [],
  tags: [],
});

/**
 * The filled inputs of a list, each with the input it came from. The server numbers its errors
 * (`person.emails.1`) over what it received — blanks left out, repeats once — so the same is sent.
 */
export function sentList(inputs: readonly string[]): { values: string[]; rows: number[] } {
  const values: string[] = [];
  const rows: number[] = [];
  inputs.forEach((raw, row) => {
    const value = raw.trim();
    if (value && !values.includes(value)) {
      values.push(value);
      rows.push(row);
    }
  });
  return { values, rows };
}

/** Checks what the browser can check; the server validates everything again. */
export function validateLeadValues(values: LeadFormValues, required: string): FieldErrors {
  const errors: FieldErrors = {};
  const hasOrganisationDetail = values.companyCode.trim() || values.website.trim();
  if (hasOrganisationDetail && !values.organisationName.trim()) errors.organisationName = required;
  if (values.timeframe.kind === 'date' && !values.timeframe.date) errors.timeframe = required;
  return errors;
}

const blankToNull = (value: string) => value.trim() || null;

export function toCreateLeadInput(values: LeadFormValues): CreateLeadInput {
  const { timeframe } = values;
  const input: CreateLeadInput = {
    person: {
      firstName: values.firstName.trim(),
      lastName: values.lastName.trim(),
      jobTitle: blankToNull(values.jobTitle),
      emails: sentList(values.emails).values,
      phones: sentList(values.phones).values,
    },
    timeframe: timeframe.kind === 'now' ? 'now' : timeframe.kind === 'date' ? timeframe.date : null,
    productIds: values.productIds,
    tags: values.tags,
  };
  if (values.organisationName.trim()) {
    input.organisation = {
      name: values.organisationName.trim(),
      companyCode: blankToNull(values.companyCode),
      website: blankToNull(values.website),
    };
  }
  if (values.sourceId) input.sourceId = values.sourceId;
  if (values.campaignId) input.campaignId = values.campaignId;
  return input;
}

/** Server field paths → this form's inputs (`person.emails.1` → the input that e-mail came from). */
const PATHS: Record<string, string> = {
  person: 'lastName',
  'person.firstName': 'firstName',
  'person.lastName': 'lastName',
  'person.jobTitle': 'jobTitle',
  'person.emails': 'emails.0',
  'person.phones': 'phones.0',
  organisation: 'organisationName',
  'organisation.name': 'organisationName',
  'organisation.companyCode': 'companyCode',
  'organisation.website': 'website',
  timeframe: 'timeframe',
  sourceId: 'sourceId',
  campaignId: 'campaignId',
  productIds: 'productIds',
  tags: 'tags',
};

function inputOf(path: string, values: LeadFormValues): string | undefined {
  const list = /^person\.(emails|phones)\.(\d+)$/.exec(path);
  if (list) {
    const field = list[1] as 'emails' | 'phones';
    const row = sentList(values[field]).rows[Number(list[2])];
    return row === undefined ? undefined : `${field}.${row}`;
  }
  // `productIds.2`, `tags.0` belong to their (single) input.
  return PATHS[path] ?? PATHS[path.replace(/\.\d+$/, '')];
}

/** Puts each server message under its input; messages with no input here are returned apart. */
export function formErrorsOf(
  byPath: FieldErrors,
  values: LeadFormValues,
): { errors: FieldErrors; unplaced: string[] } {
  const errors: FieldErrors = {};
  const unplaced: string[] = [];
  for (const [path, message] of Object.entries(byPath)) {
    const input = inputOf(path, values);
    if (input) errors[input] ??= message;
    else unplaced.push(path);
  }
  return { errors, unplaced };
}

/** Whether the form shows a message for this server path. */
export const isPlacedIn = (values: LeadFormValues) => (path: string) => inputOf(path, values) !== undefined;
