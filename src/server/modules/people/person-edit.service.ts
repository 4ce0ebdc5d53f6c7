import { Validation } from '../../../domain/errors/app-error.js';
import { emailKey } from '../../../domain/people/contact-keys.js';
import { type Person, personSearchText } from '../../../domain/people/person.js';
import type { ActorContext, Caller, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { recordUpdate } from '../audit/audit.repository.js';
import { checkCustomValues, mergeCustomValues } from '../custom-fields/custom-values.js';
import { leadSearchText } from '../leads/leads.view.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { rescoreLeadsOf } from '../scoring/scoring.write.js';
import { personView, visibleCandidates, visiblePerson } from './people.query.service.js';
import { refreshLeadSearchText, savePerson } from './people.repository.js';
import type { PersonInput } from './people.schemas.js';
import { duplicatesOfPerson, normalisePerson } from './people.service.js';

/** Changes a person through the one write path: normalised, validated, searchable, audited. */
export async function updatePerson(deps: Deps, caller: ActorContext, id: string, input: PersonInput) {
  return deps.db.transaction().execute(async (trx) => {
    const before = await visiblePerson(trx, caller, id);
    const after = await changePersonIn(trx, deps, caller, before, input);
    return {
      person: personView(after),
      duplicates: await visibleCandidates(trx, caller, await duplicatesOfPerson(trx, after)),
    };
  });
}

/**
 * `updatePerson` inside the caller's transaction, for a person already loaded and checked as
 * visible (an import updating the people it matched goes through here too).
 */
export async function changePersonIn(
  trx: Db,
  deps: Deps,
  caller: Caller,
  before: Person,
  input: PersonInput,
): Promise<Person> {
  const at = deps.now().toISOString();
  const v = new Validation();
  const current: PersonInput = {
    firstName: before.firstName,
    lastName: before.lastName,
    jobTitle: before.jobTitle,
    emails: before.emails,
    phones: before.phones,
    preferredLanguage: before.preferredLanguage as PersonInput['preferredLanguage'],
    address: before.address,
    country: before.country,
    city: before.city,
    organisationId: before.organisationId,
  };
  const fields = normalisePerson({ ...current, ...input, customFields: {} }, v);
  const custom = await checkCustomValues(trx, 'person', input.customFields, v);
  if (input.organisationId)
    v.check((await findOrganisation(trx, input.organisationId)) !== undefined, 'organisationId', 'not_found');
  v.throwIfAny();
  const after: Person = {
    ...before,
    ...fields,
    customFields: mergeCustomValues(before.customFields, custom),
    updatedAt: at,
  };
  await savePerson(trx, after, personSearchText(after), after.emails.map(emailKey), false);
  await refreshLeadSearchText(trx, before.id, (title, orgName) => leadSearchText(after, orgName, title));
  await recordUpdate(trx, caller, 'person', before.id, { before, after, keys: Object.keys(input), at });
  await rescoreLeadsOf(trx, at, { personIds: [before.id] });
  return after;
}
