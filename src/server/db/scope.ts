import type { Expression, ExpressionBuilder, SqlBool } from 'kysely';
import { sql } from 'kysely';
import {
  type Action,
  type Actor,
  can,
  type OwnedRecord,
  type Resource,
  type Scope,
  scopeFor,
} from '../../domain/access/policy.js';
import { AppError } from '../../domain/errors/app-error.js';

/** Column references of the owner and team of a scoped table, e.g. `{ owner: 'leads.owner_id', team: 'leads.team_id' }`. */
export interface ScopeColumns {
  owner: string;
  team: string;
}

/**
 * The SQL twin of `inScope`: a WHERE condition limiting rows to what the policy allows.
 * Use it in every list, search, bulk action, export and report:
 * `query.where((eb) => scopeCondition(eb, scopeFor(actor, 'lead'), cols))`.
 */
export function scopeCondition<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  scope: Scope,
  columns: ScopeColumns,
): Expression<SqlBool> {
  if (scope.kind === 'all') return sql<SqlBool>`1 = 1`;
  if (scope.kind === 'none') return sql<SqlBool>`1 = 0`;
  const parts: Expression<SqlBool>[] = [];
  if (scope.ownerIds.length)
    parts.push(sql<SqlBool>`${sql.ref(columns.owner)} in (${sql.join(scope.ownerIds)})`);
  if (scope.teamIds.length)
    parts.push(sql<SqlBool>`${sql.ref(columns.team)} in (${sql.join(scope.teamIds)})`);
  return parts.length ? eb.or(parts) : sql<SqlBool>`1 = 0`;
}

/** Shortcut for the common case: the actor's read scope on a resource. */
export function readScope<DB, TB extends keyof DB>(
  eb: ExpressionBuilder<DB, TB>,
  actor: Actor,
  resource: Resource,
  columns: ScopeColumns,
  action: Action = 'read',
): Expression<SqlBool> {
  return scopeCondition(eb, scopeFor(actor, resource, action), columns);
}

/**
 * Loads-then-checks for one record: a record the actor may not see is reported exactly like one
 * that does not exist (404), so ids cannot be probed.
 */
export function assertVisible<T extends OwnedRecord>(
  actor: Actor,
  resource: Resource,
  record: T | undefined,
  action: Action = 'read',
): T {
  if (!record || !can(actor, 'read', resource, record))
    throw new AppError('not_found', `No such ${resource}`);
  if (action !== 'read' && !can(actor, action, resource, record)) {
    throw new AppError('forbidden', `You may not ${action} this ${resource}`);
  }
  return record;
}
