import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead, uniqueEmail } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';

describeEachDialect('people: duplicates, merge and unmerge', (dialect) => {
  const t = useTestApp(dialect);

  let phoneSeq = 1000;
  const twins = async (rep: Session) => {
    phoneSeq += 1;
    const phone = `+3706000${phoneSeq}`;
    const a = await newLead(t.app, rep, {
      person: {
        firstName: 'Asta',
        lastName: 'Dvynė',
        emails: [uniqueEmail('asta')],
        phones: [`+370 600 0${phoneSeq}`],
        jobTitle: 'CEO',
      },
    });
    const b = await newLead(t.app, rep, {
      person: {
        firstName: 'Astа',
        lastName: 'Dvyne',
        emails: [uniqueEmail('asta2')],
        phones: [`86000${phoneSeq}`],
        city: 'Kaunas',
      },
    });
    return { a, b, phone };
  };
  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });

  it('offers the duplicate, merges field by field moving leads and activities, then unmerges exactly', async () => {
    const rep = await t.signedIn('rep');
    const { a, b, phone } = await twins(rep);
    await post(rep, `/api/v1/leads/${b.id}/activities`, { type: 'note', body: 'about B' });
    const detail = (await get(rep, `/api/v1/people/${a.personId}`)).json();
    expect(detail.duplicates.map((d: { id: string }) => d.id)).toEqual([b.personId]);

    const merged = await post(rep, '/api/v1/people/merge', {
      survivorId: a.personId,
      mergedIds: [b.personId],
      values: { city: b.personId },
    });
    expect(merged.statusCode).toBe(200);
    const { mergeId, person } = merged.json();
    expect(person).toMatchObject({
      firstName: 'Asta',
      jobTitle: 'CEO',
      city: 'Kaunas',
      phones: [phone],
    });
    expect(person.emails).toHaveLength(2);
    expect((await get(rep, `/api/v1/leads/${b.id}`)).json().personId).toBe(a.personId);
    expect((await get(rep, `/api/v1/people/${b.personId}`)).statusCode).toBe(404);
    expect((await get(rep, `/api/v1/people/${a.personId}`)).json().leads).toHaveLength(2);
    const notes = await t.deps.db
      .selectFrom('activities')
      .select('person_id')
      .where('lead_id', '=', b.id)
      .where('type', '=', 'note')
      .execute();
    expect(notes.map((n) => n.person_id)).toEqual([a.personId]);

    const undone = await post(rep, `/api/v1/people/merges/${mergeId}/undo`);
    expect(undone.statusCode).toBe(200);
    expect((await get(rep, `/api/v1/leads/${b.id}`)).json().personId).toBe(b.personId);
    const restoredA = (await get(rep, `/api/v1/people/${a.personId}`)).json().person;
    expect(restoredA).toMatchObject({
      city: null,
      emails: [expect.stringContaining('asta.')],
      phones: [phone],
    });
    expect((await get(rep, `/api/v1/people/${b.personId}`)).json().person.city).toBe('Kaunas');
    const notesBack = await t.deps.db
      .selectFrom('activities')
      .select('person_id')
      .where('lead_id', '=', b.id)
      .where('type', '=', 'note')
      .execute();
    expect(notesBack.map((n) => n.person_id)).toEqual([b.personId]);

    const again = await post(rep, `/api/v1/people/merges/${mergeId}/undo`);
    expect(again.statusCode).toBe(409);
    expect(problem(again).errors?.[0]?.code).toBe('already_undone');
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_id', '=', a.personId)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['merge', 'unmerge']));
  });

  it('finds people by a name without diacritics and stops offering a pair marked "not a duplicate"', async () => {
    const rep = await t.signedIn('rep');
    const { a, b } = await twins(rep);
    const found = (await get(rep, '/api/v1/people?q=dvyne')).json().items.map((p: { id: string }) => p.id);
    expect(found).toEqual(expect.arrayContaining([a.personId, b.personId]));
    expect(
      (await post(rep, `/api/v1/people/${a.personId}/not-duplicate`, { otherId: b.personId })).statusCode,
    ).toBe(204);
    expect((await get(rep, `/api/v1/people/${a.personId}`)).json().duplicates).toEqual([]);
    expect((await get(rep, `/api/v1/people/${b.personId}`)).json().duplicates).toEqual([]);
  });

  it('refuses to undo a merge after 30 days', async () => {
    const rep = await t.signedIn('rep');
    const { a, b } = await twins(rep);
    const { mergeId } = (
      await post(rep, '/api/v1/people/merge', { survivorId: a.personId, mergedIds: [b.personId] })
    ).json();
    await t.deps.db
      .updateTable('merges')
      .set({ created_at: new Date(Date.now() - 31 * 86_400_000).toISOString() })
      .where('id', '=', mergeId)
      .execute();
    const res = await post(rep, `/api/v1/people/merges/${mergeId}/undo`);
    expect(res.statusCode).toBe(409);
    expect(problem(res).errors?.[0]?.code).toBe('undo_expired');
  });

  it("answers 404 when a rep tries to merge, edit or read another rep's person, and changes nothing", async () => {
    const repA = await t.signedIn('rep');
    const repB = await t.signedIn('rep');
    const mine = await newLead(t.app, repA);
    const theirs = await newLead(t.app, repB);
    expect(
      (await post(repA, '/api/v1/people/merge', { survivorId: mine.personId, mergedIds: [theirs.personId] }))
        .statusCode,
    ).toBe(404);
    expect((await get(repA, `/api/v1/people/${theirs.personId}`)).statusCode).toBe(404);
    const patch = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${theirs.personId}`,
      headers: repA.headers,
      payload: { city: 'X' },
    });
    expect(patch.statusCode).toBe(404);
    expect(
      (await get(repA, '/api/v1/people?q=testaite')).json().items.map((p: { id: string }) => p.id),
    ).not.toContain(theirs.personId);
    expect((await get(repB, `/api/v1/leads/${theirs.id}`)).json().personId).toBe(theirs.personId);
  });

  it('edits a person: normalised contacts, and the lead search follows the new name', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${lead.personId}`,
      headers: rep.headers,
      payload: { lastName: 'Žalgirytė', phones: ['8 612 00000'] },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().person).toMatchObject({ lastName: 'Žalgirytė', phones: ['+37061200000'] });
    const ids = (await get(rep, '/api/v1/leads?q=zalgiryte')).json().items.map((i: { id: string }) => i.id);
    expect(ids).toContain(lead.id);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/people/${lead.personId}`,
      headers: rep.headers,
      payload: { emails: ['nope'] },
    });
    expect(problem(bad).errors?.[0]).toMatchObject({ field: 'emails.0', code: 'invalid_format' });
  });
});
