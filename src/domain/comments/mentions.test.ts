import { describe, expect, it } from 'vitest';
import { mentionedUserIds, plainText } from './mentions.js';

const ona = '01a21eeb-e9ce-727c-9a55-72967f83dde8';
const jonas = '01a21eeb-f373-75b5-9f08-2b1868b0dee8';

describe('mentions', () => {
  it('finds each mentioned colleague once, in order, and only by id', () => {
    const text = `@[Ona Petraitė](${ona}) ir @[Jonas](${jonas.toUpperCase()}), žr. pasiūlymą. @[Ona](${ona}) — ačiū! el. paštas ona@example.lt, @Jonas`;
    expect(mentionedUserIds(text)).toEqual([ona, jonas]);
    expect(mentionedUserIds('be paminėjimų')).toEqual([]);
    expect(mentionedUserIds('@[Ona](ne-id)')).toEqual([]);
  });

  it('reads as plain text with the names', () => {
    expect(plainText(`Sveika, @[Ona Petraitė](${ona})!`)).toBe('Sveika, @Ona Petraitė!');
  });
});
