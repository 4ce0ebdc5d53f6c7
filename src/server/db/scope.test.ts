import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachDialect, freshDb, type TestDb } from '../../../test/dialects.js';
import { type Actor, inScope, type OwnedRecord, scopeFor } from '../../domain/access/policy.js';
import type { AppError } from '../../domain/errors/app-error.js';
import { assertVisible, scopeCondition } from './scope.js';

interface ProbeDb {
  scope_probe: { id: string; owner_id: string | null; team_id: string | null };
}

const admin: Actor = { id: 'a', role: 'admin', teamId: null, managedTeamIds: [], grants: [] };
const manager: Actor = { id: 'm', role: 'manager', teamId: 'north', managedTeamIds: ['south'], grants: [] };
const rep: Actor = { id: 'r', role: 'rep', teamId: 'north', managedTeamIds: [], grants: [] };
const marketer: Actor = { id: 'k', role: 'marketer', teamId: null, managedTeamIds: [], grants: [] };

const rows: (OwnedRecord & { id: string })[] = [
  { id: '1', ownerId: 'r', teamId: 'north' },
  { id: '2', ownerId: 'r2', teamId: 'north' },
  { id: '3', ownerId: 's1', teamId: 'south' },
  { id: '4', ownerId: 'w1', teamId: 'west' },
  { id: '5', ownerId: null, teamId: null },
  { id: '6', ownerId: 'm', teamId: 'west' },
];

describeEachDialect('access scope in SQL', (dialect) => {
  let db: TestDb;
  beforeAll(async () => {
    db = await freshDb(dialect);
    await sql`create table scope_probe (id text primary key, owner_id text, team_id text)`.execute(db.db);
    for (const r of rows) {
      await sql`insert into scope_probe (id, owner_id, team_id) values (${r.id}, ${r.ownerId}, ${r.teamId})`.execute(
        db.db,
      );
    }
  });
  afterAll(() => db.dispose());

  it.each([
    ['admin', admin],
    ['manager', manager],
    ['rep', rep],
    ['marketer', marketer],
  ])('returns exactly the rows the policy allows for the %s', async (_name, actor) => {
    const scope = scopeFor(actor, 'lead');
    const found = await (db.db as unknown as Kysely<ProbeDb>)
      .selectFrom('scope_probe')
      .select('id')
      .where((eb) =>
        scopeCondition(eb, scope, { owner: 'scope_probe.owner_id', team: 'scope_probe.team_id' }),
      )
      .orderBy('id')
      .execute();
    const expected = rows.filter((r) => inScope(scope, r)).map((r) => r.id);
    expect(found.map((r) => r.id)).toEqual(expected);
  });

  it('gives a manager their team, the team they manage and their own rows elsewhere', async () => {
    expect(rows.filter((r) => inScope(scopeFor(manager, 'deal'), r)).map((r) => r.id)).toEqual([
      '1',
      '2',
      '3',
      '6',
    ]);
  });
});

describe('assertVisible', () => {
  it('answers not found (never forbidden) for a record the actor may not see', () => {
    const other = { ownerId: 'someone', teamId: 'west' };
    expect(() => assertVisible(rep, 'lead', other)).toThrowError(
      expect.objectContaining({ code: 'not_found' }) as AppError,
    );
    expect(() => assertVisible(rep, 'lead', undefined)).toThrowError(
      expect.objectContaining({ code: 'not_found' }) as AppError,
    );
  });

  it('answers forbidden for a visible record the actor may not change', () => {
    const deal = { ownerId: 'w1', teamId: 'west' };
    expect(assertVisible(marketer, 'deal', deal)).toBe(deal);
    expect(() => assertVisible(marketer, 'deal', deal, 'update')).toThrowError(
      expect.objectContaining({ code: 'forbidden' }) as AppError,
    );
  });
});
