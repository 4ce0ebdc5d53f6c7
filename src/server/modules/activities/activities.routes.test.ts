import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { newLead } from '../../../../test/factories.js';
import { problem, useTestApp } from '../../../../test/harness.js';

describeEachDialect('lead timeline', (dialect) => {
  const t = useTestApp(dialect);

  it('logs a call with its outcome and duration, and the lead shows the activity', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/v1/leads/${lead.id}/activities`,
      headers: rep.headers,
      payload: {
        type: 'call',
        direction: 'outbound',
        outcome: 'connected',
        durationSeconds: 320,
        body: 'Domisi **CRM** diegimu',
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      type: 'call',
      data: { direction: 'outbound', outcome: 'connected', durationSeconds: 320 },
      body: 'Domisi **CRM** diegimu',
    });
    const timeline = (
      await t.app.inject({ method: 'GET', url: `/api/v1/leads/${lead.id}/activities`, headers: rep.headers })
    ).json().items;
    expect(timeline.map((a: { type: string }) => a.type)).toEqual(['call', 'system']);
    expect(timeline[0].createdByName).toBe(rep.user.name);
    const after = (
      await t.app.inject({ method: 'GET', url: `/api/v1/leads/${lead.id}`, headers: rep.headers })
    ).json();
    expect(after.lastActivityAt).toBe(res.json().occurredAt);
  });

  it('schedules a task that shows overdue once due, and clears when done', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const past = new Date(Date.now() - 3_600_000).toISOString();
    const task = (
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${lead.id}/activities`,
        headers: rep.headers,
        payload: { type: 'task', subject: 'Paskambinti', dueAt: past },
      })
    ).json();
    expect(task).toMatchObject({ type: 'task', overdue: true, assigneeId: rep.user.id, doneAt: null });
    const done = await t.app.inject({
      method: 'PATCH',
      url: `/api/v1/leads/${lead.id}/activities/${task.id}`,
      headers: rep.headers,
      payload: { done: true },
    });
    expect(done.json()).toMatchObject({ overdue: false });
    expect(done.json().doneAt).not.toBeNull();
  });

  it('names what a task or a note is missing', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    const post = (payload: object) =>
      t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${lead.id}/activities`,
        headers: rep.headers,
        payload,
      });
    expect(
      problem(await post({ type: 'task' }))
        .errors?.map((e) => e.field)
        .sort(),
    ).toEqual(['dueAt', 'subject']);
    expect(problem(await post({ type: 'note' })).errors?.[0]?.field).toBe('body');
    expect(problem(await post({ type: 'fax', body: 'x' })).errors?.[0]?.field).toBe('type');
  });

  it('pages the timeline by cursor', async () => {
    const rep = await t.signedIn('rep');
    const lead = await newLead(t.app, rep);
    for (let i = 0; i < 4; i++) {
      await t.app.inject({
        method: 'POST',
        url: `/api/v1/leads/${lead.id}/activities`,
        headers: rep.headers,
        payload: { type: 'note', body: `note ${i}` },
      });
    }
    const first = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/leads/${lead.id}/activities?limit=3`,
        headers: rep.headers,
      })
    ).json();
    const second = (
      await t.app.inject({
        method: 'GET',
        url: `/api/v1/leads/${lead.id}/activities?limit=3&cursor=${first.nextCursor}`,
        headers: rep.headers,
      })
    ).json();
    expect([...first.items, ...second.items].map((a: { body: string | null }) => a.body)).toEqual([
      'note 3',
      'note 2',
      'note 1',
      'note 0',
      null,
    ]);
    expect(second.nextCursor).toBeNull();
  });
});
