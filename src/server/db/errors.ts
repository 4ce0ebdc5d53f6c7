/**
 * True when a write broke a unique index, on either database (SQLite's SQLITE_CONSTRAINT_UNIQUE
 * or PostgreSQL's 23505). Services turn it into a 409 naming the field: the check before the
 * insert gives the nice message, this catches the race between two writers.
 */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === '23505';
}
