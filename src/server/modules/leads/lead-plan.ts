import { type FieldError, Validation } from '../../../domain/errors/app-error.js';
import { defaultLeadTitle, type Lead, normaliseTags, timeframeOf } from '../../../domain/leads/lead.js';
import type { Temperature } from '../../../domain/leads/temperature.js';
import { emailKey, isFreeMailDomain } from '../../../domain/people/contact-keys.js';
import {
  type Organisation,
  type Person,
  personName,
  personSearchText,
} from '../../../domain/people/person.js';
import { searchKey } from '../../../domain/search/search-key.js';
import { type Caller, callerId, type Deps } from '../../context.js';
import { insertMany } from '../../db/bulk.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { activityRow } from '../activities/activities.repository.js';
import { auditRow } from '../audit/audit.repository.js';
import { customValuesChecker, mergeCustomValues } from '../custom-fields/custom-values.js';
import { organisationRow, organisationsBy } from '../organisations/organisations.repository.js';
import { emailRows, findPeople, peopleMatching, personRow, phoneRows } from '../people/people.repository.js';
import { normaliseOrganisation, normalisePerson } from '../people/people.service.js';
import { routeUnowned } from '../routing/routing.write.js';
import { startSlaClocks } from '../routing/sla.service.js';
import { rescoreLeads } from '../scoring/scoring.write.js';
import {
  channelOwner,
  checkReferences,
  checkReferrer,
  resolveOwner,
  type TemperatureClock,
  temperatureClock,
  timeframeFrom,
} from './lead-rules.js';
import { historyRows, leadInsertRow, termRows } from './leads.repository.js';
import type { CreateLeadInput } from './leads.schemas.js';
import { historyOfChange, leadSearchText, systemEvent } from './leads.view.js';

/** Everything one new lead writes, decided before anything is written. */
export interface LeadPlan {
  lead: Lead;
  temperature: Temperature;
  searchText: string;
  /** The person this lead created (null: an existing one, or none). */
  newPerson: { person: Person; searchText: string; emailKeys: string[] } | null;
  newOrganisation: Organisation | null;
}

export type Planned = { ok: true; plan: LeadPlan } | { ok: false; errors: FieldError[] };

type Owner = { ownerId: string | null; teamId: string | null };

/** Sites many organisations share (mailboxes, social networks, site builders): never an organisation's identity. */
const SHARED_SITES = new Set([
  'facebook.com',
  'linkedin.com',
  'instagram.com',
  'twitter.com',
  'x.com',
  'youtube.com',
  'tiktok.com',
  'google.com',
  'sites.google.com',
  'wixsite.com',
  'wix.com',
  'wordpress.com',
  'blogspot.com',
  'github.io',
  'business.site',
  'linktr.ee',
]);

function identifyingDomain(domain: string | null | undefined): domain is string {
  return Boolean(domain) && !isFreeMailDomain(domain as string) && !SHARED_SITES.has(domain as string);
}

/**
 * The one write path for new leads, in two steps: `plan` validates and resolves a list of inputs
 * (a single create, or an import batch) with set-based lookups, and `writeLeadPlans` writes them
 * with multi-row inserts. A known e-mail reuses its person and a known company code its
 * organisation — also between inputs of the same list. Settings (owners, references, custom-field
 * definitions, the temperature clock) are read once per planner.
 */
export class LeadPlanner {
  private readonly owners = new Map<string, { owner: Owner; errors: FieldError[] }>();
  private readonly references = new Map<string, FieldError[]>();
  private readonly custom;
  private clock: TemperatureClock | undefined;

  /**
   * `organisationByDomain`: an organisation without a known company code joins the live one with
   * the same website domain (an import that matches on the organisation); otherwise a shared
   * domain is only a duplicate candidate ("Acme Inc" and "Acme GmbH" may share it).
   */
  constructor(
    private readonly trx: Db,
    private readonly deps: Deps,
    private readonly caller: Caller,
    private readonly options: { organisationByDomain?: boolean } = {},
  ) {
    this.custom = customValuesChecker(trx);
  }

