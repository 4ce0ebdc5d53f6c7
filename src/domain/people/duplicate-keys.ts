import {
  type CountryCode,
  domainOf,
  emailKey,
  isFreeMailDomain,
  isValidEmail,
  normaliseCompanyCode,
  normalisePhone,
} from './contact-keys.js';

/**
 * Exact keys on which two records are flagged as possible duplicates. Only these count:
 * fuzzy name similarity never flags or auto-merges anything ("Acme Inc" and "Acme GmbH" are
 * different legal entities; two "Jonas Kazlauskas" are usually two people). A person is a
 * candidate on a shared e-mail key or E.164 phone; an organisation on a shared website domain
 * (free-mail domains excluded) or company code.
 */
export interface PersonDuplicateKey {
  kind: 'email' | 'phone';
  value: string;
}

export interface OrganisationDuplicateKey {
  kind: 'domain' | 'company_code';
  value: string;
}

export interface PersonContacts {
  emails: readonly string[];
  phones: readonly string[];
}

export interface OrganisationIdentifiers {
  domain?: string | null;
  website?: string | null;
  companyCode?: string | null;
}

function unique<K extends { kind: string; value: string }>(keys: K[]): K[] {
  const seen = new Set<string>();
  return keys.filter((key) => {
    const id = `${key.kind}\u0000${key.value}`;
    if (seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

/**
 * A person's duplicate keys; invalid e-mails and phones give none. Example:
 * `duplicateKeysOfPerson({ emails: ['Jonas+x@Acme.lt'], phones: ['8 612 34567'] })` →
 * `[{ kind: 'email', value: 'jonas@acme.lt' }, { kind: 'phone', value: '+37061234567' }]`.
 */
export function duplicateKeysOfPerson(
  person: PersonContacts,
  defaultCountry: CountryCode = 'LT',
): PersonDuplicateKey[] {
  const emails = person.emails
    .filter(isValidEmail)
    .map((email): PersonDuplicateKey => ({ kind: 'email', value: emailKey(email) }));
  const phones = person.phones.flatMap((raw): PersonDuplicateKey[] => {
    const phone = normalisePhone(raw, defaultCountry);
    return phone === null ? [] : [{ kind: 'phone', value: phone }];
  });
  return unique([...emails, ...phones]);
}

/**
 * An organisation's duplicate keys: its domain (from `domain` or `website`, never a free-mail
 * domain) and company code. Example: `duplicateKeysOfOrganisation({ website: 'https://www.acme.lt',
 * companyCode: '302 123 456' })` → `[{ kind: 'domain', value: 'acme.lt' },
 * { kind: 'company_code', value: '302123456' }]`.
 */
export function duplicateKeysOfOrganisation(
  organisation: OrganisationIdentifiers,
): OrganisationDuplicateKey[] {
  const domains = [organisation.domain, organisation.website].flatMap((value): OrganisationDuplicateKey[] => {
    const domain = value ? domainOf(value) : null;
    return domain === null || isFreeMailDomain(domain) ? [] : [{ kind: 'domain', value: domain }];
  });
  const code = organisation.companyCode ? normaliseCompanyCode(organisation.companyCode) : null;
  const codes: OrganisationDuplicateKey[] = code === null ? [] : [{ kind: 'company_code', value: code }];
  return unique([...domains, ...codes]);
}
