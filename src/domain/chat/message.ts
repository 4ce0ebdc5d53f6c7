import type { FieldErrorCode } from '../errors/app-error.js';

/** The longest chat message kept, in characters (a visitor's and a colleague's alike). */
export const MAX_MESSAGE_LENGTH = 2000;

/** Control characters other than tab and line breaks: never part of plain text someone typed. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point.
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/**
 * Why a chat message cannot be kept, or null when it can: blank → `required`, past 2,000
 * characters → `too_long`, control characters → `invalid_format`.
 * `messageProblem('  ')` → 'required'; `messageProblem('Labas!')` → null.
 */
export function messageProblem(body: string): FieldErrorCode | null {
  if (body.trim() === '') return 'required';
  if ([...body].length > MAX_MESSAGE_LENGTH) return 'too_long';
  if (CONTROL.test(body)) return 'invalid_format';
  return null;
}

/** A message as kept: line breaks as `\n`, outer blank space trimmed. `cleanMessage(' a\r\nb ')` → 'a\nb'. */
export function cleanMessage(body: string): string {
  return body.replace(/\r\n?/g, '\n').trim();
}
