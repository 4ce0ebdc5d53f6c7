import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Action,
  type Actor,
  can,
  inScope,
  type OwnedRecord,
  type Resource,
  scopeFor,
  seesDealAmounts,
} from './policy.js';

const admin: Actor = { id: 'a', role: 'admin', teamId: null, managedTeamIds: [], grants: [] };
const manager: Actor = { id: 'm', role: 'manager', teamId: 'north', managedTeamIds: ['south'], grants: [] };
const rep: Actor = { id: 'r', role: 'rep', teamId: 'north', managedTeamIds: [], grants: [] };
const marketer: Actor = { id: 'k', role: 'marketer', teamId: null, managedTeamIds: [], grants: [] };

const own = { ownerId: 'r', teamId: 'north' };
const colleague = { ownerId: 'r2', teamId: 'north' };
const southRecord = { ownerId: 's1', teamId: 'south' };
const otherTeam = { ownerId: 'w1', teamId: 'west' };
const unassigned: OwnedRecord = { ownerId: null, teamId: null };

describe('access policy', () => {
  it.each<[string, Actor, Action, Resource, OwnedRecord, boolean]>([
    ['an admin reads any lead', admin, 'read', 'lead', otherTeam, true],
    ['a rep reads their own lead', rep, 'read', 'lead', own, true],
    ["a rep cannot read a teammate's lead", rep, 'read', 'lead', colleague, false],
    ['a rep cannot read an unassigned lead', rep, 'read', 'lead', unassigned, false],
    ["a rep cannot export another team's deal", rep, 'export', 'deal', otherTeam, false],
    ["a manager reads their own team's lead", manager, 'read', 'lead', colleague, true],
    ['a manager reads a lead of a team they manage', manager, 'update', 'lead', southRecord, true],
    ["a manager cannot read another team's lead", manager, 'read', 'lead', otherTeam, false],
    ['a marketer reads any lead', marketer, 'read', 'lead', otherTeam, true],
    ['a marketer edits any lead', marketer, 'update', 'lead', otherTeam, true],
    ['a marketer reads deals', marketer, 'read', 'deal', otherTeam, true],
    ['a marketer cannot edit deals', marketer, 'update', 'deal', otherTeam, false],
    ['a marketer cannot delete customers', marketer, 'delete', 'customer', otherTeam, false],
    ['a marketer cannot delete leads', marketer, 'delete', 'lead', otherTeam, false],
    ['a marketer cannot reassign leads', marketer, 'assign', 'lead', otherTeam, false],
    ['a marketer manages campaigns', marketer, 'delete', 'campaign', otherTeam, true],
    ['a rep reads every campaign', rep, 'read', 'campaign', otherTeam, true],
    ['a rep cannot change even their own campaign', rep, 'update', 'campaign', own, false],
    ['a manager cannot create campaigns', manager, 'create', 'campaign', colleague, false],
  ])('%s', (_name, actor, action, resource, record, expected) => {
    expect(can(actor, action, resource, record)).toBe(expected);
  });

  it.each<[Actor, boolean]>([
    [admin, true],
    [manager, false],
    [rep, false],
    [marketer, false],
  ])('administration is for admins only (%o)', (actor, expected) => {
    for (const resource of ['user', 'team', 'token', 'settings', 'audit'] as const) {
      expect(can(actor, 'read', resource)).toBe(expected);
      expect(scopeFor(actor, resource).kind === 'all').toBe(expected);
    }
  });

  it('gives a rep a scope of their own rows only', () => {
    expect(scopeFor(rep, 'lead')).toEqual({ kind: 'rows', ownerIds: ['r'], teamIds: [] });
  });

  it('gives a manager their own rows plus every team they manage or belong to', () => {
    const scope = scopeFor(manager, 'deal');
    expect(scope.kind).toBe('rows');
    if (scope.kind === 'rows') {
      expect(scope.ownerIds).toEqual(['m']);
      expect([...scope.teamIds].sort()).toEqual(['north', 'south']);
    }
  });

  it('hides deal amounts from marketers unless granted', () => {
    expect(seesDealAmounts(marketer)).toBe(false);
    expect(seesDealAmounts({ ...marketer, grants: ['deal_amounts'] })).toBe(true);
    expect(seesDealAmounts(rep)).toBe(true);
  });

  it('never lets a rep see a record owned by someone else, whatever its team', () => {
    fc.assert(
      fc.property(fc.string(), fc.option(fc.string(), { nil: null }), (ownerId, teamId) => {
        fc.pre(ownerId !== rep.id);
        expect(can(rep, 'read', 'lead', { ownerId, teamId })).toBe(false);
      }),
    );
  });

  it('agrees between can() and inScope(scopeFor()) for every actor and record', () => {
    const actors = fc.constantFrom(admin, manager, rep, marketer);
    const ids = fc.constantFrom('a', 'm', 'r', 'r2', 's1', 'w1', 'k');
    const teams = fc.option(fc.constantFrom('north', 'south', 'west'), { nil: null });
    fc.assert(
      fc.property(actors, fc.option(ids, { nil: null }), teams, (actor, ownerId, teamId) => {
        const record = { ownerId, teamId };
        expect(can(actor, 'read', 'lead', record)).toBe(inScope(scopeFor(actor, 'lead'), record));
      }),
    );
  });
});
