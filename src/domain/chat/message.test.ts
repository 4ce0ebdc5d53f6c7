import { describe, expect, it } from 'vitest';
import { cleanMessage, MAX_MESSAGE_LENGTH, messageProblem } from './message.js';
import { transcriptText } from './transcript.js';

describe('chat messages', () => {
  it.each([
    ['Labas!', null],
    ['Eilutė\nkita eilutė\tir tabuliacija', null],
    ['ą'.repeat(MAX_MESSAGE_LENGTH), null],
    ['😀'.repeat(MAX_MESSAGE_LENGTH), null],
    ['', 'required'],
    [' \n\t ', 'required'],
    ['a'.repeat(MAX_MESSAGE_LENGTH + 1), 'too_long'],
    ['bell\u0007', 'invalid_format'],
    ['nul\u0000', 'invalid_format'],
  ])('%j → %s', (body, problem) => {
    expect(messageProblem(body)).toBe(problem);
  });

  it('keeps line breaks as \\n and trims the outer blank space', () => {
    expect(cleanMessage('  a\r\nb\rc \n')).toBe('a\nb\nc');
  });
});

describe('a chat transcript', () => {
  const messages = [
    { sender: 'bot', body: 'Kaip jus vadinti?', createdAt: '2026-11-27T12:05:00.000Z', authorName: null },
    { sender: 'visitor', body: 'Ona', createdAt: '2026-11-27T12:05:30.000Z', authorName: null },
    {
      sender: 'system',
      body: 'Jonas prisijungė prie pokalbio.',
      createdAt: '2026-11-27T12:07:00.000Z',
      authorName: null,
    },
    {
      sender: 'user',
      body: 'Laba diena!\nKuo galiu padėti?',
      createdAt: '2026-11-27T12:07:10.000Z',
      authorName: 'Jonas',
    },
  ] as const;

  it.each([
    [
      'lt',
      'Europe/Vilnius',
      'Ona Petraitytė',
      '14:05 Asistentas: Kaip jus vadinti?\n14:05 Ona Petraitytė: Ona\n14:07 Jonas prisijungė prie pokalbio.\n14:07 Jonas: Laba diena!\nKuo galiu padėti?',
    ],
    [
      'en',
      'UTC',
      null,
      '12:05 Assistant: Kaip jus vadinti?\n12:05 Visitor: Ona\n12:07 Jonas prisijungė prie pokalbio.\n12:07 Jonas: Laba diena!\nKuo galiu padėti?',
    ],
  ] as const)('reads as lines in %s (%s)', (lang, timeZone, visitorName, expected) => {
    expect(transcriptText(messages, { lang, timeZone, visitorName })).toBe(expected);
  });
});
