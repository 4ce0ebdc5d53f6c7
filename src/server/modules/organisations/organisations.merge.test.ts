import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import { ORGANISATION_MERGE_FIELDS } from '../../../domain/people/merge.js';

describeEachDialect('organisations: duplicates, merge and unmerge', (dialect) => {
  const t = useTestApp(dialect);

  let seq = 0;
  /** Two organisations with one website written two ways, each with a lead (and its person) of `rep`. */
  const twins = async (rep: Session) => {
    seq += 1;
    const host = `dvyniai${seq}-${Date.now()}.lt`;
    const oldName = `UAB Senas${seq}`;
    const newName = `UAB Naujas${seq}`;
    const a = await newLead(t.app, rep, {
      title: 'Svetainė',
      organisation: { name: oldName, website: `https://${host}`, companyCode: `30${seq}0000` },
    });
    const b = await newLead(t.app, rep, {
      title: 'Svetainė',
      organisation: { name: newName, website: `https://www.${host}/apie`, city: 'Kaunas', industry: 'IT' },
    });
    return {
      a,
      b,
      orgA: a.organisationId as string,
      orgB: b.organisationId as string,
      host,
      oldName,
      newName,
    };
  };
  const post = (s: Session, url: string, payload?: object) =>
    t.app.inject({ method: 'POST', url, headers: s.headers, ...(payload ? { payload } : {}) });
  const get = (s: Session, url: string) => t.app.inject({ method: 'GET', url, headers: s.headers });
  const leadRow = (id: string) =>
    t.deps.db
      .selectFrom('leads')
      .select(['organisation_id', 'search_text'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const orgOfPerson = async (id: string) =>
    (
      await t.deps.db
        .selectFrom('people')
        .select('organisation_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow()
    ).organisation_id;
  const mergeRow = (id: string) =>
    t.deps.db.selectFrom('merges').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('offers the duplicate, merges field by field moving people and leads, then unmerges exactly', async () => {
    const rep = await t.signedIn('rep');
    const { a, b, orgA, orgB, host, oldName, newName } = await twins(rep);
    const offered = (await get(rep, `/api/v1/organisations/${orgA}/duplicates`)).json();
    expect(offered.items).toEqual([
      { kind: 'organisation', id: orgB, name: newName, matchedOn: [{ key: 'domain', value: host }] },
    ]);
    const before = (await get(rep, `/api/v1/organisations/${orgA}`)).json();

    const merged = await post(rep, '/api/v1/organisations/merge', {
      survivorId: orgA,
      mergedIds: [orgB],
      values: { name: orgB },
    });
    expect(merged.statusCode).toBe(200);
    const { mergeId, organisation, movedLeads, movedPeople } = merged.json();
    expect({ movedLeads, movedPeople }).toEqual({ movedLeads: 1, movedPeople: 1 });
    expect(organisation).toMatchObject({
      id: orgA,
      name: newName,
      companyCode: before.companyCode,
      website: `https://${host}`,
      domain: host,
      city: 'Kaunas',
      industry: 'IT',
    });
    expect((await get(rep, `/api/v1/leads/${b.id}`)).json().organisationId).toBe(orgA);
    expect(await orgOfPerson(b.personId)).toBe(orgA);
    expect((await get(rep, `/api/v1/organisations/${orgB}`)).statusCode).toBe(404);
    // Lead search follows the survivor's new name, for its own leads and the moved ones.
    expect((await leadRow(a.id)).search_text).toContain(`naujas${seq}`);
    expect((await leadRow(a.id)).search_text).not.toContain(`senas${seq}`);
    const found = (await get(rep, `/api/v1/leads?q=naujas${seq}`))
      .json()
      .items.map((l: { id: string }) => l.id);
    expect(found).toEqual(expect.arrayContaining([a.id, b.id]));

    const undone = await post(rep, `/api/v1/organisations/merges/${mergeId}/undo`);
    expect(undone.statusCode).toBe(200);
    expect(undone.json().organisations.map((o: { id: string }) => o.id)).toEqual([orgA, orgB]);
    expect((await get(rep, `/api/v1/organisations/${orgA}`)).json()).toMatchObject({
      name: oldName,
      city: null,
      industry: null,
      companyCode: before.companyCode,
    });
    expect((await get(rep, `/api/v1/organisations/${orgB}`)).json()).toMatchObject({
      name: newName,
      city: 'Kaunas',
    });
    expect((await get(rep, `/api/v1/leads/${b.id}`)).json().organisationId).toBe(orgB);
    expect(await orgOfPerson(b.personId)).toBe(orgB);
    expect(await orgOfPerson(a.personId)).toBe(orgA);
    expect((await leadRow(a.id)).search_text).toContain(`senas${seq}`);
    expect((await leadRow(a.id)).search_text).not.toContain(`naujas${seq}`);

    const again = await post(rep, `/api/v1/organisations/merges/${mergeId}/undo`);
    expect(again.statusCode).toBe(409);
    expect(problem(again).errors?.[0]).toMatchObject({ field: 'mergeId', code: 'already_undone' });
    const audit = await t.deps.db
      .selectFrom('audit_log')
      .select('action')
      .where('entity_type', '=', 'organisation')
      .where('entity_id', '=', orgA)
      .execute();
    expect(audit.map((x) => x.action)).toEqual(expect.arrayContaining(['merge', 'unmerge']));
  });

  it('stops offering a pair marked "not a duplicate", from either side', async () => {
    const rep = await t.signedIn('rep');
    const { orgA, orgB } = await twins(rep);
    expect(
      (await post(rep, `/api/v1/organisations/${orgB}/not-duplicate`, { otherId: orgA })).statusCode,
    ).toBe(204);
    expect((await get(rep, `/api/v1/organisations/${orgA}/duplicates`)).json().items).toEqual([]);
    expect((await get(rep, `/api/v1/organisations/${orgB}/duplicates`)).json().items).toEqual([]);
    const self = await post(rep, `/api/v1/organisations/${orgA}/not-duplicate`, { otherId: orgA });
    expect(problem(self).errors?.[0]).toMatchObject({ field: 'otherId', code: 'invalid_value' });
  });

  it('refuses to undo a merge after 30 days and leaves it merged', async () => {
    const rep = await t.signedIn('rep');
    const { orgA, orgB } = await twins(rep);
    const { mergeId } = (
      await post(rep, '/api/v1/organisations/merge', { survivorId: orgA, mergedIds: [orgB] })
    ).json();
    await t.deps.db
      .updateTable('merges')
      .set({ created_at: new Date(Date.now() - 31 * 86_400_000).toISOString() })
      .where('id', '=', mergeId)
      .execute();
    const res = await post(rep, `/api/v1/organisations/merges/${mergeId}/undo`);
    expect(res.statusCode).toBe(409);
    expect(problem(res).errors?.[0]).toMatchObject({ field: 'mergeId', code: 'undo_expired' });
    expect((await get(rep, `/api/v1/organisations/${orgB}`)).statusCode).toBe(404);
    expect((await mergeRow(mergeId)).undone_at).toBeNull();
  });

  it("answers 404 to a rep who merges, unmerges or dismisses another rep's organisation, and changes nothing", async () => {
    const repA = await t.signedIn('rep');
    const repB = await t.signedIn('rep');
    const mine = await twins(repA);
    const theirs = await twins(repB);
    const refused = await post(repA, '/api/v1/organisations/merge', {
      survivorId: mine.orgA,
      mergedIds: [theirs.orgA],
    });
    expect(refused.statusCode).toBe(404);
    expect(problem(refused).status).toBe(404);
    expect((await get(repB, `/api/v1/organisations/${theirs.orgA}`)).json().name).toBe(theirs.oldName);
    expect((await leadRow(theirs.a.id)).organisation_id).toBe(theirs.orgA);
    expect(
      (await post(repA, `/api/v1/organisations/${mine.orgA}/not-duplicate`, { otherId: theirs.orgA }))
        .statusCode,
    ).toBe(404);
    expect((await get(repA, `/api/v1/organisations/${theirs.orgA}/duplicates`)).statusCode).toBe(404);

    const { mergeId } = (
      await post(repB, '/api/v1/organisations/merge', { survivorId: theirs.orgA, mergedIds: [theirs.orgB] })
    ).json();
    expect((await post(repA, `/api/v1/organisations/merges/${mergeId}/undo`)).statusCode).toBe(404);
    expect((await mergeRow(mergeId)).undone_at).toBeNull();
    expect((await leadRow(theirs.b.id)).organisation_id).toBe(theirs.orgA);
  });

  it('answers 403 to a merge without the CSRF header, and changes nothing', async () => {
    const rep = await t.signedIn('rep');
    const { b, orgA, orgB } = await twins(rep);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/v1/organisations/merge',
      headers: { cookie: rep.cookie },
      payload: { survivorId: orgA, mergedIds: [orgB] },
    });
    expect(res.statusCode).toBe(403);
    expect(problem(res).status).toBe(403);
    expect((await leadRow(b.id)).organisation_id).toBe(orgB);
    expect((await get(rep, `/api/v1/organisations/${orgB}`)).statusCode).toBe(200);
  });

  it('refuses a malformed merge as problem+json naming the field', async () => {
    const rep = await t.signedIn('rep');
    const { orgA, orgB, a } = await twins(rep);
    const cases: [object, string][] = [
      [{ survivorId: orgA, mergedIds: [orgA] }, 'mergedIds'],
      [{ survivorId: orgA, mergedIds: [orgB], values: { name: a.personId } }, 'values.name'],
      [{ survivorId: orgA, mergedIds: [orgB], values: { domain: orgB } }, 'values.domain'],
      [{ survivorId: orgA, mergedIds: [] }, 'mergedIds'],
    ];
    for (const [payload, field] of cases) {
      const res = await post(rep, '/api/v1/organisations/merge', payload);
      expect(res.statusCode, field).toBe(400);
      expect(problem(res).errors?.map((e) => e.field)).toContain(field);
    }
    expect((await leadRow(a.id)).organisation_id).toBe(orgA);
    expect((await get(rep, `/api/v1/organisations/${orgB}`)).statusCode).toBe(200);
  });

  it('documents the merge, unmerge and duplicate routes in OpenAPI', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    for (const path of [
      '/api/v1/organisations/merge',
      '/api/v1/organisations/merges/{mergeId}/undo',
      '/api/v1/organisations/{id}/not-duplicate',
      '/api/v1/organisations/{id}/duplicates',
    ])
      expect(Object.keys(doc.paths), path).toContain(path);
    const body = doc.paths['/api/v1/organisations/merge'].post.requestBody.content['application/json'].schema;
    expect(Object.keys(body.properties.values.properties)).toEqual([...ORGANISATION_MERGE_FIELDS]);
  });
});
