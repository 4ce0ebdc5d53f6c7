import { Validation } from '../../../domain/errors/app-error.js';
import { emailKey } from '../../../domain/people/contact-keys.js';
import { type Person, personSearchText } from '../../../domain/people/person.js';
import type { ActorContext, Deps } from '../../context.js';
import { recordUpdate } from '../audit/audit.repository.js';
import { checkCustomValues, mergeCustomValues } from '../custom-fields/custom-values.js';
import { leadSearchText } from '../leads/leads.view.js';
import { findOrganisation } from '../organisations/organisations.repository.js';
import { personView, visibleCandidates, visiblePerson } from './people.query.service.js';
import { refreshLeadSearchText, savePerson } from './people.repository.js';
import type { PersonInput } from './people.schemas.js';
import { duplicatesOfPerson, normalisePerson } from './people.service.js';

/** Changes a person through the one write path: normalised, validated, searchable, audited. */
export async function updatePerson(deps: Deps, caller: ActorContext, id: string, input: PersonInput) {
  const at = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await visiblePerson(trx, caller, id);
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
      v.check(
        (await findOrganisation(trx, input.organisationId)) !== undefined,
        'organisationId',
        'not_found',
      );
    v.throwIfAny();
    const after: Person = {
      ...before,
      ...fields,
      customFields: mergeCustomValues(before.customFields, custom),
      updatedAt: at,
    };
    await savePerson(trx, after, personSearchText(after), after.emails.map(emailKey), false);
    await refreshLeadSearchText(trx, id, (title, orgName) => leadSearchText(after, orgName, title));
    const keys = Object.keys(input);
    await recordUpdate(trx, caller, 'person', id, { before, after, keys, at });
    return {
      person: personView(after),
      duplicates: await visibleCandidates(trx, caller, await duplicatesOfPerson(trx, after)),
    };
  });
}
