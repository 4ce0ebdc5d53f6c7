import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('saved views', (dialect) => {
  const t = useTestApp(dialect);
  const body = {
    name: 'Karšti Kaune',
    filters: { temperature: 'hot', q: 'kaunas', sort: 'updated_desc' },
    columns: ['title', 'stage', 'temperature'],
  };

  it('keeps personal views private and shares a manager’s shared view with everyone', async () => {
    const rep = await t.signedIn('rep');
    const other = await t.signedIn('rep');
    const manager = await t.signedIn('manager');
    const mine = await t.app.inject({
      method: 'POST',
      url: '/api/v1/views',
      headers: rep.headers,
      payload: body,
    });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({
      name: 'Karšti Kaune',
      shared: false,
      filters: body.filters,
      columns: body.columns,
    });
    const shared = await t.app.inject({
      method: 'POST',
      url: '/api/v1/views',
      headers: manager.headers,
      payload: { ...body, name: 'Komandos', shared: true },
    });
    const seen = async (s: typeof rep) =>
      (await t.app.inject({ method: 'GET', url: '/api/v1/views', headers: s.headers }))
        .json()
        .items.map((v: { id: string }) => v.id);
    expect(await seen(rep)).toEqual([shared.json().id, mine.json().id]);
    expect(await seen(other)).toEqual([shared.json().id]);
    const peek = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/views/${mine.json().id}`,
      headers: other.headers,
      payload: { name: 'x' },
    });
    expect(peek.statusCode).toBe(404);
    const touchShared = await t.app.inject({
      method: 'DELETE',
      url: `/api/v1/views/${shared.json().id}`,
      headers: other.headers,
    });
    expect(touchShared.statusCode).toBe(403);
  });

  it('refuses bad filters and columns naming the field, and sharing by a rep', async () => {
    const rep = await t.signedIn('rep');
    const bad = await t.app.inject({
      method: 'POST',
      url: '/api/v1/views',
      headers: rep.headers,
      payload: { name: 'x', filters: { colour: 'red' }, columns: ['nope'] },
    });
    expect(
      problem(bad)
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['columns.0', 'filters.colour']);
    const share = await t.app.inject({
      method: 'POST',
      url: '/api/v1/views',
      headers: rep.headers,
      payload: { ...body, shared: true },
    });
    expect(share.statusCode).toBe(403);
  });

  it('renames and deletes one’s own view', async () => {
    const rep = await t.signedIn('rep');
    const view = (
      await t.app.inject({ method: 'POST', url: '/api/v1/views', headers: rep.headers, payload: body })
    ).json();
    const renamed = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/views/${view.id}`,
      headers: rep.headers,
      payload: { name: 'Nauji' },
    });
    expect(renamed.json().name).toBe('Nauji');
    expect(
      (await t.app.inject({ method: 'DELETE', url: `/api/v1/views/${view.id}`, headers: rep.headers }))
        .statusCode,
    ).toBe(204);
  });
});
