import type { Selectable } from 'kysely';
import type { Grant, Locale, Role, User } from '../../../domain/accounts/user.js';
import type { Db, UsersTable } from '../../db/database.js';

type UserRow = Selectable<UsersTable>;

export function toUser(row: UserRow): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    teamId: row.team_id,
    locale: row.locale as Locale | null,
    timeZone: row.time_zone,
    active: Boolean(row.active),
    outOfOfficeFrom: row.out_of_office_from,
    outOfOfficeUntil: row.out_of_office_until,
    capacity: row.capacity === null || row.capacity === undefined ? null : Number(row.capacity),
    grants: JSON.parse(row.grants) as Grant[],
    lastLoginAt: row.last_login_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Domain fields → columns, for inserts and partial updates. */
export function toUserColumns(user: Partial<User>): Partial<UserRow> {
  const row: Partial<UserRow> = {};
  if (user.email !== undefined) row.email = user.email;
  if (user.name !== undefined) row.name = user.name;
  if (user.role !== undefined) row.role = user.role;
  if (user.teamId !== undefined) row.team_id = user.teamId;
  if (user.locale !== undefined) row.locale = user.locale;
  if (user.timeZone !== undefined) row.time_zone = user.timeZone;
  if (user.active !== undefined) row.active = user.active ? 1 : 0;
  if (user.outOfOfficeFrom !== undefined) row.out_of_office_from = user.outOfOfficeFrom;
  if (user.outOfOfficeUntil !== undefined) row.out_of_office_until = user.outOfOfficeUntil;
  if (user.capacity !== undefined) row.capacity = user.capacity;
  if (user.grants !== undefined) row.grants = JSON.stringify(user.grants);
  if (user.lastLoginAt !== undefined) row.last_login_at = user.lastLoginAt;
  if (user.updatedAt !== undefined) row.updated_at = user.updatedAt;
  return row;
}

export async function findUserById(db: Db, id: string): Promise<User | undefined> {
  const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toUser(row);
}

/** The user and their password hash, for logins. */
export async function findCredentials(
  db: Db,
  email: string,
): Promise<{ user: User; passwordHash: string } | undefined> {
  const row = await db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
  return row && { user: toUser(row), passwordHash: row.password_hash };
}

export async function findUserIdByEmail(db: Db, email: string): Promise<string | undefined> {
  const row = await db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirst();
  return row?.id;
}

export async function listUsers(db: Db): Promise<User[]> {
  const rows = await db.selectFrom('users').selectAll().orderBy('name').orderBy('id').execute();
  return rows.map(toUser);
}

export async function countUsers(db: Db): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ids of the active admins; with `lock` (PostgreSQL) the rows stay locked until the transaction ends. */
export async function lockActiveAdmins(db: Db, lock: boolean): Promise<string[]> {
  let query = db.selectFrom('users').select('id').where('role', '=', 'admin').where('active', '=', 1);
  if (lock) query = query.forUpdate();
  return (await query.execute()).map((r) => r.id);
}

export async function insertUser(db: Db, user: User, passwordHash: string): Promise<void> {
  await db
    .insertInto('users')
    .values({
      ...(toUserColumns(user) as UserRow),
      id: user.id,
      password_hash: passwordHash,
      created_at: user.createdAt,
    })
    .execute();
}

export async function updateUser(db: Db, id: string, changes: Partial<User>): Promise<void> {
  await db.updateTable('users').set(toUserColumns(changes)).where('id', '=', id).execute();
}

export async function setPasswordHash(db: Db, id: string, passwordHash: string, now: string): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash, updated_at: now })
    .where('id', '=', id)
    .execute();
}

/** Teams this user manages: part of the access policy's actor. */
export async function managedTeamIds(db: Db, userId: string): Promise<string[]> {
  const rows = await db.selectFrom('teams').select('id').where('manager_id', '=', userId).execute();
  return rows.map((r) => r.id);
}
