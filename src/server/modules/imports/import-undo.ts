import { sql } from 'kysely';
import type { Person } from '../../../domain/people/person.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { insertActivity } from '../activities/activities.repository.js';
import { recordAudit } from '../audit/audit.repository.js';
import { findLead, setDeletedAt } from '../leads/leads.repository.js';
import { systemEvent } from '../leads/leads.view.js';
import { findPeople } from '../people/people.repository.js';
import type { PersonInput } from '../people/people.schemas.js';
import { changePersonIn } from '../people/person-edit.service.js';
import {
  binPersonIfAlone,
  type Import,
  leadTouchedSince,
  ledgerPage,
  writeLedger,
} from './imports.repository.js';

type Change = { from: unknown; to: unknown };

/** The person input that puts back what an import changed, where the value is still the imported one. */
function restoring(person: Person, before: Record<string, Change>): PersonInput {
  const input: Record<string, unknown> = {};
  const flat: Record<string, unknown> = {
    firstName: person.firstName,
    lastName: person.lastName,
    jobTitle: person.jobTitle,
    city: person.city,
    country: person.country,
  };
  for (const [key, { from, to }] of Object.entries(before)) {
    if (key === 'email' || key === 'phone') {
      const list = key === 'email' ? person.emails : person.phones;
      if (!list.includes(String(to))) continue;
      const rest = list.filter((v) => v !== to);
      input[key === 'email' ? 'emails' : 'phones'] =
        from && !rest.includes(String(from)) ? [String(from), ...rest] : rest;
      continue;
    }
    if (flat[key] === to) input[key] = from ?? (key === 'firstName' || key === 'lastName' ? '' : null);
  }
  return input as PersonInput;
}

/**
 * Undoes one page of an import's ledger after `afterRowNo`: a lead it created goes to the bin
 * (with its person when they have no other lead) unless someone worked on it since — then it is
 * kept and listed in the report; a person it updated gets the replaced values back where they
 * are still the imported ones. Returns the last row number done, or null when none was left.
 */
export async function undoBatch(
  trx: Db,
  deps: Deps,
  caller: ActorContext,
  imp: Import,
  afterRowNo: number,
  limit: number,
): Promise<number | null> {
  const rows = await ledgerPage(trx, imp.id, afterRowNo, limit);
  if (!rows.length) return null;
  const now = deps.now().toISOString();
  const kept: { rowNo: number; line: number; field: string; code: string; value: string | null }[] = [];
  for (const row of rows) {
    if (row.outcome === 'created' && row.lead_id) {
      const lead = await findLead(trx, row.lead_id);
      if (!lead || lead.deletedAt) continue;
      if (await leadTouchedSince(trx, lead.id, lead.createdAt)) {
        kept.push({
          rowNo: Number(row.row_no),
          line: Number(row.line),
          field: 'undo',
          code: 'kept_changed',
          value: lead.id,
        });
        continue;
      }
      await setDeletedAt(trx, lead.id, now, now);
      await insertActivity(trx, systemEvent(caller, lead, now, { event: 'deleted', importId: imp.id }));
      await recordAudit(trx, caller, {
        entityType: 'lead',
        entityId: lead.id,
        action: 'delete',
        before: { deletedAt: null },
        after: { deletedAt: now, importId: imp.id },
        at: now,
      });
      if (Number(row.created_person) === 1 && row.person_id) await binPersonIfAlone(trx, row.person_id, now);
    }
    if (row.outcome === 'updated' && row.person_id && row.before) {
      const person = (await findPeople(trx, [row.person_id])).get(row.person_id);
      if (!person) continue;
      const input = restoring(person, JSON.parse(row.before) as Record<string, Change>);
      if (Object.keys(input).length) await changePersonIn(trx, deps, caller, person, input);
    }
  }
  if (kept.length) await writeLedger(trx, imp.id, [], kept, []);
  return Number(rows.at(-1)?.row_no);
}

/**
 * The last step of an undo: the organisations the import created go to the bin when nothing live
 * belongs to them any more (their leads and people were binned page by page; an organisation
 * several rows shared is only free once all of them are). Set-based, and harmless to repeat.
 */
export async function binOrganisationsOfImport(trx: Db, imp: Import, now: string): Promise<void> {
  await sql`
    update organisations set deleted_at = ${now}, updated_at = ${now}
    where id in (
      select organisation_id from import_rows
      where import_id = ${imp.id} and created_organisation = 1 and organisation_id is not null
    )
    and deleted_at is null
    and not exists (select 1 from leads where leads.organisation_id = organisations.id and leads.deleted_at is null)
    and not exists (select 1 from people where people.organisation_id = organisations.id and people.deleted_at is null)
  `.execute(trx);
}
