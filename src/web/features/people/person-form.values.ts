import type { PersonDto, PersonInput } from '../../lib/api';
import type { FieldErrors } from '../../lib/problems';
import { sentList } from '../leads/lead-form.values';

/** What the person form edits, as plain input values (one entry per e-mail and phone input). */
export interface PersonFormValues extends Record<string, unknown> {
  firstName: string;
  lastName: string;
  jobTitle: string;
  emails: string[];
  phones: string[];
  city: string;
  country: string;
}

const orOne = (list: string[]) => (list.length ? list : ['']);

export function personFormValues(person: PersonDto): PersonFormValues {
  return {
    firstName: person.firstName,
    lastName: person.lastName,
    jobTitle: person.jobTitle ?? '',
    emails: orOne(person.emails),
    phones: orOne(person.phones),
    city: person.city ?? '',
    country: person.country ?? '',
  };
}

const blankToNull = (value: string) => value.trim() || null;

export function toPersonInput(values: PersonFormValues): PersonInput {
  return {
    firstName: values.firstName.trim(),
    lastName: values.lastName.trim(),
    jobTitle: blankToNull(values.jobTitle),
    emails: sentList(values.emails).values,
    phones: sentList(values.phones).values,
    city: blankToNull(values.city),
    country: blankToNull(values.country.toUpperCase()),
  };
}

const FIELDS = new Set(['firstName', 'lastName', 'jobTitle', 'city', 'country']);

/** Server paths (`emails.1` counts sent values) → the inputs they came from. */
function inputOf(path: string, values: PersonFormValues): string | undefined {
  const list = /^(emails|phones)(?:\.(\d+))?$/.exec(path);
  if (list) {
    const field = list[1] as 'emails' | 'phones';
    const row = list[2] === undefined ? 0 : sentList(values[field]).rows[Number(list[2])];
    return row === undefined ? undefined : `${field}.${row}`;
  }
  return FIELDS.has(path) ? path : undefined;
}

export function personErrorsOf(byPath: FieldErrors, values: PersonFormValues): FieldErrors {
  const errors: FieldErrors = {};
  for (const [path, message] of Object.entries(byPath)) {
    const input = inputOf(path, values);
    if (input) errors[input] ??= message;
  }
  return errors;
}

/** Whether the form shows a message for this server path. */
export const isShownIn = (values: PersonFormValues) => (path: string) => inputOf(path, values) !== undefined;
