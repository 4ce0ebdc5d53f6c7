import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { type Session, useTestApp } from '../../../../test/harness.js';
import { listLeadRows } from './leads.list.repository.js';
import { TERM_STREAMS_CAP } from './leads.query.service.js';

type Page = {
  items: { id: string }[];
  nextCursor: string | null;
  count?: { value: number; capped: boolean };
};

/**
 * Free-text search read from the term index (one stream per word a prefix stands for, per owner
 * for a rep) must answer exactly what the plain filter would: every match once, in order, paged
 * without gaps, within the caller's scope — also after the owner changes.
 */
describeEachDialect('leads: search from the term index', (dialect) => {
  const t = useTestApp(dialect);
  let admin: Session;
  let repA: Session;
  let repB: Session;
  const simLeads: string[] = [];
  const manyWords: string[] = [];
  let contactLead: string;

  beforeAll(async () => {
    admin = await t.signedIn('admin');
    repA = await t.signedIn('rep');
    repB = await t.signedIn('rep');
    // "sim" stands for simas, simkus, simkute, simonaitis; the first lead has two of those words
    const names = [
      ['Simas', 'Šimkus'],
      ['Jonas', 'Šimkus'],
      ['Ona', 'Šimkutė'],
      ['Petras', 'Simonaitis'],
      ['Rasa', 'Šimkutė'],
    ];
    for (const [firstName, lastName] of names) {
      simLeads.push((await newLead(t.app, repA, { person: { firstName, lastName } })).id);
    }
    // one prefix standing for more words than are read one by one
    for (let i = 0; i <= TERM_STREAMS_CAP; i++) {
      const word = `Kvarc${String.fromCharCode(97 + Math.floor(i / 26))}${String.fromCharCode(97 + (i % 26))}`;
      manyWords.push((await newLead(t.app, repB, { person: { firstName: 'Ieva', lastName: word } })).id);
    }
    await newLead(t.app, repB, { person: { firstName: 'Simas', lastName: 'Kitas' } });
    contactLead = (
      await newLead(t.app, repA, {
        person: {
          firstName: 'Rūta',
          lastName: 'Kontaktė',
          emails: ['ruta.k77@example.lt'],
          phones: ['+370 699 12345'],
        },
      })
    ).id;
  });

  const list = async (s: Session, query: string): Promise<Page> =>
    (await t.app.inject({ method: 'GET', url: `/api/v1/leads?${query}`, headers: s.headers })).json();

  async function all(s: Session, query: string, limit: number): Promise<string[]> {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const page: Page = await list(s, `${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...page.items.map((i) => i.id));
      cursor = page.nextCursor;
    } while (cursor);
    return seen;
  }

  it('pages a prefix standing for several words newest first, each lead once, without gaps', async () => {
    expect(await all(repA, 'q=sim', 2)).toEqual([...simLeads].reverse());
    expect(await all(repA, 'q=sim&sort=created_asc', 2)).toEqual(simLeads);
    expect(await all(repA, 'q=simk', 1)).toEqual([4, 2, 1, 0].map((i) => simLeads[i]));
  });

  it('counts search matches, and keeps the other words and filters', async () => {
    expect((await list(repA, 'q=sim&count=true')).count).toEqual({ value: 5, capped: false });
    expect((await list(admin, 'q=sim&count=true')).count).toEqual({ value: 6, capped: false });
    expect((await list(repA, 'q=simkute%20rasa')).items.map((i) => i.id)).toEqual([simLeads[4]]);
    expect((await list(repA, 'q=zzz%20sim')).items).toEqual([]);
    expect((await list(repA, 'q=sim&stage=mql')).items).toEqual([]);
  });

  it('finds the same leads sorted by another column, within scope, paged and counted', async () => {
    const sorted = async (s: Session, query: string) => (await all(s, query, 2)).sort();
    expect(await sorted(repA, 'q=simk&sort=updated_desc')).toEqual(
      [0, 1, 2, 4].map((i) => simLeads[i]).sort(),
    );
    expect(await sorted(repA, 'q=sim&sort=score_desc')).toEqual([...simLeads].sort());
    expect((await list(admin, 'q=sim&sort=score_desc&count=true')).count).toEqual({
      value: 6,
      capped: false,
    });
    expect((await list(repB, 'q=simkus&sort=updated_desc')).items).toEqual([]);
    expect((await list(repA, 'q=simkute%20rasa&sort=score_desc')).items.map((i) => i.id)).toEqual([
      simLeads[4],
    ]);
  });

  it('drives a search sorted otherwise from one owner’s matches of a word (a rep’s, when the word is common)', async () => {
    const rows = await listLeadRows(
      t.deps.db,
      { scope: { kind: 'all' }, terms: ['simk'], driveTerm: 'simk', driveOwners: [repA.user.id] },
      'score_desc',
      50,
    );
    expect(rows.map((r) => r.id).sort()).toEqual([0, 1, 2, 4].map((i) => simLeads[i]).sort());
    const none = await listLeadRows(
      t.deps.db,
      { scope: { kind: 'all' }, terms: ['simk'], driveTerm: 'simk', driveOwners: [repB.user.id] },
      'score_desc',
      50,
    );
    expect(none).toEqual([]);
  });

  it('finds every match of a prefix that stands for more words than the index is read by', async () => {
    expect(await all(repB, 'q=kvarc', 10)).toEqual([...manyWords].reverse());
    expect(await all(admin, 'q=kvarcab', 10)).toEqual([manyWords[1]]);
  });

  it('looks a whole e-mail or phone up exactly, as people type them, within scope', async () => {
    const found = async (s: Session, q: string) =>
      (await list(s, `q=${encodeURIComponent(q)}&count=true`)).items.map((i) => i.id);
    expect(await found(repA, 'Ruta.K77+news@Example.lt')).toEqual([contactLead]);
    expect(await found(repA, '8 699 12345')).toEqual([contactLead]);
    expect(await found(repA, '+370 (699) 12345')).toEqual([contactLead]);
    expect(await found(repA, 'ruta.k77')).toEqual([contactLead]);
    expect(await found(repA, 'other.k77@example.lt')).toEqual([]);
    expect(await found(repB, 'ruta.k77@example.lt')).toEqual([]);
    expect(await found(repB, '8 699 12345')).toEqual([]);
  });

  it('finds a match the other filters leave rare, past the candidates read from the index', async () => {
    const rep = await t.signedIn('rep');
    const oldest = (await newLead(t.app, rep, { person: { firstName: 'Aistė', lastName: 'Retaitė' } })).id;
    await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${oldest}/stage`,
      headers: rep.headers,
      payload: { stage: 'mql' },
    });
    // more than the three rounds of candidates (2, 8 and 32 pages of limit + 1) hold
    for (let i = 0; i < 90; i++)
      await newLead(t.app, rep, { person: { firstName: 'Aistė', lastName: 'Retaitė' } });
    expect((await list(rep, 'q=retaite&stage=mql&limit=1')).items.map((i) => i.id)).toEqual([oldest]);
    expect((await list(rep, 'q=retaite%20aiste&stage=mql&limit=1')).items.map((i) => i.id)).toEqual([oldest]);
    expect((await list(rep, 'q=retaite&limit=100&count=true')).count).toEqual({ value: 91, capped: false });
  });

  it('follows the owner: a reassigned lead is found by its new owner only', async () => {
    const id = simLeads[1]!;
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/leads/${id}`,
      headers: admin.headers,
      payload: { ownerId: repB.user.id },
    });
    expect(res.statusCode).toBe(200);
    expect((await list(repA, 'q=simkus')).items.map((i) => i.id)).toEqual([simLeads[0]]);
    expect((await list(repB, 'q=simkus')).items.map((i) => i.id)).toEqual([id]);
    expect((await list(admin, `q=simkus&ownerId=${repB.user.id}`)).items.map((i) => i.id)).toEqual([id]);
  });
});
