import { PERSON_MERGE_FIELDS } from '../../../domain/people/merge';
import type { MergeField, PersonDto } from '../../lib/api';

/** The fields the person merge screen compares, in the order shown: the server's own list. */
export const MERGE_FIELDS = PERSON_MERGE_FIELDS satisfies readonly MergeField[];

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
