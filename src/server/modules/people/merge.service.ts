import { AppError, conflictOn, Validation } from '../../../domain/errors/app-error.js';
import { emailKey } from '../../../domain/people/contact-keys.js';
import { type Person, personSearchText } from '../../../domain/people/person.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { leadSearchText } from '../leads/leads.view.js';
import {
  findMerge,
  insertMerge,
  markMergeUndone,
  moveLinks,
  restoreLinks,
  restorePersonRow,
  setContacts,
  snapshotForMerge,
} from './merge.repository.js';
import { personView, visiblePerson } from './people.query.service.js';
import { findPeople, refreshLeadSearchText, savePerson } from './people.repository.js';

export const UNMERGE_DAYS = 30;
export const MERGEABLE_FIELDS = [
  'firstName',
  'lastName',
  'jobTitle',
  'organisationId',
  'preferredLanguage',
  'address',
  'country',
  'city',
] as const;
type MergeableField = (typeof MERGEABLE_FIELDS)[number];

export interface MergeInput {
  survivorId: string;
  mergedIds: string[];
  /** Which person's value to keep per field; by default the survivor's, else the first non-empty. */
  values?: Partial<Record<MergeableField, string>>;
}

/** The survivor's fields after a merge, chosen field by field; contacts are the union of all. */
function mergedPerson(survivor: Person, others: Person[], values: MergeInput['values'], at: string): Person {
  const all = [survivor, ...others];
  const result: Person = { ...survivor, updatedAt: at };
  for (const field of MERGEABLE_FIELDS) {
    const chosen = values?.[field] ? all.find((p) => p.id === values[field]) : undefined;
    const fallback = [survivor, ...others].find((p) => p[field] !== null && p[field] !== '');
    (result as unknown as Record<string, unknown>)[field] = (chosen ?? fallback ?? survivor)[field];
  }
  const emails = new Map<string, string>();
  for (const p of all) for (const e of p.emails) if (!emails.has(emailKey(e))) emails.set(emailKey(e), e);
  result.emails = [...emails.values()];
  result.phones = [...new Set(all.flatMap((p) => p.phones))];
  result.customFields = Object.assign(
    {},
    ...[...others].reverse().map((p) => p.customFields),
    survivor.customFields,
  );
  return result;
}

async function refreshSearch(db: Db, person: Person): Promise<void> {
  await refreshLeadSearchText(db, person.id, (title, orgName) => leadSearchText(person, orgName, title));
}

/**
 * Merges people into one survivor in one transaction: leads, referrals, activities and campaign
 * memberships move; e-mails and phones are united; the merged people are retired (never deleted)
 * and the whole change is kept so it can be undone for 30 days.
 */
export async function mergePeople(deps: Deps, caller: ActorContext, input: MergeInput) {
  const v = new Validation();
  const mergedIds = [...new Set(input.mergedIds)];
  v.check(
    mergedIds.length > 0 && mergedIds.length <= 5,
    'mergedIds',
    mergedIds.length ? 'too_long' : 'required',
  );
  v.check(!mergedIds.includes(input.survivorId), 'mergedIds', 'invalid_value');
  const ids = [input.survivorId, ...mergedIds];
  for (const [field, id] of Object.entries(input.values ?? {}))
    v.check(ids.includes(id), `values.${field}`, 'invalid_value');
  v.throwIfAny();
  const at = deps.now().toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const people = await Promise.all(ids.map((id) => visiblePerson(trx, caller, id)));
    const [survivor, ...others] = people as [Person, ...Person[]];
    const snapshot = await snapshotForMerge(trx, survivor.id, mergedIds);
    const after = mergedPerson(survivor, others, input.values, at);
    await savePerson(trx, after, personSearchText(after), after.emails.map(emailKey), false);
    await moveLinks(trx, survivor.id, snapshot, at);
    await refreshSearch(trx, after);
    const mergeId = newId();
    await insertMerge(trx, {
      id: mergeId,
      survivorId: survivor.id,
      mergedIds,
      snapshot,
      actorId: caller.user.id,
      at,
    });
    await recordAudit(trx, caller, {
      entityType: 'person',
      entityId: survivor.id,
      action: 'merge',
      before: { survivor, merged: others },
      after: { person: after, mergeId },
      at,
    });
    return { mergeId, person: personView(after), movedLeads: snapshot.leads.length };
  });
}

/** Undoes a merge within 30 days: every moved link goes back and the merged people return. */
export async function undoMerge(deps: Deps, caller: ActorContext, mergeId: string) {
  const now = deps.now();
  const at = now.toISOString();
  return deps.db.transaction().execute(async (trx) => {
    const merge = await findMerge(trx, mergeId);
    if (merge?.kind !== 'person') throw new AppError('not_found', 'No such merge');
    await visiblePerson(trx, caller, merge.survivorId);
    if (merge.undoneAt) throw conflictOn('mergeId', 'already_undone', 'This merge has already been undone');
    if (now.getTime() - Date.parse(merge.createdAt) > UNMERGE_DAYS * 86_400_000) {
      throw conflictOn('mergeId', 'undo_expired', `A merge can be undone for ${UNMERGE_DAYS} days`);
    }
    if ((await markMergeUndone(trx, mergeId, at)) !== 1)
      throw conflictOn('mergeId', 'already_undone', 'This merge has already been undone');
    const snap = merge.snapshot;
    await restoreLinks(trx, merge.survivorId, snap, at);
    await restorePersonRow(trx, snap.survivor, at);
    await setContacts(trx, merge.survivorId, snap.survivorEmails, snap.survivorPhones);
    for (const m of snap.merged) await setContacts(trx, m.id, m.emails, m.phones);
    const restored = await findPeople(trx, [merge.survivorId, ...merge.mergedIds]);
    for (const person of restored.values()) {
      await savePerson(trx, person, personSearchText(person), person.emails.map(emailKey), false);
      await refreshSearch(trx, person);
    }
    await recordAudit(trx, caller, {
      entityType: 'person',
      entityId: merge.survivorId,
      action: 'unmerge',
      after: { mergeId, restored: merge.mergedIds },
      at,
    });
    return { people: [...restored.values()].map(personView) };
  });
}