  async plan(inputs: readonly CreateLeadInput[]): Promise<Planned[]> {
    const now = this.deps.now().toISOString();
    this.clock ??= await temperatureClock(this.deps, this.trx);
    const checked = [];
    for (const input of inputs) checked.push(await this.check(input));
    const ok = checked.flatMap((c) => (c.errors.length ? [] : [c]));
    const known = await this.knownIdentities(ok);
    for (const c of ok) {
      // a person named by id must be live (not binned, not merged away)
      if (c.input.personId && !known.people.has(c.input.personId)) {
        const v = new Validation();
        v.add('personId', 'not_found');
        c.errors.push(...v.errors);
      }
    }
    const plans: Planned[] = [];
    for (const c of checked) {
      if (c.errors.length) plans.push({ ok: false, errors: c.errors });
      else plans.push({ ok: true, plan: this.resolve(c, known, now) });
    }
    return plans;
  }

  /** Validation of one input, in the order the API names its problems. */
  private async check(input: CreateLeadInput) {
    const v = new Validation();
    v.check(
      Boolean(input.person || input.personId || input.organisation || input.organisationId),
      'person',
      'required',
    );
    const personFields = input.person ? normalisePerson(input.person, v, 'person.') : undefined;
    const orgFields = input.organisation ? normaliseOrganisation(input.organisation) : undefined;
    const timeframe = timeframeFrom(input.timeframe, v) ?? null;
    const owner = await this.owner(input.ownerId, v);
    await this.checkReferences(input, v);
    if (this.caller.user) await checkReferrer(this.trx, this.caller.actor, input.referredByPersonId, v);
    const leadCustom = await this.custom('lead', input.customFields, v);
    if (personFields) {
      personFields.customFields = mergeCustomValues(
        {},
        await this.custom('person', input.person?.customFields, v, 'person.'),
      );
    }
    if (orgFields) {
      orgFields.customFields = mergeCustomValues(
        {},
        await this.custom('organisation', input.organisation?.customFields, v, 'organisation.'),
      );
    }
    return { input, errors: v.errors, personFields, orgFields, timeframe, owner, leadCustom };
  }

  private async owner(ownerId: string | null | undefined, v: Validation): Promise<Owner> {
    const key = ownerId === undefined ? '-' : String(ownerId);
    let cached = this.owners.get(key);
    if (!cached) {
      const own = new Validation();
      const owner = this.caller.user
        ? await resolveOwner(this.trx, this.caller.actor, ownerId, own)
        : await channelOwner(this.trx, ownerId);
      cached = { owner, errors: own.errors };
      this.owners.set(key, cached);
    }
    v.errors.push(...cached.errors);
    return cached.owner;
  }

  private async checkReferences(input: CreateLeadInput, v: Validation): Promise<void> {
    const key = `${input.sourceId ?? ''}|${input.campaignId ?? ''}|${(input.productIds ?? []).join(',')}`;
    let errors = this.references.get(key);
    if (!errors) {
      const refs = new Validation();
      await checkReferences(this.trx, input, refs);
      errors = refs.errors;
      this.references.set(key, errors);
    }
    v.errors.push(...errors);
  }

  /** People by e-mail key, organisations by company code, and people named by id: one query each. */
  private async knownIdentities(checked: Awaited<ReturnType<LeadPlanner['check']>>[]) {
    const emailKeys = new Set<string>();
    const codes = new Set<string>();
    const domains = new Set<string>();
    const personIds = new Set<string>();
    for (const c of checked) {
      for (const e of c.personFields?.emails ?? []) emailKeys.add(emailKey(e));
      if (c.orgFields?.companyCode) codes.add(c.orgFields.companyCode);
      if (identifyingDomain(c.orgFields?.domain) && this.options.organisationByDomain)
        domains.add(c.orgFields?.domain as string);
      if (c.input.personId) personIds.add(c.input.personId);
    }
    const byEmail = new Map<string, string>();
    for (const m of await peopleMatching(this.trx, { emailKeys: [...emailKeys], phones: [] })) {
      if (!byEmail.has(m.value)) byEmail.set(m.value, m.personId);
    }
    const people = await findPeople(this.trx, [...new Set([...byEmail.values(), ...personIds])]);
    const organisations = await organisationsBy(this.trx, 'company_code', [...codes]);
    const organisationsByDomain = await organisationsBy(this.trx, 'domain', [...domains]);
    return { byEmail, people, organisations, organisationsByDomain };
  }

