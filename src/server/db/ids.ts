import { v7 as uuidv7 } from 'uuid';

/** Application-generated ids: UUIDv7, so they sort by creation time on both databases. */
export function newId(): string {
  return uuidv7();
}
