import { invalidField } from '../../domain/errors/app-error.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A keyset cursor: base64url of the sort key of the last row seen, parts joined by `|`. */
export function encodeCursor(...parts: string[]): string {
  return Buffer.from(parts.join('|')).toString('base64url');
}

/** The (time, id) of a list cursor (campaigns, audit log, timelines); a cursor from anywhere else is refused naming `cursor`. */
export function decodeTimeCursor(cursor: string): { at: string; id: string } {
  const [at, id, ...rest] = Buffer.from(cursor, 'base64url').toString('utf8').split('|');
  if (!at || !id || rest.length > 0 || Number.isNaN(Date.parse(at)) || !UUID.test(id)) {
    throw invalidField('cursor', 'bad_cursor');
  }
  return { at, id };
}

/** The person id of a member list cursor. */
export function decodeIdCursor(cursor: string): string {
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!UUID.test(id)) throw invalidField('cursor', 'bad_cursor');
  return id;
}
