import type { Grant, Role } from '../accounts/user.js';

/**
 * The one access policy of Piltuvas. Every list, detail, search, bulk action, export, report
 * and job asks it; nothing else decides who sees what.
 *
 * - admin: everything.
 * - manager: records owned by them or by anyone in a team they manage (or belong to).
 * - rep: records they own.
 * - marketer: marketing views — reads every lead, campaign and activity and edits leads; sees
 *   deals and customers but not deal amounts unless granted `deal_amounts`.
 * - campaigns are marketing's: everyone reads them, only marketers and admins change them.
 * Administration (users, teams, tokens, settings, audit) is for admins only.
 */
export interface Actor {
  id: string;
  role: Role;
  teamId: string | null;
  /** Teams where this user is the manager. */
  managedTeamIds: readonly string[];
  grants: readonly Grant[];
}

export const RECORD_RESOURCES = ['lead', 'deal', 'customer', 'activity', 'campaign', 'report'] as const;
export const ADMIN_RESOURCES = ['user', 'team', 'token', 'settings', 'audit'] as const;
export type RecordResource = (typeof RECORD_RESOURCES)[number];
export type AdminResource = (typeof ADMIN_RESOURCES)[number];
export type Resource = RecordResource | AdminResource;

export type Action = 'read' | 'create' | 'update' | 'delete' | 'assign' | 'export';

/** Who owns a record: enough for every row-level decision. */
export interface OwnedRecord {
  ownerId: string | null;
  teamId: string | null;
}

/** A row filter, turned into SQL by the repository layer (server/db/scope.ts). */
export type Scope =
  | { kind: 'all' }
  | { kind: 'none' }
  | { kind: 'rows'; ownerIds: readonly string[]; teamIds: readonly string[] };

const ALL: Scope = { kind: 'all' };
const NONE: Scope = { kind: 'none' };

/**
 * What marketing may do across the whole organisation, per resource: a setting, not a side
 * effect. Reassigning or deleting leads stays with sales (their owners, managers and admins).
 */
const MARKETING: Partial<Record<Resource, readonly Action[]>> = {
  lead: ['read', 'export', 'create', 'update'],
  campaign: ['read', 'export', 'create', 'update', 'delete'],
  activity: ['read', 'export', 'create', 'update'],
  deal: ['read', 'export'],
  customer: ['read', 'export'],
  report: ['read', 'export'],
};

function isAdminResource(resource: Resource): resource is AdminResource {
  return (ADMIN_RESOURCES as readonly string[]).includes(resource);
}

/** Teams whose records a manager oversees: the ones they manage plus their own. */
export function teamsOverseen(actor: Actor): string[] {
  const teams = new Set(actor.managedTeamIds);
  if (actor.teamId) teams.add(actor.teamId);
  return [...teams];
}

/**
 * The rows of `resource` the actor may `action`.
 * Example: a rep reading leads → `{ kind: 'rows', ownerIds: [rep.id], teamIds: [] }`.
 */
export function scopeFor(actor: Actor, resource: Resource, action: Action = 'read'): Scope {
  if (actor.role === 'admin') return ALL;
  if (isAdminResource(resource)) return NONE;
  switch (actor.role) {
    case 'marketer':
      return MARKETING[resource]?.includes(action) ? ALL : NONE;
    case 'manager':
    case 'rep':
      if (resource === 'campaign') return action === 'read' || action === 'export' ? ALL : NONE;
      return actor.role === 'manager'
        ? { kind: 'rows', ownerIds: [actor.id], teamIds: teamsOverseen(actor) }
        : { kind: 'rows', ownerIds: [actor.id], teamIds: [] };
  }
}

/** Whether a record falls inside a scope (the in-memory twin of the SQL filter). */
export function inScope(scope: Scope, record: OwnedRecord): boolean {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  if (record.ownerId !== null && scope.ownerIds.includes(record.ownerId)) return true;
  return record.teamId !== null && scope.teamIds.includes(record.teamId);
}

/**
 * May the actor do `action` on `resource` (on this record, when given)?
 * Example: `can(rep, 'read', 'lead', { ownerId: otherRep, teamId })` → false.
 */
export function can(actor: Actor, action: Action, resource: Resource, record?: OwnedRecord): boolean {
  const scope = scopeFor(actor, resource, action);
  if (!record) return scope.kind !== 'none';
  return inScope(scope, record);
}

/** Whether money on deals is shown to the actor (a marketer only with the `deal_amounts` grant). */
export function seesDealAmounts(actor: Actor): boolean {
  return actor.role !== 'marketer' || actor.grants.includes('deal_amounts');
}

/**
 * Scoring and routing settings (issue #5): admins and marketers change them, managers read them
 * (to understand their team's leads), reps neither.
 */
export function mayConfigure(actor: Actor, action: 'read' | 'change'): boolean {
  if (actor.role === 'admin' || actor.role === 'marketer') return true;
  return action === 'read' && actor.role === 'manager';
}
