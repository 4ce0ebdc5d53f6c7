import type { Selectable } from 'kysely';
import type { Scope } from '../../../domain/access/policy.js';
import type { Person } from '../../../domain/people/person.js';
import type { Db, PeopleTable } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { scopeCondition } from '../../db/scope.js';
import { setLeadTerms } from '../leads/leads.repository.js';

type PersonRow = Selectable<PeopleTable>;

function toPerson(row: PersonRow, emails: string[], phones: string[]): Person {
  return {
    id: row.id,
    firstName: row.first_name,
    lastName: row.last_name,
    jobTitle: row.job_title,
    organisationId: row.organisation_id,
    preferredLanguage: row.preferred_language,
    address: row.address,
    country: row.country,
    city: row.city,
    emails,
    phones,
    customFields: JSON.parse(row.custom_fields) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Live (not deleted, not merged away) people by id, with their contacts, in one round of queries. */
export async function findPeople(db: Db, ids: readonly string[]): Promise<Map<string, Person>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('people')
    .selectAll()
    .where('id', 'in', ids)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .execute();
  const emails = await db
    .selectFrom('person_emails')
    .select(['person_id', 'email'])
    .where('person_id', 'in', ids)
    .orderBy('position')
    .execute();
  const phones = await db
    .selectFrom('person_phones')
    .select(['person_id', 'phone'])
    .where('person_id', 'in', ids)
    .orderBy('position')
    .execute();
  const byPerson = <T extends { person_id: string }>(list: T[], pickValue: (r: T) => string) => {
    const map = new Map<string, string[]>();
    for (const r of list) map.set(r.person_id, [...(map.get(r.person_id) ?? []), pickValue(r)]);
    return map;
  };
  const emailMap = byPerson(emails, (r) => r.email);
  const phoneMap = byPerson(phones, (r) => r.phone);
  return new Map(rows.map((r) => [r.id, toPerson(r, emailMap.get(r.id) ?? [], phoneMap.get(r.id) ?? [])]));
}

export async function findPerson(db: Db, id: string): Promise<Person | undefined> {
  return (await findPeople(db, [id])).get(id);
}

/** Writes a person row with its contacts (replacing the contacts on update). */
export async function savePerson(
  db: Db,
  person: Person,
  searchText: string,
  emailKeys: string[],
  isNew: boolean,
): Promise<void> {
  const row = personRow(person, searchText);
  if (isNew) {
    await db
      .insertInto('people')
      .values({ ...row, id: person.id, created_at: person.createdAt })
      .execute();
  } else {
    await db.updateTable('people').set(row).where('id', '=', person.id).execute();
    await db.deleteFrom('person_emails').where('person_id', '=', person.id).execute();
    await db.deleteFrom('person_phones').where('person_id', '=', person.id).execute();
  }
  if (person.emails.length)
    await db.insertInto('person_emails').values(emailRows(person, emailKeys)).execute();
  if (person.phones.length) await db.insertInto('person_phones').values(phoneRows(person)).execute();
}

/** A person's own columns (the bulk writer inserts many with id and created_at). */
export function personRow(person: Person, searchText: string) {
  return {
    first_name: person.firstName,
    last_name: person.lastName,
    job_title: person.jobTitle,
    organisation_id: person.organisationId,
    preferred_language: person.preferredLanguage,
    address: person.address,
    country: person.country,
    city: person.city,
    custom_fields: JSON.stringify(person.customFields),
    search_text: searchText,
    updated_at: person.updatedAt,
  };
}

/** A person's e-mail rows, in order (`emailKeys[i]` is the key of `emails[i]`). */
export function emailRows(person: Pick<Person, 'id' | 'emails'>, emailKeys: readonly string[]) {
  return person.emails.map((email, i) => ({
    id: newId(),
    person_id: person.id,
    email,
    email_key: emailKeys[i] ?? email,
    position: i,
  }));
}

export function phoneRows(person: Pick<Person, 'id' | 'phones'>) {
  return person.phones.map((phone, i) => ({ id: newId(), person_id: person.id, phone, position: i }));
}

/** Live people having any of these e-mail keys or phones (excluding `exceptId`): duplicate candidates. */
export async function peopleMatching(
  db: Db,
  keys: { emailKeys: string[]; phones: string[] },
  exceptId?: string,
): Promise<{ personId: string; kind: 'email' | 'phone'; value: string }[]> {
  const out: { personId: string; kind: 'email' | 'phone'; value: string }[] = [];
  if (keys.emailKeys.length) {
    const rows = await db
      .selectFrom('person_emails')
      .innerJoin('people', 'people.id', 'person_emails.person_id')
      .select(['person_emails.person_id', 'person_emails.email_key'])
      .where('person_emails.email_key', 'in', keys.emailKeys)
      .where('people.deleted_at', 'is', null)
      .where('people.merged_into_id', 'is', null)
      .execute();
    out.push(...rows.map((r) => ({ personId: r.person_id, kind: 'email' as const, value: r.email_key })));
  }
  if (keys.phones.length) {
    const rows = await db
      .selectFrom('person_phones')
      .innerJoin('people', 'people.id', 'person_phones.person_id')
      .select(['person_phones.person_id', 'person_phones.phone'])
      .where('person_phones.phone', 'in', keys.phones)
      .where('people.deleted_at', 'is', null)
      .where('people.merged_into_id', 'is', null)
      .execute();
    out.push(...rows.map((r) => ({ personId: r.person_id, kind: 'phone' as const, value: r.phone })));
  }
  return out.filter((m) => m.personId !== exceptId);
}

/** Pairs marked "not a duplicate", stored with the smaller id first. */
export async function dismissedWith(db: Db, kind: string, id: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('duplicate_dismissals')
    .select(['id_a', 'id_b'])
    .where('kind', '=', kind)
    .where((eb) => eb.or([eb('id_a', '=', id), eb('id_b', '=', id)]))
    .execute();
  return new Set(rows.map((r) => (r.id_a === id ? r.id_b : r.id_a)));
}

/** Whether any live lead of the person falls in the scope: people are seen through their leads. */
export async function personInScope(db: Db, scope: Scope, personId: string): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  const row = await db
    .selectFrom('leads')
    .select('leads.id')
    .where('leads.person_id', '=', personId)
    .where('leads.deleted_at', 'is', null)
    .where((eb) => scopeCondition(eb, scope, { owner: 'leads.owner_id', team: 'leads.team_id' }))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** A lead with what its denormalised search text is made of. */
export interface LeadSearchSource {
  id: string;
  title: string;
  personId: string | null;
  orgName: string | null;
  createdAt: string;
  ownerId: string | null;
}

/** The leads of a person or of an organisation, with their titles and organisation names. */
export async function leadsForSearchText(
  db: Db,
  of: { personId: string } | { organisationId: string },
): Promise<LeadSearchSource[]> {
  const rows = await db
    .selectFrom('leads')
    .leftJoin('organisations', 'organisations.id', 'leads.organisation_id')
    .select([
      'leads.id',
      'leads.title',
      'leads.person_id',
      'leads.created_at',
      'leads.owner_id',
      'organisations.name as org_name',
    ])
    .where((eb) =>
      'personId' in of
        ? eb('leads.person_id', '=', of.personId)
        : eb('leads.organisation_id', '=', of.organisationId),
    )
    .execute();
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    personId: r.person_id,
    orgName: r.org_name,
    createdAt: r.created_at,
    ownerId: r.owner_id,
  }));
}

