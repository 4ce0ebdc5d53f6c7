import { type Lead, timeframeOf } from '../../../domain/leads/lead.js';
import { personName, personSearchText } from '../../../domain/people/person.js';
import { type Caller, callerId, type Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { findOrganisations } from '../organisations/organisations.repository.js';
import { findPeople } from '../people/people.repository.js';
import type { DuplicateCandidate } from '../people/people.schemas.js';
import { findUserById } from '../users/users.repository.js';
import { temperatureClock } from './lead-rules.js';
import { campaignName, type HistoryEntry } from './leads.repository.js';
import type { LeadDto } from './leads.schemas.js';

/** The lead as the API shows it: with its person, organisation and today's temperature. */
export async function leadDto(
  deps: Deps,
  db: Db,
  lead: Lead,
  duplicates?: DuplicateCandidate[],
): Promise<LeadDto> {
  const personIds = [lead.personId, lead.referredByPersonId].filter((id): id is string => id !== null);
  const people = personIds.length ? await findPeople(db, personIds) : new Map();
  const orgs = lead.organisationId ? await findOrganisations(db, [lead.organisationId]) : new Map();
  const person = lead.personId ? people.get(lead.personId) : undefined;
  const referrer = lead.referredByPersonId ? people.get(lead.referredByPersonId) : undefined;
  const names = await namesOf(db, lead);
  return {
    ...names,
    ...lead,
    temperature: (await temperatureClock(deps, db)).of(timeframeOf(lead.timeframe)),
    person: person ? { ...person, name: personName(person) } : null,
    // why not personName: it falls back to an e-mail or phone, which are not the lead's to show
    referredByName: referrer ? `${referrer.firstName} ${referrer.lastName}`.trim() || null : null,
    organisation: (lead.organisationId && orgs.get(lead.organisationId)) || null,
    ...(duplicates?.length ? { duplicates } : {}),
  } as LeadDto;
}

/** Display names of the lead's owner and campaign (one small query each). */
async function namesOf(
  db: Db,
  lead: Lead,
): Promise<{ ownerName: string | null; campaignName: string | null }> {
  const owner = lead.ownerId ? await findUserById(db, lead.ownerId) : undefined;
  const campaign = lead.campaignId ? await campaignName(db, lead.campaignId) : undefined;
  return { ownerName: owner?.name ?? null, campaignName: campaign ?? null };
}

export function leadSearchText(
  person: { firstName: string; lastName: string; emails: string[]; phones: string[] } | undefined,
  organisationName: string | null,
  title: string,
): string {
  const base = person
    ? personSearchText(person, organisationName)
    : personSearchText({ firstName: '', lastName: '', emails: [], phones: [] }, organisationName);
  return `${base} ${personSearchText({ firstName: title, lastName: '', emails: [], phones: [] })}`.trim();
}

/** History entries of one change by the caller: `history('stage', 'mql', 'sql')`; none when nothing changed. */
export function historyOfChange(caller: Caller, leadId: string, at: string) {
  return (field: HistoryEntry['field'], from: string | null, to: string | null): HistoryEntry[] =>
    from === to ? [] : [{ leadId, at, actorId: callerId(caller), channel: caller.channel, field, from, to }];
}

export function systemEvent(
  caller: Caller,
  lead: Pick<Lead, 'id' | 'personId'>,
  at: string,
  data: Record<string, unknown>,
) {
  return {
    leadId: lead.id,
    personId: lead.personId,
    type: 'system' as const,
    subject: String(data.event),
    body: null,
    occurredAt: at,
    dueAt: null,
    doneAt: null,
    assigneeId: null,
    data,
    channel: caller.channel,
    createdBy: callerId(caller),
    at,
  };
}
