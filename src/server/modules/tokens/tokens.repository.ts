import type { Selectable } from 'kysely';
import type { Db, UsersTable } from '../../db/database.js';
import type { TokenDto } from './tokens.schemas.js';

export async function findLiveToken(
  db: Db,
  tokenHash: string,
): Promise<{ tokenId: string; lastUsedAt: string | null; user: Selectable<UsersTable> } | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('users')
    .select(['api_tokens.id as token_id', 'api_tokens.last_used_at as token_last_used_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .where('api_tokens.revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const { token_id, token_last_used_at, ...user } = row;
  return { tokenId: token_id, lastUsedAt: token_last_used_at, user };
}

export async function touchToken(db: Db, id: string, now: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: now }).where('id', '=', id).execute();
}

export interface NewToken {
  id: string;
  userId: string;
  name: string;
  tokenHash: string;
  prefix: string;
  createdBy: string | null;
  createdAt: string;
}

export async function insertToken(db: Db, t: NewToken): Promise<void> {
  await db
    .insertInto('api_tokens')
    .values({
      id: t.id,
      user_id: t.userId,
      name: t.name,
      token_hash: t.tokenHash,
      prefix: t.prefix,
      created_by: t.createdBy,
      created_at: t.createdAt,
    })
    .execute();
}

function tokenQuery(db: Db) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .select([
      'api_tokens.id',
      'api_tokens.name',
      'api_tokens.user_id',
      'users.name as user_name',
      'api_tokens.prefix',
      'api_tokens.created_at',
      'api_tokens.last_used_at',
      'api_tokens.revoked_at',
    ]);
}

type TokenRow = Awaited<ReturnType<ReturnType<typeof tokenQuery>['executeTakeFirstOrThrow']>>;

function toToken(r: TokenRow): TokenDto {
  return {
    id: r.id,
    name: r.name,
    userId: r.user_id,
    userName: r.user_name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    revokedAt: r.revoked_at,
  };
}

export async function listTokens(db: Db): Promise<TokenDto[]> {
  const rows = await tokenQuery(db)
    .orderBy('api_tokens.created_at', 'desc')
    .orderBy('api_tokens.id', 'desc')
    .execute();
  return rows.map(toToken);
}

export async function findToken(db: Db, id: string): Promise<TokenDto | undefined> {
  const row = await tokenQuery(db).where('api_tokens.id', '=', id).executeTakeFirst();
  return row && toToken(row);
}

export async function revokeToken(db: Db, id: string, now: string): Promise<void> {
  await db
    .updateTable('api_tokens')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .execute();
}
