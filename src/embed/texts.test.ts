import { describe, expect, it } from 'vitest';
import { chooseLanguage, linkParts, MESSAGES, message, pick } from './texts.js';

describe('the form language', () => {
  it.each([
    [['en', 'lt'], 'lt', 'lt', 'en'],
    [[null, 'EN-GB'], 'lt', 'lt', 'en'],
    [['de', undefined], 'lt-LT', 'en', 'lt'],
    [[null, null], 'en-US', 'lt', 'en'],
    [[null, null], 'lv', 'lt', 'lt'],
    [[null, null], 'ltx', 'en', 'en'],
    [[null, null], '', 'en', 'en'],
  ] as const)('data-lang %j on a page in %j with default %j → %j', (dataLangs, pageLang, fallback, lang) => {
    expect(chooseLanguage([...dataLangs], pageLang, fallback)).toBe(lang);
  });
});

describe('texts', () => {
  it('falls back to the other language when a form left one empty', () => {
    expect(pick({ lt: '', en: 'Thank you' }, 'lt')).toBe('Thank you');
    expect(pick({ lt: 'Ačiū', en: 'Thank you' }, 'lt')).toBe('Ačiū');
  });

  it('has every message in both languages, numbers where they belong', () => {
    for (const text of Object.values(MESSAGES)) {
      expect(text.lt.trim()).not.toBe('');
      expect(text.en.trim()).not.toBe('');
      expect(text.lt.includes('{n}')).toBe(text.en.includes('{n}'));
    }
    expect(message('rateLimited', 'en', 30)).toBe('Too many submissions right now — retrying in 30 s.');
    expect(message('network', 'lt', 5)).toContain('po 5 s.');
  });

  it('cuts http(s) addresses out of a text as links, punctuation left outside', () => {
    expect(linkParts('Sutinku su taisyklėmis (https://uab.lt/privatumas). Ačiū')).toEqual([
      { text: 'Sutinku su taisyklėmis (' },
      { text: 'https://uab.lt/privatumas', href: 'https://uab.lt/privatumas' },
      { text: '). Ačiū' },
    ]);
  });

  it('never makes a link of anything but http(s)', () => {
    const text = 'javascript:alert(1) <a href="x">x</a> data:text/html,hi';
    expect(linkParts(text)).toEqual([{ text }]);
    expect(linkParts('')).toEqual([]);
  });
});
