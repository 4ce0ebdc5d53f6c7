import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('organisations', (dialect) => {
  const t = useTestApp(dialect);

  it('finds an organisation without diacritics, edits it with normalised codes, and hides it from other reps', async () => {
    const rep = await t.signedIn('rep');
    const other = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, {
      organisation: { name: 'UAB Žalgiris Prekyba', website: 'https://zalgiris-test.lt' },
    });
    const found = (
      await t.app.inject({ method: 'GET', url: '/api/v1/organisations?q=zalgiris', headers: rep.headers })
    ).json();
    expect(found.items.map((o: { id: string }) => o.id)).toContain(lead.organisationId);
    const edited = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${lead.organisationId}`,
      headers: rep.headers,
      payload: {
        companyCode: ' 302 123 456 ',
        vatCode: 'lt 100 001 234 567',
        website: 'https://www.zalgiris-new.lt/apie',
      },
    });
    expect(edited.json()).toMatchObject({
      companyCode: '302123456',
      vatCode: 'LT100001234567',
      domain: 'zalgiris-new.lt',
      name: 'UAB Žalgiris Prekyba',
    });
    expect(
      (
        await t.app.inject({
          method: 'GET',
          url: `/api/v1/organisations/${lead.organisationId}`,
          headers: other.headers,
        })
      ).statusCode,
    ).toBe(404);
    const hidden = (
      await t.app.inject({ method: 'GET', url: '/api/v1/organisations?q=zalgiris', headers: other.headers })
    ).json();
    expect(hidden.items).toEqual([]);
    const bad = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${lead.organisationId}`,
      headers: rep.headers,
      payload: { size: 'huge' },
    });
    expect(problem(bad).errors?.[0]?.field).toBe('size');
  });

  it('finds the leads of a renamed organisation by the new name', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep, { organisation: { name: 'UAB Senasis Vardas' } });
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/organisations/${lead.organisationId}`,
      headers: rep.headers,
      payload: { name: 'UAB Naujoji Ąžuolynė' },
    });
    expect(renamed.statusCode).toBe(200);
    const search = async (q: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/v1/leads?q=${q}`, headers: rep.headers }))
        .json()
        .items.map((i: { id: string }) => i.id);
    expect(await search('azuolyne')).toEqual([lead.id]);
  });
});
