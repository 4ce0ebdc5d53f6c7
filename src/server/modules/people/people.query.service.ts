import { inScope, scopeFor } from '../../../domain/access/policy.js';
import { AppError } from '../../../domain/errors/app-error.js';
import { type Person, personName } from '../../../domain/people/person.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { searchLeadRefs } from '../leads/leads.query.service.js';
import { leadsOfPerson } from '../leads/leads.repository.js';
import { organisationInScope } from '../organisations/organisations.repository.js';
import { findPeople, personInScope } from './people.repository.js';
import type { DuplicateCandidate } from './people.schemas.js';
import { duplicatesOfPerson } from './people.service.js';

/** A person the actor may see (through one of their leads), else 404. */
export async function visiblePerson(db: Db, caller: ActorContext, id: string): Promise<Person> {
  const person = (await findPeople(db, [id])).get(id);
  if (!person || !(await personInScope(db, scopeFor(caller.actor, 'lead'), id))) {
    throw new AppError('not_found', 'No such person');
  }
  return person;
}

export function personView(p: Person) {
  return { ...p, name: personName(p) };
}

/**
 * Search people by name, e-mail, phone or organisation (diacritics ignored, each word a word
 * prefix), limited to those one may see: through their leads, by the lead list's search.
 */
export async function findPeopleByText(deps: Deps, caller: ActorContext, q: string, limit: number) {
  const ids = await searchLeadRefs(deps, caller, q, 'personId', limit);
  const people = await findPeople(deps.db, ids);
  return { items: ids.flatMap((id) => (people.has(id) ? [personView(people.get(id)!)] : [])) };
}

/** One person with the leads of theirs one may see, and their duplicate candidates. */
export async function personDetail(deps: Deps, caller: ActorContext, id: string) {
  const person = await visiblePerson(deps.db, caller, id);
  const scope = scopeFor(caller.actor, 'lead');
  const leads = (await leadsOfPerson(deps.db, id)).filter((l) =>
    inScope(scope, { ownerId: l.owner_id, teamId: l.team_id }),
  );
  return {
    person: personView(person),
    leads: leads.map((l) => ({
      id: l.id,
      title: l.title,
      stage: l.stage,
      ownerId: l.owner_id,
      createdAt: l.created_at,
    })),
    duplicates: await visibleCandidates(deps.db, caller, await duplicatesOfPerson(deps.db, person)),
  };
}

/** Only the duplicate candidates the actor may see: a hidden person is never named, not even as a duplicate. */
export async function visibleCandidates(
  db: Db,
  caller: ActorContext,
  candidates: DuplicateCandidate[],
): Promise<DuplicateCandidate[]> {
  const scope = scopeFor(caller.actor, 'lead');
  const kept: DuplicateCandidate[] = [];
  for (const c of candidates) {
    const visible =
      c.kind === 'person' ? await personInScope(db, scope, c.id) : await organisationInScope(db, scope, c.id);
    if (visible) kept.push(c);
  }
  return kept;
}
