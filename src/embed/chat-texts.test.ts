import { describe, expect, it } from 'vitest';
import { CHAT_TEXTS, chatText } from './chat-texts.js';

describe('the chat widget texts', () => {
  it('has every sentence in both languages, placeholders in both', () => {
    for (const text of Object.values(CHAT_TEXTS)) {
      expect(text.lt.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(text.lt.includes('{n}')).toBe(text.en.includes('{n}'));
      expect(text.lt.includes('{name}')).toBe(text.en.includes('{name}'));
    }
  });

  it('fills in numbers and names', () => {
    expect(chatText('withAgent', 'lt', { name: 'Ona' })).toBe('Kalbatės su Ona');
    expect(chatText('rateLimited', 'en', { n: 30 })).toBe('Too many messages — please try again in 30 s.');
  });

  it("prefers the widget's own wording, in the visitor's language or else the other", () => {
    expect(chatText('launcher', 'lt', {}, { launcher: { lt: 'Klauskite', en: 'Ask us' } })).toBe('Klauskite');
    expect(chatText('launcher', 'lt', {}, { launcher: { lt: '', en: 'Ask us' } })).toBe('Ask us');
    expect(chatText('launcher', 'en', {}, { launcher: { lt: '', en: '' } })).toBe('Chat with us');
  });
});
