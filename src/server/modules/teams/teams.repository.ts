import type { Scope } from '../../../domain/access/policy.js';
import type { Db } from '../../db/database.js';
import type { TeamDto } from './teams.schemas.js';

function teamQuery(db: Db) {
  return db
    .selectFrom('teams')
    .select(['teams.id', 'teams.name', 'teams.manager_id', 'teams.created_at', 'teams.updated_at'])
    .select((eb) =>
      eb
        .selectFrom('users')
        .select((u) => u.fn.countAll<number | string>().as('n'))
        .whereRef('users.team_id', '=', 'teams.id')
        .as('member_count'),
    );
}

type TeamRow = Awaited<ReturnType<ReturnType<typeof teamQuery>['executeTakeFirstOrThrow']>>;

function toTeam(r: TeamRow): TeamDto {
  return {
    id: r.id,
    name: r.name,
    managerId: r.manager_id,
    memberCount: Number(r.member_count ?? 0),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export async function listTeams(db: Db): Promise<TeamDto[]> {
  return (await teamQuery(db).orderBy('teams.name').execute()).map(toTeam);
}

/** Ids and names of the teams whose leads a scope covers (all for an admin or marketing), by name. */
export async function teamChoices(db: Db, scope: Scope): Promise<{ id: string; name: string }[]> {
  if (scope.kind === 'none' || (scope.kind === 'rows' && scope.teamIds.length === 0)) return [];
  let q = db.selectFrom('teams').select(['id', 'name']);
  if (scope.kind === 'rows') q = q.where('id', 'in', [...scope.teamIds]);
  return q.orderBy('name').execute();
}

export async function findTeam(db: Db, id: string): Promise<TeamDto | undefined> {
  const row = await teamQuery(db).where('teams.id', '=', id).executeTakeFirst();
  return row && toTeam(row);
}

export async function teamExists(db: Db, id: string): Promise<boolean> {
  return (await db.selectFrom('teams').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function findTeamIdByName(db: Db, name: string): Promise<string | undefined> {
  return (await db.selectFrom('teams').select('id').where('name', '=', name).executeTakeFirst())?.id;
}

export async function insertTeam(
  db: Db,
  team: { id: string; name: string; managerId: string | null; at: string },
): Promise<void> {
  await db
    .insertInto('teams')
    .values({
      id: team.id,
      name: team.name,
      manager_id: team.managerId,
      created_at: team.at,
      updated_at: team.at,
    })
    .execute();
}

export async function updateTeamRow(
  db: Db,
  id: string,
  changes: { name?: string; managerId?: string | null },
  at: string,
): Promise<void> {
  await db
    .updateTable('teams')
    .set({
      ...(changes.name !== undefined ? { name: changes.name } : {}),
      ...(changes.managerId !== undefined ? { manager_id: changes.managerId } : {}),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}
