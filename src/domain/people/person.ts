import { searchKey } from '../search/search-key.js';

/** A person: the identity a lead belongs to. Contacts are kept normalised (E.164 phones). */
export interface Person {
  id: string;
  firstName: string;
  lastName: string;
  jobTitle: string | null;
  organisationId: string | null;
  preferredLanguage: string | null;
  address: string | null;
  country: string | null;
  city: string | null;
  emails: string[];
  phones: string[];
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** An organisation: a company or institution people belong to. */
export interface Organisation {
  id: string;
  name: string;
  companyCode: string | null;
  vatCode: string | null;
  website: string | null;
  domain: string | null;
  size: string | null;
  industry: string | null;
  country: string | null;
  city: string | null;
  customFields: Record<string, unknown>;
  createdAt: string;
  updatedAt: string;
}

/** The name a person is shown by: `Ona Petraitė`, else their first e-mail, else their phone. */
export function personName(p: Pick<Person, 'firstName' | 'lastName' | 'emails' | 'phones'>): string {
  const name = `${p.firstName} ${p.lastName}`.trim();
  return name || p.emails[0] || p.phones[0] || '';
}

/**
 * The normalised text a free-text search looks in: names, e-mails, phones (with and without +)
 * and the organisation's name — lower-case, diacritics removed ("Šimkus" → "simkus").
 */
export function personSearchText(
  p: Pick<Person, 'firstName' | 'lastName' | 'emails' | 'phones'>,
  organisationName?: string | null,
): string {
  const phones = p.phones.flatMap((phone) => [phone, phone.replace(/^\+/, '')]);
  return searchKey([p.firstName, p.lastName, ...p.emails, ...phones, organisationName ?? ''].join(' '));
}
