import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { useTestApp } from '../../../../test/harness.js';
import type { ActorContext } from '../../context.js';
import { actorFor } from '../auth/authenticate.js';
import { findUserById } from '../users/users.repository.js';
import { LeadPlanner, writeLeadPlans } from './lead-plan.js';
import type { CreateLeadInput } from './leads.schemas.js';
import { createLeadIn } from './leads.service.js';

/** A row of a generated list: a few names, e-mails and company codes, so identities repeat. */
const rowArb = fc.record({
  firstName: fc.constantFrom('Jonas', 'Ona', 'Ąžuolas', ''),
  lastName: fc.constantFrom('Šimkus', 'Kazlauskienė', 'Petraitis'),
  email: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
  phone: fc.option(fc.constantFrom('861234567', '+37069999999'), { nil: undefined }),
  org: fc.option(fc.integer({ min: 0, max: 2 }), { nil: undefined }),
  orgWithoutCode: fc.boolean(),
  timeframe: fc.constantFrom(undefined, 'now'),
  tags: fc.constantFrom<string[]>([], ['vip'], ['expo', 'vip']),
});
type Row = typeof rowArb extends fc.Arbitrary<infer T> ? T : never;

let runs = 0;

function inputOf(
  row: Omit<Row, 'firstName' | 'lastName'> & { firstName: string; lastName: string },
  ns: string,
): CreateLeadInput {
  return {
    person: {
      ...(row.firstName ? { firstName: row.firstName } : {}),
      lastName: row.lastName,
      ...(row.email === undefined ? {} : { emails: [`p${row.email}@${ns}.example.lt`] }),
      ...(row.phone ? { phones: [row.phone] } : {}),
    },
    ...(row.org === undefined
      ? {}
      : {
          organisation: {
            name: `UAB Org ${row.org}`,
            ...(row.orgWithoutCode ? {} : { companyCode: `${ns}${row.org}` }),
          },
        }),
    ...(row.timeframe ? { timeframe: row.timeframe } : {}),
    tags: row.tags,
  };
}

