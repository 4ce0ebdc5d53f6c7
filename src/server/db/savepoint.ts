import { sql } from 'kysely';
import type { Db } from './database.js';

/**
 * Runs `work` inside a savepoint of the caller's transaction: when it throws, what it wrote is
 * undone and the transaction stays usable (on PostgreSQL a failed statement would otherwise
 * doom the whole transaction). `name` is a fixed identifier such as `chat_capture`.
 */
export async function withSavepoint<T>(trx: Db, name: string, work: () => Promise<T>): Promise<T> {
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Not a savepoint name: ${name}`);
  const id = sql.raw(name);
  await sql`savepoint ${id}`.execute(trx);
  let result: T;
  try {
    result = await work();
  } catch (error) {
    await sql`rollback to savepoint ${id}`.execute(trx);
    await sql`release savepoint ${id}`.execute(trx);
    throw error;
  }
  await sql`release savepoint ${id}`.execute(trx);
  return result;
}
