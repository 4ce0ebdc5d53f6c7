import { describe, expect, it } from 'vitest';
import {
  type ChatMessage,
  currentQuickReplies,
  forgetConversation,
  lastSeq,
  mergeMessages,
  outgoingBody,
  parseMessage,
  parseMessages,
  readConversation,
  touchBody,
  unreadCount,
  writeConversation,
} from './chat-state.js';
import { memoryStore } from './storage.js';

const at = '2026-11-27T10:00:00.000Z';
const msg = (seq: number, sender: ChatMessage['sender'] = 'bot', extra: Partial<ChatMessage> = {}) => ({
  seq,
  sender,
  body: `m${seq}`,
  createdAt: at,
  ...extra,
});

describe('messages from the server', () => {
  it.each([
    [{ seq: 1, sender: 'bot', body: 'Labas', createdAt: at }, true],
    [{ seq: 0, sender: 'system', body: '', createdAt: at }, true],
    [{ seq: 1.5, sender: 'bot', body: 'x', createdAt: at }, false],
    [{ seq: -1, sender: 'bot', body: 'x', createdAt: at }, false],
    [{ seq: '1', sender: 'bot', body: 'x', createdAt: at }, false],
    [{ seq: 1, sender: 'admin', body: 'x', createdAt: at }, false],
    [{ seq: 1, sender: 'bot', body: 7, createdAt: at }, false],
    [null, false],
    ['<b>hi</b>', false],
  ])('%j is kept: %s', (raw, kept) => {
    expect(parseMessage(raw) !== null).toBe(kept);
  });

  it('keeps a quick reply only with a value and a label, and an author name when given', () => {
    const message = parseMessage({
      ...msg(3),
      authorName: ' Ona ',
      quickReplies: [{ value: 'now', label: 'Now' }, { value: '', label: 'Empty' }, 'junk', { value: 'x' }],
    });
    expect(message).toEqual({ ...msg(3), authorName: 'Ona', quickReplies: [{ value: 'now', label: 'Now' }] });
    expect(parseMessage({ ...msg(4), quickReplies: [] })).toEqual(msg(4));
  });

  it('reads the messages of an answer, leaving malformed ones out', () => {
    expect(parseMessages({ messages: [msg(1), { seq: 'x' }, msg(2, 'visitor')] })).toEqual([
      msg(1),
      msg(2, 'visitor'),
    ]);
    expect(parseMessages({})).toEqual([]);
    expect(parseMessages(null)).toEqual([]);
  });

  it('cuts a body longer than the server keeps', () => {
    expect(parseMessage({ ...msg(1), body: 'a'.repeat(2500) })?.body).toHaveLength(2000);
  });
});

describe('the conversation on screen', () => {
  it('merges messages once each, in seq order, the newer copy winning', () => {
    const merged = mergeMessages([msg(1), msg(3)], [msg(2), { ...msg(3), body: 'again' }]);
    expect(merged.map((m) => [m.seq, m.body])).toEqual([
      [1, 'm1'],
      [2, 'm2'],
      [3, 'again'],
    ]);
    expect(lastSeq(merged)).toBe(3);
    expect(lastSeq([])).toBe(0);
  });

  it("offers the bot's quick replies only while the bot leads and its message is the latest", () => {
    const replies = [{ value: 'soon', label: 'Soon' }];
    const asked = [msg(1, 'visitor'), msg(2, 'bot', { quickReplies: replies })];
    expect(currentQuickReplies(asked, 'bot')).toEqual(replies);
    expect(currentQuickReplies(asked, 'human')).toEqual([]);
    expect(currentQuickReplies([...asked, msg(3, 'visitor')], 'bot')).toEqual([]);
    expect(currentQuickReplies([], 'bot')).toEqual([]);
  });

  it("counts the team's messages after the last one seen as unread", () => {
    const list = [msg(1, 'bot'), msg(2, 'user'), msg(3, 'system'), msg(4, 'user'), msg(5, 'visitor')];
    expect(unreadCount(list, 0)).toBe(2);
    expect(unreadCount(list, 2)).toBe(1);
    expect(unreadCount(list, 5)).toBe(0);
  });

  it('sends what was typed, trimmed, and nothing for blank input', () => {
    expect(outgoingBody('  Labas \n')).toBe('Labas');
    expect(outgoingBody(' \n ')).toBeNull();
    expect(outgoingBody('x'.repeat(2100))).toHaveLength(2000);
  });
});

describe('the remembered conversation', () => {
  it('is written, read back and forgotten per widget', () => {
    const store = memoryStore();
    writeConversation(store, 'w1', { id: 'c-1', token: 'tok_EN-1', open: true });
    expect(readConversation(store, 'w1')).toEqual({ id: 'c-1', token: 'tok_EN-1', open: true });
    expect(readConversation(store, 'w2')).toBeNull();
    forgetConversation(store, 'w1');
    expect(readConversation(store, 'w1')).toBeNull();
  });

  it.each([
    ['not json'],
    ['null'],
    ['[]'],
    ['{"id":"c-1"}'],
    ['{"id":"c 1","token":"t"}'],
    ['{"id":"c-1","token":"<script>"}'],
  ])('a corrupt record %s is ignored', (json) => {
    expect(readConversation(memoryStore({ 'piltuvas.chat.w1': json }), 'w1')).toBeNull();
  });
});

describe('the touch a conversation carries', () => {
  it('keeps the campaign keys and renames the landing page', () => {
    expect(
      touchBody({
        utm_source: 'google',
        utm_medium: 'cpc',
        gclid: 'g1',
        referrer: 'https://www.google.com/',
        landing_page: 'https://uab.lt/?utm_source=google',
        at,
      }),
    ).toEqual({
      utm_source: 'google',
      utm_medium: 'cpc',
      gclid: 'g1',
      referrer: 'https://www.google.com/',
      landingPage: 'https://uab.lt/?utm_source=google',
    });
    expect(touchBody({ landing_page: '', at })).toEqual({});
  });
});
