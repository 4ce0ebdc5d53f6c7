import { scopeFor } from '../../../domain/access/policy.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import type { Organisation } from '../../../domain/people/person.js';
import { searchKey } from '../../../domain/search/search-key.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { recordUpdate } from '../audit/audit.repository.js';
import { checkCustomValues, mergeCustomValues } from '../custom-fields/custom-values.js';
import { searchLeadRefs } from '../leads/leads.query.service.js';
import { visibleCandidates } from '../people/people.query.service.js';
import type { OrganisationInput } from '../people/people.schemas.js';
import { duplicatesOfOrganisation, normaliseOrganisation } from '../people/people.service.js';
import { rescoreLeadsOf } from '../scoring/scoring.write.js';
import { refreshLeadsOf } from './organisation-leads.js';
import {
  findOrganisation,
  findOrganisations,
  organisationInScope,
  saveOrganisation,
} from './organisations.repository.js';

/** An organisation the actor may see (through one of its leads), else 404. */
export async function visibleOrganisation(db: Db, caller: ActorContext, id: string): Promise<Organisation> {
  const org = await findOrganisation(db, id);
  if (!org || !(await organisationInScope(db, scopeFor(caller.actor, 'lead'), id))) {
    throw new AppError('not_found', 'No such organisation');
  }
  return org;
}

/** Search organisations by name (and their people's names and contacts) through the leads one may see. */
export async function findOrganisationsByText(deps: Deps, caller: ActorContext, q: string, limit: number) {
  const ids = await searchLeadRefs(deps, caller, q, 'organisationId', limit);
  const orgs = await findOrganisations(deps.db, ids);
  return { items: ids.flatMap((id) => (orgs.has(id) ? [orgs.get(id)!] : [])) };
}

/** Changes an organisation: normalised codes and domain, custom values checked, audited. */
export async function updateOrganisation(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: Partial<OrganisationInput>,
): Promise<Organisation> {
  const at = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const before = await visibleOrganisation(trx, caller, id);
    const v = new Validation();
    const custom = await checkCustomValues(trx, 'organisation', input.customFields, v);
    v.throwIfAny();
    const { customFields: _, createdAt: __, updatedAt: ___, id: ____, domain: _____, ...current } = before;
    const fields = normaliseOrganisation({ ...current, ...input, customFields: {} } as OrganisationInput);
    const after: Organisation = {
      ...before,
      ...fields,
      customFields: mergeCustomValues(before.customFields, custom),
      updatedAt: at,
    };
    await saveOrganisation(trx, after, searchKey(after.name), false);
    // Leads are found by their organisation's name: a new name must find them.
    if (after.name !== before.name) await refreshLeadsOf(trx, [id]);
    const keys = Object.keys(input);
    await recordUpdate(trx, caller, 'organisation', id, { before, after, keys, at });
    await rescoreLeadsOf(trx, at, { organisationIds: [id] });
    return after;
  });
}

/** Organisations that share this one's company code or website domain and that the caller may see. */
export async function organisationDuplicates(deps: Deps, caller: ActorContext, id: string) {
  const org = await visibleOrganisation(deps.db, caller, id);
  return { items: await visibleCandidates(deps.db, caller, await duplicatesOfOrganisation(deps.db, org)) };
}