  private resolve(
    c: Awaited<ReturnType<LeadPlanner['check']>>,
    known: Awaited<ReturnType<LeadPlanner['knownIdentities']>>,
    now: string,
  ): LeadPlan {
    const { input, personFields, orgFields } = c;
    let newOrganisation: Organisation | null = null;
    let org: Organisation | undefined;
    if (orgFields) {
      const { companyCode, domain } = orgFields;
      org = companyCode ? known.organisations.get(companyCode) : undefined;
      // why: a row with its own company code is that legal entity, whatever site it shares.
      if (!org && !companyCode && identifyingDomain(domain) && this.options.organisationByDomain)
        org = known.organisationsByDomain.get(domain);
      if (!org) {
        newOrganisation = { ...orgFields, id: newId(), createdAt: now, updatedAt: now };
        org = newOrganisation;
        // why: a later input with the same company code (or domain) joins the organisation this one made.
        if (companyCode) known.organisations.set(companyCode, org);
        if (
          identifyingDomain(domain) &&
          this.options.organisationByDomain &&
          !known.organisationsByDomain.has(domain)
        )
          known.organisationsByDomain.set(domain, org);
      }
    }
    const existingPerson = input.personId ? known.people.get(input.personId) : undefined;
    const organisationId = org?.id ?? input.organisationId ?? existingPerson?.organisationId ?? null;
    const orgName = org?.name ?? null;
    let person = existingPerson;
    let newPerson: LeadPlan['newPerson'] = null;
    if (personFields) {
      const emailKeys = personFields.emails.map(emailKey);
      const sameEmail = emailKeys.map((k) => known.byEmail.get(k)).find((id) => id !== undefined);
      person = sameEmail ? known.people.get(sameEmail) : undefined;
      if (!person) {
        person = {
          ...personFields,
          organisationId: personFields.organisationId ?? organisationId,
          id: newId(),
          createdAt: now,
          updatedAt: now,
        };
        newPerson = { person, searchText: personSearchText(person, orgName), emailKeys };
        for (const k of emailKeys) known.byEmail.set(k, person.id);
        known.people.set(person.id, person);
      }
    }
    const lead: Lead = {
      id: newId(),
      personId: person?.id ?? null,
      organisationId,
      title: input.title?.trim() || defaultLeadTitle(person ? personName(person) : null, orgName),
      sourceId: input.sourceId ?? null,
      sourceDetail: input.sourceDetail?.trim() || null,
      campaignId: input.campaignId ?? null,
      referredByPersonId: input.referredByPersonId ?? null,
      ...c.owner,
      timeframe: c.timeframe,
      stage: 'suspect',
      stageChangedAt: now,
      disqualifyReason: null,
      disqualifyNote: null,
      revisitOn: null,
      competitor: null,
      score: 0,
      nextFollowUpAt: input.nextFollowUpAt ?? null,
      lastActivityAt: now,
      customFields: mergeCustomValues({}, c.leadCustom),
      productIds: input.productIds ?? [],
      tags: normaliseTags(input.tags ?? []),
      createdBy: callerId(this.caller),
      createdAt: now,
      updatedAt: now,
      deletedAt: null,
    };
    return {
      lead,
      temperature: (this.clock as TemperatureClock).of(timeframeOf(c.timeframe)),
      searchText: leadSearchText(person, orgName, lead.title),
      newPerson,
      newOrganisation,
    };
  }
}

