import { beforeAll, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { type Session, useTestApp } from '../../../../test/harness.js';

/** People and organisation pickers search the way the lead list does, within the caller's scope. */
describeEachDialect('people and organisations: search', (dialect) => {
  const t = useTestApp(dialect);
  let rep: Session;
  let other: Session;
  let returning: { personId: string; organisationId?: unknown };
  let hidden: { personId: string };

  beforeAll(async () => {
    rep = await t.signedIn('rep');
    other = await t.signedIn('rep');
    const person = { firstName: 'Gintarė', lastName: 'Paieškaitė', emails: ['gintare.p@example.lt'] };
    returning = await newLead(t.app, rep, { person, organisation: { name: 'UAB Gintarų Krantas' } });
    // the same person comes back: a second lead, one person
    await newLead(t.app, rep, { person });
    hidden = await newLead(t.app, other, { person: { firstName: 'Gintarė', lastName: 'Paieškaitė' } });
  });

  const ids = async (s: Session, path: string) =>
    (await t.app.inject({ method: 'GET', url: path, headers: s.headers }))
      .json()
      .items.map((i: { id: string }) => i.id);

  it('finds a person once by a name without diacritics, by e-mail and by their organisation, never another rep’s', async () => {
    expect(await ids(rep, '/api/v1/people?q=paieskaite')).toEqual([returning.personId]);
    expect(await ids(rep, '/api/v1/people?q=gint%20paiesk')).toEqual([returning.personId]);
    expect(await ids(rep, `/api/v1/people?q=${encodeURIComponent('Gintare.P@example.lt')}`)).toEqual([
      returning.personId,
    ]);
    expect(await ids(rep, '/api/v1/people?q=krantas')).toEqual([returning.personId]);
    expect(await ids(other, '/api/v1/people?q=paieskaite')).toEqual([hidden.personId]);
    expect(await ids(rep, '/api/v1/people?q=nieko')).toEqual([]);
  });

  it('finds an organisation by a word of its name, within scope', async () => {
    expect(await ids(rep, '/api/v1/organisations?q=gintaru')).toEqual([returning.organisationId]);
    expect(await ids(other, '/api/v1/organisations?q=gintaru')).toEqual([]);
  });
});
