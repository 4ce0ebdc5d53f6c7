import { emailKey } from '../../../domain/people/contact-keys.js';
import {
  chooseFields,
  type MergeRequest,
  PERSON_MERGE_FIELDS,
  unitedCustomFields,
} from '../../../domain/people/merge.js';
import { type Person, personSearchText } from '../../../domain/people/person.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { leadSearchText } from '../leads/leads.view.js';
import { restoreSurvivorRow } from '../merges/merges.repository.js';
import { type MergeStrategy, rememberNotDuplicate, runMerge, runUndo } from '../merges/merges.service.js';
import {
  type MergeSnapshot,
  moveLinks,
  restoreLinks,
  setContacts,
  snapshotForMerge,
} from './merge.repository.js';
import { personView, visiblePerson } from './people.query.service.js';
import { findPeople, refreshLeadSearchText, savePerson } from './people.repository.js';

type MergeableField = (typeof PERSON_MERGE_FIELDS)[number];

/** Which person's value to keep per field; by default the survivor's, else the first non-empty. */
export type MergeInput = MergeRequest<MergeableField>;

/** The survivor's fields after a merge, chosen field by field; contacts are the union of all. */
function mergedPerson(survivor: Person, others: Person[], values: MergeInput['values'], at: string): Person {
  const all = [survivor, ...others];
  const emails = new Map<string, string>();
  for (const p of all) for (const e of p.emails) if (!emails.has(emailKey(e))) emails.set(emailKey(e), e);
  return {
    ...survivor,
    ...chooseFields(survivor, others, PERSON_MERGE_FIELDS, values),
    emails: [...emails.values()],
    phones: [...new Set(all.flatMap((p) => p.phones))],
    customFields: unitedCustomFields(survivor, others),
    updatedAt: at,
  };
}

async function refreshSearch(db: Db, person: Person): Promise<void> {
  await refreshLeadSearchText(db, person.id, (title, orgName) => leadSearchText(person, orgName, title));
}

/**
 * People merge: leads, referrals, activities and campaign memberships move; e-mails and phones
 * are united; the merged people are retired (never deleted) and come back on undo.
 */
const PERSON_MERGE: MergeStrategy<Person, MergeSnapshot, MergeableField, ReturnType<typeof personView>[]> = {
  kind: 'person',
  visible: visiblePerson,
  snapshot: snapshotForMerge,
  apply: async (trx, { survivor, others, snapshot, values, at }) => {
    const after = mergedPerson(survivor, others, values, at);
    await savePerson(trx, after, personSearchText(after), after.emails.map(emailKey), false);
    await moveLinks(trx, survivor.id, snapshot, at);
    await refreshSearch(trx, after);
    return after;
  },
  restore: async (trx, merge, at) => {
    const snap = merge.snapshot;
    await restoreLinks(trx, merge.survivorId, snap, at);
    await restoreSurvivorRow(trx, 'people', snap.survivor, at);
    await setContacts(trx, merge.survivorId, snap.survivorEmails, snap.survivorPhones);
    for (const m of snap.merged) await setContacts(trx, m.id, m.emails, m.phones);
    const restored = await findPeople(trx, [merge.survivorId, ...merge.mergedIds]);
    for (const person of restored.values()) {
      await savePerson(trx, person, personSearchText(person), person.emails.map(emailKey), false);
      await refreshSearch(trx, person);
    }
    return [...restored.values()].map(personView);
  },
};

/** Merges people into one survivor; undoable for 30 days. */
export async function mergePeople(deps: Deps, caller: ActorContext, input: MergeInput) {
  const { mergeId, survivor, snapshot } = await runMerge(deps, caller, PERSON_MERGE, input);
  return { mergeId, person: personView(survivor), movedLeads: snapshot.leads.length };
}

/** Undoes a person merge within 30 days: every moved link goes back and the merged people return. */
export async function undoMerge(deps: Deps, caller: ActorContext, mergeId: string) {
  return { people: await runUndo(deps, caller, PERSON_MERGE, mergeId) };
}

/** Remembers that two people are not the same, so they are no longer offered as duplicates. */
export async function markNotDuplicate(deps: Deps, caller: ActorContext, id: string, otherId: string) {
  await rememberNotDuplicate(deps, caller, PERSON_MERGE, id, otherId);
}
