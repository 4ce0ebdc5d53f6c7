import { domainOf } from '../../../domain/people/contact-keys.js';
import {
  chooseFields,
  type MergeRequest,
  ORGANISATION_MERGE_FIELDS,
  unitedCustomFields,
} from '../../../domain/people/merge.js';
import type { Organisation } from '../../../domain/people/person.js';
import { searchKey } from '../../../domain/search/search-key.js';
import type { ActorContext, Deps } from '../../context.js';
import { restoreSurvivorRow } from '../merges/merges.repository.js';
import { type MergeStrategy, rememberNotDuplicate, runMerge, runUndo } from '../merges/merges.service.js';
import { refreshLeadsOf } from './organisation-leads.js';
import {
  moveOrganisationLinks,
  type OrganisationMergeSnapshot,
  restoreOrganisationLinks,
  snapshotOrganisationMerge,
} from './organisation-merge.repository.js';
import { findOrganisations, saveOrganisation } from './organisations.repository.js';
import { visibleOrganisation } from './organisations.service.js';

type MergeableField = (typeof ORGANISATION_MERGE_FIELDS)[number];
export type OrganisationMergeInput = MergeRequest<MergeableField>;

/** The survivor after a merge: fields chosen one by one, the domain from the kept website, custom values united. */
function mergedOrganisation(
  survivor: Organisation,
  others: Organisation[],
  values: OrganisationMergeInput['values'],
  at: string,
): Organisation {
  const chosen = chooseFields(survivor, others, ORGANISATION_MERGE_FIELDS, values);
  return {
    ...survivor,
    ...chosen,
    domain: chosen.website ? domainOf(chosen.website) : null,
    customFields: unitedCustomFields(survivor, others),
    updatedAt: at,
  };
}

/**
 * Organisation merge: the people and leads of the merged organisations move to the survivor; the
 * merged organisations are retired (never deleted) and come back on undo.
 */
const ORGANISATION_MERGE: MergeStrategy<
  Organisation,
  OrganisationMergeSnapshot,
  MergeableField,
  Organisation[]
> = {
  kind: 'organisation',
  visible: visibleOrganisation,
  snapshot: snapshotOrganisationMerge,
  apply: async (trx, { survivor, others, values, at }) => {
    const after = mergedOrganisation(survivor, others, values, at);
    await saveOrganisation(trx, after, searchKey(after.name), false);
    await moveOrganisationLinks(
      trx,
      survivor.id,
      others.map((o) => o.id),
      at,
    );
    await refreshLeadsOf(trx, [survivor.id]);
    return after;
  },
  restore: async (trx, merge, at) => {
    const ids = [merge.survivorId, ...merge.mergedIds];
    await restoreOrganisationLinks(trx, merge.survivorId, merge.mergedIds, merge.snapshot, at);
    await restoreSurvivorRow(trx, 'organisations', merge.snapshot.survivor, at);
    await refreshLeadsOf(trx, ids);
    const restored = await findOrganisations(trx, ids);
    return ids.flatMap((id) => restored.get(id) ?? []);
  },
};

/** Merges organisations into one survivor; undoable for 30 days. */
export async function mergeOrganisations(deps: Deps, caller: ActorContext, input: OrganisationMergeInput) {
  const { mergeId, survivor, snapshot } = await runMerge(deps, caller, ORGANISATION_MERGE, input);
  return {
    mergeId,
    organisation: survivor,
    movedLeads: snapshot.leads.length,
    movedPeople: snapshot.people.length,
  };
}

/** Undoes an organisation merge within 30 days: people and leads go back and the merged organisations return. */
export async function undoOrganisationMerge(deps: Deps, caller: ActorContext, mergeId: string) {
  return { organisations: await runUndo(deps, caller, ORGANISATION_MERGE, mergeId) };
}

/** Remembers that two organisations are not the same, so they are no longer offered as duplicates. */
export async function markOrganisationsNotDuplicate(
  deps: Deps,
  caller: ActorContext,
  id: string,
  otherId: string,
): Promise<void> {
  await rememberNotDuplicate(deps, caller, ORGANISATION_MERGE, id, otherId);
}
