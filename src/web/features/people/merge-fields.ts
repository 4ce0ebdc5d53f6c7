import type { MergeField, MergeInput, PersonDto } from '../../lib/api';

/** The merge screen's rules: which fields to compare, what is chosen at first, what is sent. */

export const MERGE_FIELDS = [
  'firstName',
  'lastName',
  'jobTitle',
  'organisationId',
  'preferredLanguage',
  'address',
  'city',
  'country',
] as const satisfies readonly MergeField[];

/** Per field, the id of the person whose value is kept. */
export type MergeChoices = Record<MergeField, string>;

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** Values that differ need a choice; equal ones (both empty included) do not. */
export function differs(field: MergeField, a: PersonDto, b: PersonDto): boolean {
  const left = a[field];
  const right = b[field];
  return !(isEmpty(left) && isEmpty(right)) && left !== right;
}

/** The survivor's value where it has one, else the other's (the server's default too). */
export function initialChoices(survivor: PersonDto, other: PersonDto): MergeChoices {
  return Object.fromEntries(
    MERGE_FIELDS.map((field) => [
      field,
      isEmpty(survivor[field]) && !isEmpty(other[field]) ? other.id : survivor.id,
    ]),
  ) as MergeChoices;
}

/** The merge request: `other` merges into `survivor`, keeping the chosen value of each differing field. */
export function mergeInput(survivor: PersonDto, other: PersonDto, choices: MergeChoices): MergeInput {
  const values: NonNullable<MergeInput['values']> = {};
  for (const field of MERGE_FIELDS) if (differs(field, survivor, other)) values[field] = choices[field];
  return { survivorId: survivor.id, mergedIds: [other.id], values };
}

/** E-mails and phones are never chosen between: the survivor keeps all of both, without repeats. */
export function unitedContacts(
  survivor: PersonDto,
  other: PersonDto,
): { emails: string[]; phones: string[] } {
  const emails = [...survivor.emails];
  for (const email of other.emails)
    if (!emails.some((kept) => kept.toLowerCase() === email.toLowerCase())) emails.push(email);
  return { emails, phones: [...new Set([...survivor.phones, ...other.phones])] };
}
