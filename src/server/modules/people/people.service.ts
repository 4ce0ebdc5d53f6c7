import type { Validation } from '../../../domain/errors/app-error.js';
import {
  domainOf,
  emailKey,
  isValidEmail,
  normaliseCompanyCode,
  normalisePhone,
} from '../../../domain/people/contact-keys.js';
import { type Organisation, type Person, personName } from '../../../domain/people/person.js';
import type { Db } from '../../db/database.js';
import { findOrganisation, organisationsMatching } from '../organisations/organisations.repository.js';
import { dismissedWith, findPeople, peopleMatching } from './people.repository.js';
import type { DuplicateCandidate, OrganisationInput, PersonInput } from './people.schemas.js';

const clean = (value: string | null | undefined): string | null => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : null;
};

/** Validates and normalises person fields into `v` (field names under `prefix`, e.g. `person.`). */
export function normalisePerson(
  input: PersonInput,
  v: Validation,
  prefix = '',
): Omit<Person, 'id' | 'createdAt' | 'updatedAt'> {
  const emails = [...new Set((input.emails ?? []).map((e) => e.trim()).filter(Boolean))];
  v.checkEach(emails, `${prefix}emails`, isValidEmail, 'invalid_format');
  const phones: string[] = [];
  (input.phones ?? []).forEach((raw, i) => {
    if (!raw.trim()) return;
    const phone = normalisePhone(raw, (input.country?.toUpperCase() as 'LT' | undefined) ?? 'LT');
    if (v.check(phone !== null, `${prefix}phones.${i}`, 'invalid_format') && phone && !phones.includes(phone))
      phones.push(phone);
  });
  const person = {
    firstName: input.firstName?.trim() ?? '',
    lastName: input.lastName?.trim() ?? '',
    jobTitle: clean(input.jobTitle),
    organisationId: input.organisationId ?? null,
    preferredLanguage: input.preferredLanguage ?? null,
    address: clean(input.address),
    country: input.country ? input.country.toUpperCase() : null,
    city: clean(input.city),
    emails: emails.map((e) => e.toLowerCase()),
    phones,
    customFields: input.customFields ?? {},
  };
  v.check(personName(person) !== '', `${prefix}lastName`, 'required');
  return person;
}

export function normaliseOrganisation(
  input: OrganisationInput,
): Omit<Organisation, 'id' | 'createdAt' | 'updatedAt'> {
  const website = clean(input.website);
  return {
    name: input.name.trim(),
    companyCode: input.companyCode ? normaliseCompanyCode(input.companyCode) : null,
    vatCode: clean(input.vatCode)?.replace(/\s+/g, '').toUpperCase() ?? null,
    website,
    domain: website ? domainOf(website) : null,
    size: input.size ?? null,
    industry: clean(input.industry),
    country: input.country ? input.country.toUpperCase() : null,
    city: clean(input.city),
    customFields: input.customFields ?? {},
  };
}

async function personCandidates(
  db: Db,
  personId: string,
  matches: { personId: string; kind: 'email' | 'phone'; value: string }[],
): Promise<DuplicateCandidate[]> {
  const dismissed = await dismissedWith(db, 'person', personId);
  const relevant = matches.filter((m) => m.personId !== personId && !dismissed.has(m.personId));
  const people = await findPeople(db, [...new Set(relevant.map((m) => m.personId))]);
  return [...people.values()].map((p) => ({
    kind: 'person' as const,
    id: p.id,
    name: personName(p),
    matchedOn: relevant.filter((m) => m.personId === p.id).map((m) => ({ key: m.kind, value: m.value })),
  }));
}

/** Duplicate candidates of an existing person (same e-mail key or phone), minus dismissed pairs. */
export async function duplicatesOfPerson(db: Db, person: Person): Promise<DuplicateCandidate[]> {
  const matches = await peopleMatching(
    db,
    { emailKeys: person.emails.map(emailKey), phones: person.phones },
    person.id,
  );
  return personCandidates(db, person.id, matches);
}

async function organisationCandidates(
  db: Db,
  organisationId: string,
  matches: { organisationId: string; kind: 'company_code' | 'domain'; value: string }[],
): Promise<DuplicateCandidate[]> {
  const dismissed = await dismissedWith(db, 'organisation', organisationId);
  const duplicates: DuplicateCandidate[] = [];
  for (const m of matches.filter(
    (x) => x.organisationId !== organisationId && !dismissed.has(x.organisationId),
  )) {
    const other = await findOrganisation(db, m.organisationId);
    if (other)
      duplicates.push({
        kind: 'organisation',
        id: other.id,
        name: other.name,
        matchedOn: [{ key: m.kind, value: m.value }],
      });
  }
  return duplicates;
}

/** Duplicate candidates of an existing organisation (same company code or website domain), minus dismissed pairs. */
export async function duplicatesOfOrganisation(db: Db, org: Organisation): Promise<DuplicateCandidate[]> {
  const matches = await organisationsMatching(
    db,
    { companyCode: org.companyCode, domain: org.domain },
    org.id,
  );
  return organisationCandidates(db, org.id, matches);
}
