import { describe, expect, it } from 'vitest';
import type { ConversationDto } from '../../lib/api';
import {
  mayJoin,
  mayReply,
  newWidgetValues,
  sortConversations,
  toWidgetBody,
  widgetValuesOf,
} from './chat-view';

const conversation = (
  id: string,
  status: ConversationDto['status'],
  lastMessageAt: string,
): ConversationDto => ({
  id,
  widgetId: 'w1',
  widgetName: 'Site chat',
  status,
  visitorName: null,
  assignedUserName: null,
  lastMessage: null,
  assignedUserId: null,
  leadId: null,
  personId: null,
  language: 'lt',
  startedAt: lastMessageAt,
  lastMessageAt,
  closedAt: null,
  captureError: null,
});

describe('the conversation queue', () => {
  it('lists waiting visitors first, then ongoing, the bot’s and closed ones, newest first within each', () => {
    const sorted = sortConversations([
      conversation('bot-new', 'bot', '2026-11-27T10:05:00Z'),
      conversation('closed', 'closed', '2026-11-27T10:09:00Z'),
      conversation('waiting-old', 'waiting', '2026-11-27T09:00:00Z'),
      conversation('human', 'human', '2026-11-27T10:01:00Z'),
      conversation('waiting-new', 'waiting', '2026-11-27T10:00:00Z'),
      conversation('bot-old', 'bot', '2026-11-27T08:00:00Z'),
    ]);
    expect(sorted.map((c) => c.id)).toEqual([
      'waiting-new',
      'waiting-old',
      'human',
      'bot-new',
      'bot-old',
      'closed',
    ]);
  });

  it.each([
    ['bot', null, true, false],
    ['waiting', null, true, false],
    ['human', 'me', false, true],
    ['human', 'other', false, false],
    ['closed', 'me', false, false],
    ['closed', null, false, false],
  ] as const)(
    'a %s conversation joined by %s: may join %s, may reply %s',
    (status, assignee, join, reply) => {
      const c = { status, assignedUserId: assignee };
      expect(mayJoin(c)).toBe(join);
      expect(mayReply(c, 'me')).toBe(reply);
    },
  );
});

describe('the widget editor', () => {
  it('sends no greeting when both are empty, and origins as origins, once each', () => {
    const body = toWidgetBody({
      ...newWidgetValues(),
      name: '  Site chat ',
      allowedOrigins: ['https://uab.lt/kontaktai', 'https://uab.lt', ' http://localhost:8080 '],
    });
    expect(body).toEqual({
      name: 'Site chat',
      status: 'active',
      greeting: null,
      questions: null,
      allowedOrigins: ['https://uab.lt', 'http://localhost:8080'],
      sourceId: null,
      campaignId: null,
      ownerId: null,
      maxPerMinute: 60,
    });
    expect(toWidgetBody({ ...newWidgetValues(), maxPerMinute: '' }).maxPerMinute).toBe(60);
    expect(toWidgetBody({ ...newWidgetValues(), greetingEn: ' Hi! ' }).greeting).toEqual({
      lt: '',
      en: 'Hi!',
    });
    const questions = { ...newWidgetValues().questions, askName: { lt: ' Kuo vardu? ', en: '' } };
    expect(toWidgetBody({ ...newWidgetValues(), questions }).questions).toEqual({
      askName: { lt: 'Kuo vardu?', en: '' },
    });
  });

  it('reads a saved widget back into the same inputs', () => {
    const values = {
      ...newWidgetValues(),
      name: 'Chat',
      greetingLt: 'Sveiki!',
      greetingEn: 'Hello!',
      questions: { ...newWidgetValues().questions, done: { lt: 'Ačiū, {name}!', en: 'Thanks, {name}!' } },
      allowedOrigins: ['https://uab.lt'],
      ownerId: 'u1',
      maxPerMinute: 15,
    };
    const saved = {
      ...toWidgetBody(values),
      id: 'w1',
      version: 2,
      embed: { script: '' },
      createdAt: '',
      updatedAt: '',
    };
    expect(widgetValuesOf(saved)).toEqual(values);
  });
});