describeEachDialect('leads: one write path, one at a time or many at once', (dialect) => {
  const t = useTestApp(dialect);

  /** What the leads of a namespace left behind, with ids replaced by positions and the namespace by NS. */
  async function snapshot(leadIds: string[], ns: string) {
    const db = t.deps.db;
    const strip = (v: unknown) => JSON.parse(JSON.stringify(v ?? null).replace(new RegExp(ns, 'gi'), 'NS'));
    const leads = await db.selectFrom('leads').selectAll().where('id', 'in', leadIds).execute();
    const byId = new Map(leads.map((l) => [l.id, l]));
    const people = await db
      .selectFrom('people')
      .selectAll()
      .where(
        'id',
        'in',
        leads.flatMap((l) => (l.person_id ? [l.person_id] : [])),
      )
      .execute();
    const orgs = await db
      .selectFrom('organisations')
      .selectAll()
      .where('id', 'in', leads.flatMap((l) => (l.organisation_id ? [l.organisation_id] : [])).concat(['-']))
      .execute();
    const personNo = new Map<string, number>();
    const orgNo = new Map<string, number>();
    const out = [];
    for (const id of leadIds) {
      const l = byId.get(id);
      if (!l) throw new Error('lead missing');
      if (l.person_id && !personNo.has(l.person_id)) personNo.set(l.person_id, personNo.size);
      if (l.organisation_id && !orgNo.has(l.organisation_id)) orgNo.set(l.organisation_id, orgNo.size);
      const p = people.find((x) => x.id === l.person_id);
      const o = orgs.find((x) => x.id === l.organisation_id);
      const emails = await db
        .selectFrom('person_emails')
        .select(['email', 'email_key', 'position'])
        .where('person_id', '=', l.person_id ?? '-')
        .orderBy('position')
        .execute();
      const phones = await db
        .selectFrom('person_phones')
        .select(['phone', 'position'])
        .where('person_id', '=', l.person_id ?? '-')
        .orderBy('position')
        .execute();
      const terms = (
        await db.selectFrom('lead_terms').select(['term', 'owner_id']).where('lead_id', '=', id).execute()
      )
        .map((r) => `${r.term}|${r.owner_id}`)
        .sort();
      const tags = (await db.selectFrom('lead_tags').select('tag').where('lead_id', '=', id).execute())
        .map((r) => r.tag)
        .sort();
      const history = (
        await db
          .selectFrom('lead_history')
          .select(['field', 'from_value', 'to_value', 'channel', 'actor_id'])
          .where('lead_id', '=', id)
          .execute()
      )
        .map((h) => `${h.field}:${h.from_value}>${h.to_value}:${h.channel}:${h.actor_id}`)
        .sort();
      const activities = (
        await db
          .selectFrom('activities')
          .select(['type', 'subject', 'data', 'channel'])
          .where('lead_id', '=', id)
          .execute()
      )
        .map((a) => `${a.type}:${a.subject}:${a.data}:${a.channel}`)
        .sort();
      const audit = await db
        .selectFrom('audit_log')
        .select(['action', 'channel', 'actor_id'])
        .where('entity_id', '=', id)
        .execute();
      out.push(
        strip({
          person: l.person_id ? personNo.get(l.person_id) : null,
          organisation: l.organisation_id ? orgNo.get(l.organisation_id) : null,
          title: l.title,
          stage: l.stage,
          temperature: l.temperature,
          timeframe: l.timeframe,
          owner: l.owner_id,
          team: l.team_id,
          search: l.search_text,
          people: p && {
            first: p.first_name,
            last: p.last_name,
            search: p.search_text,
            org: p.organisation_id ? (orgNo.get(p.organisation_id) ?? 'other') : null,
          },
          org: o && { name: o.name, code: o.company_code, search: o.search_text },
          emails,
          phones,
          terms,
          tags,
          history,
          activities,
          audit,
        }),
      );
    }
    return out;
  }

  it('leaves the same people, organisations, leads, terms, history, timeline and audit (property)', async () => {
    const adminDto = await t.newUser({ role: 'admin' });
    const user = await findUserById(t.deps.db, adminDto.id);
    if (!user) throw new Error('no user');
    const caller: ActorContext = { user, actor: await actorFor(t.deps, user), channel: 'import' };
    const known = {
      firstName: 'Esamas',
      lastName: 'Asmuo',
      email: 0,
      phone: undefined,
      org: 0,
      orgWithoutCode: false,
      timeframe: undefined,
      tags: [],
    };
    await fc.assert(
      fc.asyncProperty(fc.array(rowArb, { minLength: 1, maxLength: 10 }), async (rows) => {
        runs += 1;
        // why: letters only, so the namespace stays one search term and strips back out
        const letters = [...String(runs)].map((d) => String.fromCharCode(97 + Number(d))).join('');
        const [one, bulk] = [`qa${letters}z`, `qb${letters}z`];
        const oneIds: string[] = [];
        const bulkIds: string[] = [];
        await t.deps.db.transaction().execute(async (trx) => {
          // an existing person (p0) and organisation (code 0) in each namespace
          await createLeadIn(trx, t.deps, caller, inputOf(known, one));
          await createLeadIn(trx, t.deps, caller, inputOf(known, bulk));
          for (const row of rows)
            oneIds.push((await createLeadIn(trx, t.deps, caller, inputOf(row, one))).lead.id);
          const planned = await new LeadPlanner(trx, t.deps, caller).plan(rows.map((r) => inputOf(r, bulk)));
          const plans = planned.map((p) => {
            if (!p.ok) throw new Error(JSON.stringify(p.errors));
            return p.plan;
          });
          await writeLeadPlans(trx, caller, plans);
          bulkIds.push(...plans.map((p) => p.lead.id));
        });
        expect(await snapshot(bulkIds, bulk)).toEqual(await snapshot(oneIds, one));
      }),
      { numRuns: 25 },
    );
  });

  it('refuses a bad input in a list and still plans the others', async () => {
    const adminDto = await t.newUser({ role: 'admin' });
    const user = await findUserById(t.deps.db, adminDto.id);
    if (!user) throw new Error('no user');
    const caller: ActorContext = { user, actor: await actorFor(t.deps, user), channel: 'import' };
    const planned = await t.deps.db
      .transaction()
      .execute((trx) =>
        new LeadPlanner(trx, t.deps, caller).plan([
          { person: { lastName: 'Gera', emails: ['gera@example.lt'] } },
          { person: { emails: ['not an e-mail'] }, timeframe: 'someday' },
        ]),
      );
    expect(planned[0]?.ok).toBe(true);
    expect(planned[1]).toEqual({
      ok: false,
      errors: expect.arrayContaining([
        expect.objectContaining({ field: 'person.emails.0', code: 'invalid_format' }),
        expect.objectContaining({ field: 'timeframe', code: 'invalid_format' }),
      ]),
    });
  });
});