/**
 * Stores a lead's new search text and the search terms made from it: the one caller of setLeadTerms
 * here. The owner the terms carry is the one the update returns — the row is locked by then, so an
 * owner change committed meanwhile is not overwritten by an owner read earlier.
 */
export async function writeLeadSearchText(db: Db, lead: LeadSearchSource, searchText: string): Promise<void> {
  const row = await db
    .updateTable('leads')
    .set({ search_text: searchText })
    .where('id', '=', lead.id)
    .returning(['owner_id', 'created_at'])
    .executeTakeFirst();
  if (!row) return;
  await setLeadTerms(db, { id: lead.id, createdAt: row.created_at, ownerId: row.owner_id }, searchText);
}

/** Recomputes the denormalised search text of every lead of a person (after an edit or a merge). */
export async function refreshLeadSearchText(
  db: Db,
  personId: string,
  text: (title: string, orgName: string | null) => string,
): Promise<void> {
  for (const lead of await leadsForSearchText(db, { personId }))
    await writeLeadSearchText(db, lead, text(lead.title, lead.orgName));
}

/** Stores "not a duplicate" once per pair (smaller id first); repeating it is harmless. */
export async function dismissDuplicate(
  db: Db,
  kind: string,
  a: string,
  b: string,
  actorId: string,
  at: string,
): Promise<void> {
  const [idA, idB] = a < b ? [a, b] : [b, a];
  await db
    .insertInto('duplicate_dismissals')
    .values({ kind, id_a: idA, id_b: idB, actor_id: actorId, created_at: at })
    .onConflict((oc) => oc.columns(['kind', 'id_a', 'id_b']).doNothing())
    .execute();
}
