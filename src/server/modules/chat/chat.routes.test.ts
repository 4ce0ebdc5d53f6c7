import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { describeEachDialect } from '../../../../test/dialects.js';
import { uniqueEmail } from '../../../../test/factories.js';
import { problem, type Session, useTestApp } from '../../../../test/harness.js';
import { SEED_SOURCES } from '../../db/migrations/seed-sources.js';
import { createTeam } from '../teams/teams.service.js';
import { MESSAGES_PER_MINUTE, STARTS_PER_MINUTE } from './chat.limits.js';

const UNKNOWN_ID = '01900000-0000-7000-8000-00000000ffff';
type Method = 'GET' | 'POST' | 'PATCH';

describeEachDialect('website chat', (dialect) => {
  const t = useTestApp(dialect);
  let address = 0;
  /** A fresh client address per call, so per-address limits of one test never touch another. */
  const nextAddress = () =>
    `10.${dialect === 'sqlite' ? 1 : 2}.${Math.floor(++address / 250)}.${address % 250}`;

  const as = (s: Session) => (method: Method, url: string, payload?: object) =>
    t.app.inject({ method, url: `/api/v1${url}`, headers: s.headers, ...(payload ? { payload } : {}) });

  async function newWidget(extra: Record<string, unknown> = {}) {
    const admin = as(await t.signedIn('admin'));
    const campaign = await admin('POST', '/campaigns', { name: `Ruduo ${++address}`, type: 'webinar' });
    expect(campaign.statusCode, campaign.body).toBe(201);
    const res = await admin('POST', '/chat/widgets', {
      name: 'Svetainės pokalbis',
      sourceId: SEED_SOURCES[1].id,
      campaignId: campaign.json().id,
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return { widget: res.json(), admin };
  }

  const visitor = (
    method: Method,
    url: string,
    opts: { token?: string; payload?: object; address?: string } = {},
  ) =>
    t.app.inject({
      method,
      url: `/api/public/chat${url}`,
      remoteAddress: opts.address ?? nextAddress(),
      headers: opts.token ? { 'x-chat-token': opts.token } : {},
      ...(opts.payload ? { payload: opts.payload } : {}),
    });

  async function start(widgetId: string, payload: object = {}) {
    const res = await visitor('POST', `/widgets/${widgetId}/conversations`, { payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json() as { id: string; token: string; messages: { seq: number; body: string }[] };
  }

  async function say(c: { id: string; token: string }, body: string) {
    const res = await visitor('POST', `/conversations/${c.id}/messages`, {
      token: c.token,
      payload: { body },
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().messages as { seq: number; sender: string; body: string; quickReplies?: unknown[] }[];
  }

  /** A visitor who answers every question of the bot. */
  async function chatThrough(widgetId: string, email: string, touch?: object) {
    const c = await start(widgetId, {
      language: 'en',
      visitorId: 'visitor-0001',
      ...(touch ? { touch } : {}),
    });
    for (const answer of ['Ona Petraitytė', email, 'Solar roof', 'Within a month']) await say(c, answer);
    return c;
  }

  /** A visitor who has answered everything but the timeframe. */
  async function upToTimeframe(widgetId: string, email: string) {
    const c = await start(widgetId, { language: 'en' });
    for (const answer of ['Ona Petraitytė', email, 'Solar roof']) await say(c, answer);
    return c;
  }

  /** Runs `work` at the middle of the current minute, so per-minute limits do not roll over during it. */
  async function midMinute<T>(work: () => Promise<T>): Promise<T> {
    const real = t.deps.now;
    const mid = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 30_000);
    t.deps.now = () => mid;
    try {
      return await work();
    } finally {
      t.deps.now = real;
    }
  }

  const conversationRow = (id: string) =>
    t.deps.db.selectFrom('chat_conversations').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  describe('widgets', () => {
    it('lets admins and marketers create and change widgets with a snippet; reps and managers may not', async () => {
      const { widget, admin } = await newWidget({
        allowedOrigins: ['https://www.Example.lt', 'https://www.example.lt'],
      });
      expect(widget).toMatchObject({
        status: 'active',
        version: 1,
        allowedOrigins: ['https://www.example.lt'],
      });
      expect(widget.embed.script).toMatch(
        new RegExp(`^<script src="http://[^"]+/embed/chat/${widget.id}\\.js" async></script>$`),
      );
      const marketer = as(await t.signedIn('marketer'));
      const patched = await marketer('PATCH', `/chat/widgets/${widget.id}`, {
        greeting: { lt: 'Labas!', en: 'Hi!' },
      });
      expect(patched.statusCode, patched.body).toBe(200);
      expect(patched.json()).toMatchObject({ version: 2, greeting: { lt: 'Labas!', en: 'Hi!' } });
      expect((await admin('GET', '/chat/widgets')).json().items.map((w: { id: string }) => w.id)).toContain(
        widget.id,
      );
      for (const role of ['rep', 'manager'] as const) {
        const call = as(await t.signedIn(role));
        expect((await call('PATCH', `/chat/widgets/${widget.id}`, { name: 'x' })).statusCode, role).toBe(403);
        const created = await call('POST', '/chat/widgets', { name: 'Mano' });
        expect(created.statusCode, role).toBe(403);
        problem(created);
        expect((await call('GET', `/chat/widgets/${widget.id}`)).statusCode, role).toBe(200);
      }
      const mine = await marketer('POST', '/chat/widgets', { name: 'Mine', ownerId: (await t.newUser()).id });
      expect(problem(mine).errors).toEqual([
        expect.objectContaining({ field: 'ownerId', code: 'not_allowed' }),
      ]);
      expect((await t.app.inject({ method: 'GET', url: '/api/v1/chat/widgets' })).statusCode).toBe(401);
    });

    it('shows an active widget to the embed script and hides archived and unknown ones', async () => {
      const { widget, admin } = await newWidget({ greeting: { lt: 'Sveiki atvykę!', en: '' } });
      const shown = await visitor('GET', `/widgets/${widget.id}`);
      expect(shown.statusCode).toBe(200);
      expect(shown.json()).toEqual({
        id: widget.id,
        greeting: { lt: 'Sveiki atvykę!', en: 'Hello! We are happy to answer your questions.' },
        texts: {},
      });
      expect(problem(await visitor('GET', `/widgets/${UNKNOWN_ID}`)).status).toBe(404);
      expect(
        problem(await visitor('POST', `/widgets/${UNKNOWN_ID}/conversations`, { payload: {} })).status,
      ).toBe(404);
      await admin('PATCH', `/chat/widgets/${widget.id}`, { status: 'archived' });
      expect((await visitor('GET', `/widgets/${widget.id}`)).statusCode).toBe(404);
      expect((await visitor('POST', `/widgets/${widget.id}/conversations`, { payload: {} })).statusCode).toBe(
        404,
      );
    });
  });

  describe('a visitor', () => {
    it('starts a conversation: a token and the bot’s greeting and first question, in their language', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id, { language: 'en' });
      expect(c.token).toMatch(/^[\w-]{43}$/);
      expect(c.messages).toEqual([
        expect.objectContaining({
          seq: 1,
          sender: 'bot',
          body: 'Hello! We are happy to answer your questions.',
        }),
        expect.objectContaining({ seq: 2, sender: 'bot', body: 'What is your name?' }),
      ]);
      const row = await conversationRow(c.id);
      expect(row).toMatchObject({ status: 'bot', language: 'en', last_seq: 2 });
      expect(row.token_hash).not.toContain(c.token);
      const lt = await start(widget.id);
      expect(lt.messages[1]?.body).toBe('Kaip jus vadinti?');
    });

    it('asks the widget’s own questions in the visitor’s language; a blank one, or none, is the bot’s own', async () => {
      const questions = {
        askName: { lt: ' Kuo jūs vardu? ', en: '' },
        askContact: { lt: '{name}, kaip su jumis susisiekti?', en: '{name}, how do we reach you?' },
        done: { lt: 'Iki, {name}!', en: '' },
        askTimeframe: { lt: '  ', en: '' },
      };
      const { widget, admin } = await newWidget({ questions });
      // kept trimmed, a question blank in both languages left out
      expect(widget.questions).toEqual({
        askName: { lt: 'Kuo jūs vardu?', en: '' },
        askContact: questions.askContact,
        done: questions.done,
      });
      const lt = await start(widget.id);
      expect(lt.messages.map((m) => m.body)).toEqual([
        'Sveiki! Mielai atsakysime į jūsų klausimus.',
        'Kuo jūs vardu?',
      ]);
      expect((await say(lt, 'Ona Petraitė')).at(-1)?.body).toBe('Ona, kaip su jumis susisiekti?');
      const en = await start(widget.id, { language: 'en' });
      expect(en.messages[1]?.body).toBe('What is your name?');
      expect((await say(en, 'Ona Petraitė')).at(-1)?.body).toBe('Ona, how do we reach you?');
      const cleared = await admin('PATCH', `/chat/widgets/${widget.id}`, { questions: null });
      expect(cleared.json()).toMatchObject({ questions: null });
      expect((await start(widget.id)).messages[1]?.body).toBe('Kaip jus vadinti?');
      const unknown = await admin('PATCH', `/chat/widgets/${widget.id}`, {
        questions: { askAge: { lt: 'x', en: 'y' } },
      });
      expect(unknown.statusCode).toBe(400);
    });

    it('goes through the bot to a lead with the widget’s source and campaign, the attribution touch and the transcript', async () => {
      const owner = await t.newUser({ role: 'rep' });
      const { widget } = await newWidget({ ownerId: owner.id });
      const c = await start(widget.id, {
        language: 'en',
        visitorId: 'visitor-0002',
        touch: {
          utm_source: 'google',
          utm_medium: 'cpc',
          gclid: 'g-123',
          landingPage: 'https://www.example.lt/?x=1',
        },
      });
      expect((await say(c, 'Ona Petraitytė')).map((m) => m.body)).toEqual([
        'Ona Petraitytė',
        expect.stringContaining('What e-mail address or phone number'),
      ]);
      const reasked = await say(c, 'ona@');
      expect(reasked[1]?.body).toBe(
        'That e-mail address does not look right. Please check it and write it again.',
      );
      await say(c, 'ona.chat@example.lt');
      const timeframe = await say(c, 'A solar roof');
      expect(timeframe[1]?.quickReplies).toHaveLength(6);
      expect((await conversationRow(c.id)).lead_id).toBeNull();
      const done = await say(c, 'Within a month');
      expect(done.map((m) => m.sender)).toEqual(['visitor', 'bot']);
      const row = await conversationRow(c.id);
      expect(row).toMatchObject({ status: 'waiting', last_seq: 12 });
      const lead = await t.deps.db
        .selectFrom('leads')
        .selectAll()
        .where('id', '=', row.lead_id as string)
        .executeTakeFirstOrThrow();
      expect(lead).toMatchObject({
        person_id: row.person_id,
        owner_id: owner.id,
        source_id: SEED_SOURCES[1].id,
        campaign_id: widget.campaignId,
        source_detail: 'Svetainės pokalbis',
        created_by: null,
      });
      expect(lead.timeframe).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      const touch = await t.deps.db
        .selectFrom('touches')
        .selectAll()
        .where('lead_id', '=', lead.id)
        .executeTakeFirstOrThrow();
      expect(touch).toMatchObject({
        channel: 'chat',
        origin_kind: 'chat_widget',
        origin_id: widget.id,
        utm_source: 'google',
        gclid: 'g-123',
        visitor_id: 'visitor-0002',
      });
      expect(lead.first_touch_id).toBe(touch.id);
      const timeline = await t.deps.db
        .selectFrom('activities')
        .selectAll()
        .where('lead_id', '=', lead.id)
        .execute();
      expect(timeline.map((a) => `${a.type}:${a.subject}`).sort()).toEqual([
        'chat:Svetainės pokalbis',
        'system:chat_started',
        'system:created',
      ]);
      const chat = timeline.find((a) => a.type === 'chat')!;
      expect(chat.id).toBe(row.activity_id);
      expect(chat.body).toContain('Ona Petraitytė: ona.chat@example.lt');
      expect(chat.body).toContain('Assistant: Thank you, Ona!');
      expect(JSON.parse(chat.data)).toMatchObject({
        conversationId: c.id,
        status: 'waiting',
        messageCount: 12,
      });
    });

    it('as a known person with an open lead, adds the chat to that lead instead of a new one', async () => {
      const { widget, admin } = await newWidget();
      const email = uniqueEmail('jonas');
      const existing = await admin('POST', '/leads', { person: { firstName: 'Jonas', emails: [email] } });
      expect(existing.statusCode, existing.body).toBe(201);
      const leadsBefore = await t.deps.db.selectFrom('leads').select('id').execute();
      const c = await chatThrough(widget.id, email.toUpperCase());
      const row = await conversationRow(c.id);
      expect(row.lead_id).toBe(existing.json().id);
      expect(await t.deps.db.selectFrom('leads').select('id').execute()).toHaveLength(leadsBefore.length);
      const types = await t.deps.db
        .selectFrom('activities')
        .select(['type', 'subject'])
        .where('lead_id', '=', row.lead_id as string)
        .execute();
      expect(types).toEqual(
        expect.arrayContaining([
          { type: 'chat', subject: 'Svetainės pokalbis' },
          { type: 'system', subject: 'chat_started' },
        ]),
      );
    });

    it('is answered 404 for a wrong or missing token, and for an unknown conversation', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      const wrong = 'x'.repeat(43);
      for (const res of [
        await visitor('POST', `/conversations/${c.id}/messages`, {
          token: wrong,
          payload: { body: 'Labas' },
        }),
        await visitor('POST', `/conversations/${c.id}/messages`, { payload: { body: 'Labas' } }),
        await visitor('GET', `/conversations/${c.id}/messages`, { token: wrong }),
        await visitor('GET', `/conversations/${c.id}/events?token=${wrong}`),
        await visitor('GET', `/conversations/${c.id}/events`),
        await visitor('GET', `/conversations/${UNKNOWN_ID}/messages`, { token: c.token }),
      ]) {
        expect(res.statusCode).toBe(404);
        expect(problem(res).detail).toBe('No such conversation');
      }
      const polled = await visitor('GET', `/conversations/${c.id}/messages?after=1`, { token: c.token });
      expect(polled.json()).toMatchObject({ status: 'bot', messages: [{ seq: 2 }] });
    });

    it('is refused a message that is too long, blank or not plain text, naming body, and nothing is stored', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      for (const [body, code] of [
        ['a'.repeat(2001), 'too_long'],
        ['   ', 'required'],
        ['labas\u0000', 'invalid_format'],
      ] as const) {
        const res = await visitor('POST', `/conversations/${c.id}/messages`, {
          token: c.token,
          payload: { body },
        });
        expect(res.statusCode, code).toBe(400);
        expect(problem(res).errors).toEqual([expect.objectContaining({ field: 'body', code })]);
      }
      const missing = await visitor('POST', `/conversations/${c.id}/messages`, {
        token: c.token,
        payload: {},
      });
      expect(problem(missing).errors).toEqual([expect.objectContaining({ field: 'body', code: 'required' })]);
      expect((await conversationRow(c.id)).last_seq).toBe(2);
      expect(
        await t.deps.db
          .selectFrom('chat_messages')
          .select('seq')
          .where('conversation_id', '=', c.id)
          .execute(),
      ).toHaveLength(2);
    });

    it('is answered 429 with Retry-After after too many conversations from one address, other visitors are not', async () => {
      const { widget } = await newWidget();
      const real = t.deps.now;
      const mid = new Date(Math.floor(Date.now() / 60_000) * 60_000 + 30_000);
      t.deps.now = () => mid;
      try {
        const from = nextAddress();
        const codes: number[] = [];
        for (let i = 0; i <= STARTS_PER_MINUTE; i++) {
          const res = await t.app.inject({
            method: 'POST',
            url: `/api/public/chat/widgets/${widget.id}/conversations`,
            remoteAddress: from,
            headers: { origin: 'https://site.example' },
            payload: {},
          });
          codes.push(res.statusCode);
          if (res.statusCode === 429) {
            expect(res.headers['retry-after']).toBe('30');
            expect(res.headers['access-control-allow-origin']).toBe('https://site.example');
            problem(res);
          }
        }
        expect(codes).toEqual([...Array(STARTS_PER_MINUTE).fill(201), 429]);
        expect(
          (await visitor('POST', `/widgets/${widget.id}/conversations`, { payload: {} })).statusCode,
        ).toBe(201);
      } finally {
        t.deps.now = real;
      }
    });

    it('numbers messages sent at the same moment one after another, none lost', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      await as(await t.signedIn('rep'))('POST', `/chat/conversations/${c.id}/join`);
      const sent = await Promise.all(
        Array.from({ length: 6 }, (_, i) =>
          visitor('POST', `/conversations/${c.id}/messages`, {
            token: c.token,
            payload: { body: `Nr. ${i}` },
          }),
        ),
      );
      expect(sent.map((r) => r.statusCode)).toEqual(Array(6).fill(201));
      const seqs = sent.map((r) => r.json().messages[0].seq).sort((a: number, b: number) => a - b);
      expect(seqs).toEqual([4, 5, 6, 7, 8, 9]);
      expect((await conversationRow(c.id)).last_seq).toBe(9);
    });

    it('may start only from the widget’s allowed sites when it lists some', async () => {
      const { widget } = await newWidget({ allowedOrigins: ['https://www.example.lt'] });
      const from = (origin?: string) =>
        t.app.inject({
          method: 'POST',
          url: `/api/public/chat/widgets/${widget.id}/conversations`,
          headers: origin ? { origin } : {},
          payload: {},
        });
      expect((await from('https://www.example.lt')).statusCode).toBe(201);
      expect(problem(await from('https://evil.example')).status).toBe(403);
      expect((await from()).statusCode).toBe(403);
    });

    it('is answered 404, not 500, when the stored token hash has another length', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      await t.deps.db
        .updateTable('chat_conversations')
        .set({ token_hash: 'short' })
        .where('id', '=', c.id)
        .execute();
      const res = await visitor('GET', `/conversations/${c.id}/messages`, { token: c.token });
      expect(res.statusCode).toBe(404);
      problem(res);
    });

    it('polls with answers no cache may keep', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      const res = await visitor('GET', `/conversations/${c.id}/messages`, { token: c.token });
      expect(res.statusCode).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store, private');
    });

    it('is answered 429 past the widget’s own starts per minute, whoever the visitors are', async () => {
      const { widget } = await newWidget({ maxPerMinute: 2 });
      expect(widget.maxPerMinute).toBe(2);
      expect((await newWidget()).widget.maxPerMinute).toBe(60);
      const codes = await midMinute(async () => {
        const out: number[] = [];
        for (let i = 0; i < 3; i++) {
          out.push(
            (await visitor('POST', `/widgets/${widget.id}/conversations`, { payload: {} })).statusCode,
          );
        }
        return out;
      });
      expect(codes).toEqual([201, 201, 429]);
    });

    it('is answered 429 after too many starts from one address over all widgets', async () => {
      const [{ widget: a }, { widget: b }] = [await newWidget(), await newWidget()];
      const config = t.deps.config;
      const was = config.chatStartRateLimit;
      config.chatStartRateLimit = 3;
      try {
        const from = nextAddress();
        const codes = await midMinute(async () => {
          const out: number[] = [];
          for (const w of [a, a, b, b]) {
            const url = `/widgets/${w.id}/conversations`;
            out.push((await visitor('POST', url, { payload: {}, address: from })).statusCode);
          }
          return out;
        });
        expect(codes).toEqual([201, 201, 201, 429]);
      } finally {
        config.chatStartRateLimit = was;
      }
    });

    it('counts messages by address before the token is checked: guessing tokens is limited too', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      const from = nextAddress();
      const codes = await midMinute(async () => {
        const out: number[] = [];
        for (let i = 0; i <= MESSAGES_PER_MINUTE; i++) {
          const res = await visitor('POST', `/conversations/${c.id}/messages`, {
            token: 'x'.repeat(43),
            payload: { body: 'Labas' },
            address: from,
          });
          out.push(res.statusCode);
        }
        return out;
      });
      expect(codes).toEqual([...Array(MESSAGES_PER_MINUTE).fill(404), 429]);
    });

    it('two chats finishing at once with one new e-mail make one person and one lead', async () => {
      const { widget } = await newWidget();
      const email = uniqueEmail('kartu');
      const [a, b] = [await upToTimeframe(widget.id, email), await upToTimeframe(widget.id, email)];
      const sent = await Promise.all(
        [a, b].map((c) =>
          visitor('POST', `/conversations/${c.id}/messages`, {
            token: c.token,
            payload: { body: 'Within a month' },
          }),
        ),
      );
      expect(sent.map((r) => r.statusCode)).toEqual([201, 201]);
      const [rowA, rowB] = [await conversationRow(a.id), await conversationRow(b.id)];
      expect(rowA.lead_id).toBeTruthy();
      expect(rowB.lead_id).toBe(rowA.lead_id);
      const people = await t.deps.db
        .selectFrom('person_emails')
        .select('person_id')
        .where('email_key', '=', email.toLowerCase())
        .execute();
      expect(people).toEqual([{ person_id: rowA.person_id }]);
    });

    it('keeps the visitor’s message and the conversation when the lead is refused, with the reason for the team', async () => {
      const { widget } = await newWidget();
      const c = await upToTimeframe(widget.id, uniqueEmail('atmesta'));
      const row = await conversationRow(c.id);
      const state = { ...JSON.parse(row.bot_state_json), productIds: [UNKNOWN_ID] };
      await t.deps.db
        .updateTable('chat_conversations')
        .set({ bot_state_json: JSON.stringify(state) })
        .where('id', '=', c.id)
        .execute();
      const done = await say(c, 'Within a month');
      expect(done.map((m) => m.sender)).toEqual(['visitor', 'bot']);
      const after = await conversationRow(c.id);
      expect(after).toMatchObject({ lead_id: null, status: 'bot', last_seq: done[1]!.seq });
      const admin = as(await t.signedIn('admin'));
      const shown = (await admin('GET', `/chat/conversations/${c.id}`)).json();
      expect(shown.conversation.captureError).toEqual({
        code: 'validation',
        message: expect.stringContaining('productIds.0'),
        fields: ['productIds.0'],
      });
      expect(shown.messages.at(-2)).toMatchObject({ sender: 'visitor', body: 'Within a month' });
      const joined = await admin('POST', `/chat/conversations/${c.id}/join`);
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json().conversation).toMatchObject({ status: 'human', leadId: null });
    });

    // SQLite only: PostgreSQL checks the widget's foreign key again on every change of the row.
    it.runIf(dialect === 'sqlite')(
      'does not wait for a colleague without a lead when the widget is gone',
      async () => {
        const { widget } = await newWidget();
        const c = await upToTimeframe(widget.id, uniqueEmail('be-valdiklio'));
        // The widget row disappears behind the foreign key's back (nothing in the app deletes one).
        await sql`pragma foreign_keys = off`.execute(t.deps.db);
        await t.deps.db.deleteFrom('chat_widgets').where('id', '=', widget.id).execute();
        await sql`pragma foreign_keys = on`.execute(t.deps.db);
        await say(c, 'Within a month');
        const row = await conversationRow(c.id);
        expect(row).toMatchObject({ status: 'bot', lead_id: null });
        expect(JSON.parse(row.capture_error ?? 'null')).toMatchObject({ code: 'not_found' });
      },
    );

    it('answers the CORS preflight for the token header', async () => {
      const res = await t.app.inject({
        method: 'OPTIONS',
        url: `/api/public/chat/conversations/${UNKNOWN_ID}/messages`,
        headers: { origin: 'https://site.example', 'access-control-request-headers': 'x-chat-token' },
      });
      expect(res.statusCode).toBe(204);
      expect(res.headers['access-control-allow-headers']).toContain('X-Chat-Token');
      expect(res.headers['access-control-allow-origin']).toBe('https://site.example');
    });
  });

  describe('colleagues', () => {
    it('see the queue; once a rep joins, other reps get 404 while their manager and admins still see it', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      const managerUser = await t.newUser({ role: 'manager' });
      const team = await createTeam(
        t.deps,
        { user: null, channel: 'system' },
        {
          name: `Komanda ${++address}`,
          managerId: managerUser.id,
        },
      );
      const repA = await t.signedIn('rep', { teamId: team.id });
      const repB = await t.signedIn('rep');
      const manager = await t.login(managerUser.email);
      const admin = await t.signedIn('admin');
      const ids = async (s: Session) =>
        (await as(s)('GET', '/chat/conversations?status=bot')).json().items.map((i: { id: string }) => i.id);
      expect(await ids(repA)).toContain(c.id);
      expect(await ids(repB)).toContain(c.id);
      expect((await as(repB)('GET', `/chat/conversations/${c.id}`)).statusCode).toBe(200);

      const joined = await as(repA)('POST', `/chat/conversations/${c.id}/join`);
      expect(joined.statusCode, joined.body).toBe(200);
      expect(joined.json().conversation).toMatchObject({ status: 'human', assignedUserId: repA.user.id });
      expect(joined.json().messages.at(-1)).toMatchObject({
        sender: 'system',
        body: `${repA.user.name} prisijungė prie pokalbio.`,
      });

      const hidden = await as(repB)('GET', `/chat/conversations/${c.id}`);
      expect(hidden.statusCode).toBe(404);
      problem(hidden);
      expect(await ids(repB)).not.toContain(c.id);
      expect(
        (await as(repB)('POST', `/chat/conversations/${c.id}/messages`, { body: 'Labas' })).statusCode,
      ).toBe(404);
      expect((await as(repB)('POST', `/chat/conversations/${c.id}/close`)).statusCode).toBe(404);
      const all = async (s: Session) =>
        (await as(s)('GET', '/chat/conversations')).json().items.map((i: { id: string }) => i.id);
      expect(await all(manager)).toContain(c.id);
      expect(await all(admin)).toContain(c.id);
      expect((await as(manager)('GET', `/chat/conversations/${c.id}`)).statusCode).toBe(200);
    });

    it('join once: a second colleague gets 409, the same one joining again is fine', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      const rep = await t.signedIn('rep');
      const admin = await t.signedIn('admin');
      expect((await as(rep)('POST', `/chat/conversations/${c.id}/join`)).statusCode).toBe(200);
      const second = await as(admin)('POST', `/chat/conversations/${c.id}/join`);
      expect(second.statusCode).toBe(409);
      problem(second);
      const again = await as(rep)('POST', `/chat/conversations/${c.id}/join`);
      expect(again.statusCode).toBe(200);
      expect(again.json().messages.filter((m: { sender: string }) => m.sender === 'system')).toHaveLength(1);
    });

    it('answer only after joining and only the one who joined; the bot stops once someone has', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id, { language: 'en' });
      const rep = await t.signedIn('rep');
      const admin = await t.signedIn('admin');
      const early = await as(rep)('POST', `/chat/conversations/${c.id}/messages`, { body: 'Labas' });
      expect(early.statusCode).toBe(409);
      await as(rep)('POST', `/chat/conversations/${c.id}/join`);
      const sent = await as(rep)('POST', `/chat/conversations/${c.id}/messages`, {
        body: ' Good day!\r\nHow can I help? ',
      });
      expect(sent.statusCode, sent.body).toBe(201);
      expect(sent.json()).toMatchObject({
        seq: 4,
        sender: 'user',
        body: 'Good day!\nHow can I help?',
        authorName: rep.user.name,
      });
      expect(
        (await as(admin)('POST', `/chat/conversations/${c.id}/messages`, { body: 'Hi' })).statusCode,
      ).toBe(403);
      const tooLong = await as(rep)('POST', `/chat/conversations/${c.id}/messages`, {
        body: 'a'.repeat(2001),
      });
      expect(problem(tooLong).errors?.[0]).toMatchObject({ field: 'body', code: 'too_long' });
      const reply = await say(c, 'Ona');
      expect(reply.map((m) => m.sender)).toEqual(['visitor']);
      const polled = await visitor('GET', `/conversations/${c.id}/messages?after=3`, { token: c.token });
      expect(polled.json()).toMatchObject({ status: 'human', agentName: rep.user.name });
      expect(polled.json().messages.map((m: { seq: number }) => m.seq)).toEqual([4, 5]);
    });

    it('close a conversation: the transcript on the lead’s timeline is kept current and final', async () => {
      const { widget } = await newWidget();
      const c = await chatThrough(widget.id, uniqueEmail('ona'));
      const rep = await t.signedIn('rep');
      await as(rep)('POST', `/chat/conversations/${c.id}/join`);
      await as(rep)('POST', `/chat/conversations/${c.id}/messages`, {
        body: 'Hello Ona, let us talk about the roof.',
      });
      await say(c, 'Great, thanks!');
      const { lead_id: leadId } = await conversationRow(c.id);
      const admin = as(await t.signedIn('admin'));
      const chatEntry = async () =>
        (await admin('GET', `/leads/${leadId}/activities`))
          .json()
          .items.find((a: { type: string }) => a.type === 'chat') as {
          body: string;
          data: Record<string, unknown>;
          doneAt: string | null;
        };
      const live = await chatEntry();
      expect(live.body).toContain(`${rep.user.name}: Hello Ona, let us talk about the roof.`);
      expect(live.body.split('\n').at(-1)).toMatch(/^\d\d:\d\d Ona Petraitytė: Great, thanks!$/);
      expect(live.data).toMatchObject({ status: 'human', closedAt: null });

      const closed = await as(rep)('POST', `/chat/conversations/${c.id}/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json().conversation).toMatchObject({ status: 'closed', closedAt: expect.any(String) });
      const final = await chatEntry();
      expect(final.body.split('\n').at(-1)).toMatch(/The conversation has ended/);
      expect(final.data).toMatchObject({ status: 'closed', messageCount: 14 });
      expect(final.doneAt).toBeTruthy();
      const after = await visitor('POST', `/conversations/${c.id}/messages`, {
        token: c.token,
        payload: { body: 'Hello?' },
      });
      expect(after.statusCode).toBe(409);
      expect((await as(rep)('POST', `/chat/conversations/${c.id}/close`)).statusCode).toBe(409);
    });

    it('close one from the queue without joining: the closer still sees it, other reps do not', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      const rep = await t.signedIn('rep');
      const other = await t.signedIn('rep');
      const closed = await as(rep)('POST', `/chat/conversations/${c.id}/close`);
      expect(closed.statusCode, closed.body).toBe(200);
      expect(closed.json().conversation).toMatchObject({ status: 'closed', assignedUserId: null });
      expect((await conversationRow(c.id)).closed_by).toBe(rep.user.id);
      expect((await as(rep)('GET', `/chat/conversations/${c.id}`)).statusCode).toBe(200);
      const ids = async (s: Session) =>
        (await as(s)('GET', '/chat/conversations?status=closed&limit=200'))
          .json()
          .items.map((i: { id: string }) => i.id);
      expect(await ids(rep)).toContain(c.id);
      expect((await as(other)('GET', `/chat/conversations/${c.id}`)).statusCode).toBe(404);
      expect(await ids(other)).not.toContain(c.id);
    });

    it('a rep closing while another joins: the join comes first and the closer gets 404, or the close does — never both', async () => {
      const { widget } = await newWidget();
      const [a, b] = [await t.signedIn('rep'), await t.signedIn('rep')];
      for (let i = 0; i < 8; i++) {
        const c = await start(widget.id);
        const [joined, closed] = await Promise.all([
          as(a)('POST', `/chat/conversations/${c.id}/join`),
          as(b)('POST', `/chat/conversations/${c.id}/close`),
        ]);
        const outcome = [joined.statusCode, closed.statusCode];
        expect([
          [200, 404],
          [404, 200],
        ]).toContainEqual(outcome);
        const row = await conversationRow(c.id);
        if (joined.statusCode === 200)
          expect(row).toMatchObject({ status: 'human', assigned_user_id: a.user.id });
        else expect(row).toMatchObject({ status: 'closed', closed_by: b.user.id });
      }
    });

    it('joining before the bot is done still makes the lead from what the visitor said', async () => {
      const { widget } = await newWidget();
      const c = await start(widget.id);
      await say(c, 'Petras');
      await say(c, '+370 612 34567');
      const rep = await t.signedIn('rep');
      await as(rep)('POST', `/chat/conversations/${c.id}/join`);
      const row = await conversationRow(c.id);
      expect(row.lead_id).toBeTruthy();
      const phones = await t.deps.db
        .selectFrom('person_phones')
        .select('phone')
        .where('person_id', '=', row.person_id as string)
        .execute();
      expect(phones).toEqual([{ phone: '+37061234567' }]);
    });
  });

  it('documents every chat route in the OpenAPI document', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const documented = Object.entries(doc.paths as Record<string, object>).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    const chat = t.routes.filter((r) => r.includes('/chat')).map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(chat.length).toBeGreaterThanOrEqual(15);
    for (const route of chat) expect(documented, route).toContain(route);
  });
});