const byKey =
  <T>(key: (row: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/**
 * Writes planned leads: organisations, people with their e-mails and phones, leads with terms,
 * products and tags, the history, the "created" timeline entry and the audit row — each table in
 * multi-row inserts (rows sorted by their index key, so the B-trees take them in order).
 */
export async function writeLeadPlans(
  trx: Db,
  caller: Caller,
  plans: readonly LeadPlan[],
  opts: { scoreAndRoute?: boolean } = {},
): Promise<void> {
  const organisations = [];
  const people = [];
  const emails = [];
  const phones = [];
  const leads = [];
  const terms = [];
  const products = [];
  const tags = [];
  const history = [];
  const activities = [];
  const audit = [];
  for (const { lead, temperature, searchText, newPerson, newOrganisation } of plans) {
    const now = lead.createdAt;
    if (newOrganisation) {
      organisations.push({
        id: newOrganisation.id,
        created_at: newOrganisation.createdAt,
        ...organisationRow(newOrganisation, searchKey(newOrganisation.name)),
      });
    }
    if (newPerson) {
      const p = newPerson.person;
      people.push({ id: p.id, created_at: p.createdAt, ...personRow(p, newPerson.searchText) });
      emails.push(...emailRows(p, newPerson.emailKeys));
      phones.push(...phoneRows(p));
    }
    leads.push(leadInsertRow(lead, searchText, temperature));
    terms.push(...termRows(lead, searchText));
    products.push(...lead.productIds.map((product_id) => ({ lead_id: lead.id, product_id })));
    tags.push(...lead.tags.map((tag) => ({ lead_id: lead.id, tag })));
    const change = historyOfChange(caller, lead.id, now);
    history.push(
      ...historyRows([
        ...change('stage', null, 'suspect'),
        ...change('owner', null, lead.ownerId),
        ...change('temperature', null, temperature),
      ]),
    );
    activities.push(
      activityRow(
        systemEvent(caller, lead, now, {
          event: 'created',
          personReused: newPerson === null,
          ...('origin' in caller ? { origin: caller.origin } : {}),
        }),
      ),
    );
    audit.push(
      auditRow(caller, { entityType: 'lead', entityId: lead.id, action: 'create', after: lead, at: now }),
    );
  }
  await insertMany(trx, 'organisations', organisations);
  await insertMany(trx, 'people', people);
  await insertMany(trx, 'person_emails', emails.sort(byKey((r) => r.email_key)));
  await insertMany(trx, 'person_phones', phones.sort(byKey((r) => r.phone)));
  await insertMany(trx, 'leads', leads);
  await insertMany(trx, 'lead_terms', terms.sort(byKey((r) => r.term)));
  await insertMany(trx, 'lead_products', products);
  await insertMany(trx, 'lead_tags', tags);
  await insertMany(trx, 'lead_history', history);
  await insertMany(trx, 'activities', activities);
  await insertMany(trx, 'audit_log', audit);
  // Scored in the same transaction: a lead is never stored without the score its fields earn.
  // (A capture scores and routes after writing its arrival event: `scoreAndRoute: false`.)
  const first = plans[0];
  if (first) {
    if (opts.scoreAndRoute !== false) {
      const scored = await rescoreLeads(
        trx,
        first.lead.createdAt,
        plans.map((p) => p.lead.id),
        { route: false },
      );
      for (const { lead } of plans) Object.assign(lead, scored.get(lead.id) ?? {});
    }
    // A channel's owner (a form's, a widget's) has to answer in time like a routed one.
    if (caller.user === null)
      await startSlaClocks(
        trx,
        first.lead.createdAt,
        plans.flatMap(({ lead, temperature }) =>
          lead.ownerId ? [{ id: lead.id, ownerId: lead.ownerId, temperature }] : [],
        ),
      );
    // Routed after scoring (rules may read the score), in the same transaction: one call, so one
    // set of rule locks in one order.
    if (opts.scoreAndRoute !== false) {
      const routed = await routeUnowned(
        trx,
        first.lead.createdAt,
        plans.flatMap((p) => (p.lead.ownerId === null ? [p.lead.id] : [])),
      );
      for (const { lead } of plans) Object.assign(lead, routed.get(lead.id) ?? {});
    }
  }
}
