import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type Candidate,
  leastLoaded,
  nextInTurn,
  type RuleState,
  route,
  skipReason,
  tieKey,
  weightedPick,
} from './route.js';
import { type RoutingRule, routingRuleErrors } from './rules.js';

const TODAY = '2026-11-27';
const ids = (n: number) => Array.from({ length: n }, (_, i) => `0190000${i}-0000-7000-8000-000000000000`);
const leadIds = fc.array(fc.uuid(), { minLength: 1, maxLength: 300 });

function person(userId: string, over: Partial<Candidate> = {}): Candidate {
  return {
    userId,
    active: true,
    awayFrom: null,
    awayUntil: null,
    today: TODAY,
    capacity: null,
    openLeads: 0,
    ...over,
  };
}

function rule(over: Partial<RoutingRule> = {}): RoutingRule {
  return {
    id: 'r1',
    name: 'Visi',
    active: true,
    conditions: [],
    teamId: null,
    userIds: ids(3),
    strategy: 'round_robin',
    weights: {},
    ...over,
  };
}

/** Routes a sequence of leads through one rule, carrying its state, → who got each. */
function simulate(r: RoutingRule, people: Candidate[], leads: readonly string[]): string[] {
  let state: RuleState = { lastUserId: null, currents: {} };
  const byId = new Map(people.map((p) => [p.userId, p]));
  const out: string[] = [];
  for (const leadId of leads) {
    const d = route({
      leadId,

      fields: {},
      rules: [r],
      people: byId,
      teams: new Map(),
      states: new Map([[r.id, state]]),
      returningOwnerId: null,
    });
    if (d.userId) out.push(d.userId);
    state = d.state ?? state;
    const p = d.userId ? byId.get(d.userId) : undefined;
    if (p) p.openLeads++;
  }
  return out;
}

describe('round robin', () => {
  it('over N people never differs by more than 1 over any prefix (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9 }), leadIds, (n, leads) => {
        const team = ids(n);
        const got = simulate(
          rule({ userIds: team }),
          team.map((id) => person(id)),
          leads,
        );
        const counts = new Map(team.map((id) => [id, 0]));
        for (const id of got) {
          counts.set(id, (counts.get(id) ?? 0) + 1);
          const values = [...counts.values()];
          expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        }
      }),
    );
  });

  it('does not give the first turn to the oldest account', () => {
    const team = ids(5);
    const firsts = new Map(team.map((id) => [id, 0]));
    for (let i = 0; i < 5000; i++) {
      const first = nextInTurn(team, null, `lead-${i}`) as string;
      firsts.set(first, (firsts.get(first) ?? 0) + 1);
    }
    for (const count of firsts.values()) expect(count).toBeGreaterThan(850);
  });
});

describe('weighted', () => {
  it('honours the weights within one lead per cycle (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 10 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 20 }),
        (weights, cycles) => {
          const team = ids(weights.length);
          const total = weights.reduce((a, b) => a + b, 0);
          const leads = Array.from({ length: total * cycles }, (_, i) => `lead-${i}`);
          const got = simulate(
            rule({
              userIds: team,
              strategy: 'weighted',
              weights: Object.fromEntries(team.map((id, i) => [id, weights[i] as number])),
            }),
            team.map((id) => person(id)),
            leads,
          );
          for (const [i, id] of team.entries()) {
            const count = got.filter((g) => g === id).length;
            expect(Math.abs(count - (weights[i] as number) * cycles)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });

  it('never picks a weight of 0', () => {
    const picked = weightedPick(
      [
        { userId: 'a', weight: 0 },
        { userId: 'b', weight: 3 },
      ],
      {},
      'l',
    );
    expect(picked?.userId).toBe('b');
    expect(weightedPick([{ userId: 'a', weight: 0 }], {}, 'l')).toBeUndefined();
  });
});

describe('least loaded', () => {
  it('takes the lowest share of capacity, and spreads ties without favouring anyone', () => {
    expect(
      leastLoaded(
        [person('a', { openLeads: 5, capacity: 10 }), person('b', { openLeads: 4, capacity: 5 })],
        'l',
      ),
    ).toBe('a');
    const team = ids(6);
    const wins = new Map(team.map((id) => [id, 0]));
    for (let i = 0; i < 6000; i++) {
      const id = leastLoaded(
        team.map((u) => person(u)),
        `lead-${i}`,
      ) as string;
      wins.set(id, (wins.get(id) ?? 0) + 1);
    }
    for (const count of wins.values()) expect(count).toBeGreaterThan(850);
  });
});

describe('who may get a lead', () => {
  it.each([
    [{ active: false }, 'inactive'],
    [{ awayUntil: '2026-11-28' }, 'away'],
    [{ awayFrom: '2026-11-20', awayUntil: '2026-11-28' }, 'away'],
    [{ awayFrom: '2026-11-20' }, 'away'],
    [{ awayFrom: '2026-11-27', awayUntil: '2026-11-27' }, 'away'],
    [{ awayFrom: '2026-11-30', awayUntil: '2026-12-05' }, null],
    [{ awayUntil: '2026-11-26' }, null],
    [{ capacity: 3, openLeads: 3 }, 'over_capacity'],
    [{ capacity: 3, openLeads: 2 }, null],
    [{ capacity: 0 }, 'over_capacity'],
  ] as const)('%j → %s', (over, reason) => {
    expect(skipReason(person('a', over))).toBe(reason);
  });

  it('never sends a lead to the inactive, the away or those at capacity, whatever the strategy (property)', () => {
    const arbPerson = (userId: string) =>
      fc.record({
        userId: fc.constant(userId),
        active: fc.boolean(),
        awayFrom: fc.constantFrom(null, '2026-11-01', '2026-12-01'),
        awayUntil: fc.constantFrom(null, '2026-11-10', '2026-12-10'),
        today: fc.constant(TODAY),
        capacity: fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
        openLeads: fc.integer({ min: 0, max: 6 }),
      });
    const team = ids(5);
    fc.assert(
      fc.property(
        fc.tuple(...team.map(arbPerson)),
        fc.constantFrom('round_robin', 'weighted', 'least_loaded' as const),
        leadIds,
        (people, strategy, leads) => {
          const got = simulate(
            rule({ userIds: team, strategy }),
            people.map((p) => ({ ...p })),
            leads,
          );
          const start = new Map(people.map((p) => [p.userId, p]));
          for (const id of new Set(got)) {
            const p = start.get(id) as Candidate;
            expect(p.active).toBe(true);
            expect(skipReason({ ...p, capacity: null })).toBeNull();
          }
          // capacity holds over the whole sequence
          for (const p of people)
            if (p.capacity !== null)
              expect(p.openLeads + got.filter((g) => g === p.userId).length).toBeLessThanOrEqual(
                Math.max(p.capacity, p.openLeads),
              );
        },
      ),
    );
  });

  it('sends a returning person to their owner, unless the owner is away; records who was skipped and why', () => {
    const [a, b, c] = ids(3) as [string, string, string];
    const people = new Map([
      [a, person(a)],
      [b, person(b, { active: false })],
      [c, person(c, { capacity: 1, openLeads: 1 })],
    ]);
    const base = {
      leadId: 'l1',

      fields: { 'lead.source': 'web_form' },
      rules: [rule({ conditions: [{ field: 'lead.source', operator: 'equals', value: 'web_form' }] })],
      people,
      teams: new Map(),
      states: new Map(),
    };
    expect(route({ ...base, returningOwnerId: c })).toMatchObject({ userId: a, reason: 'rule' });
    expect(route({ ...base, returningOwnerId: a })).toMatchObject({
      userId: a,
      reason: 'returning_person',
      ruleId: null,
    });
    const d = route({ ...base, returningOwnerId: null });
    expect(d.candidates).toEqual([
      { userId: a, skipped: null },
      { userId: b, skipped: 'inactive' },
      { userId: c, skipped: 'over_capacity' },
    ]);
    expect(route({ ...base, fields: { 'lead.source': 'import' }, returningOwnerId: null })).toMatchObject({
      userId: null,
      reason: 'no_rule',
    });
    const nobody = new Map([[a, person(a, { active: false })]]);
    expect(
      route({ ...base, people: nobody, rules: [rule({ userIds: [a] })], returningOwnerId: null }),
    ).toMatchObject({ userId: null, reason: 'nobody_available', ruleId: 'r1' });
  });

  it('re-routing passes over the owner who missed the first response, whatever the strategy (property)', () => {
    const team = ids(4);
    const people = new Map(team.map((id) => [id, person(id)]));
    fc.assert(
      fc.property(
        fc.constantFrom(...team),
        fc.constantFrom('round_robin', 'weighted', 'least_loaded' as const),
        fc.uuid(),
        (missedBy, strategy, leadId) => {
          const d = route({
            leadId,
            fields: {},
            rules: [rule({ userIds: team, strategy })],
            people,
            teams: new Map(),
            states: new Map([
              ['r1', { lastUserId: team[(team.indexOf(missedBy) + 3) % 4] as string, currents: {} }],
            ]),
            returningOwnerId: null,
            missedBy,
          });
          expect(d.userId).not.toBeNull();
          expect(d.userId).not.toBe(missedBy);
          expect(d.candidates).toContainEqual({ userId: missedBy, skipped: 'missed_sla' });
        },
      ),
    );
    const [a] = team as [string];
    expect(
      route({
        leadId: 'l1',
        fields: {},
        rules: [rule({ userIds: [a] })],
        people,
        teams: new Map(),
        states: new Map(),
        returningOwnerId: null,
        missedBy: a,
      }),
    ).toMatchObject({ userId: null, reason: 'nobody_available' });
  });

  it('takes the first active rule whose conditions all hold, and a team’s members', () => {
    const [a, b] = ids(2) as [string, string];
    const people = new Map([
      [a, person(a)],
      [b, person(b)],
    ]);
    const rules = [
      rule({ id: 'off', active: false, userIds: [a] }),
      rule({
        id: 'hot',
        conditions: [
          { field: 'lead.temperature', operator: 'equals', value: 'hot' },
          { field: 'lead.score', operator: 'range', value: { min: 50 } },
        ],
        userIds: [a],
      }),
      rule({ id: 'team', userIds: [], teamId: 't1' }),
    ];
    const at = (fields: Record<string, string | number>) =>
      route({
        leadId: 'l',

        fields,
        rules,
        people,
        teams: new Map([['t1', [b]]]),
        states: new Map(),
        returningOwnerId: null,
      });
    expect(at({ 'lead.temperature': 'hot', 'lead.score': 70 })).toMatchObject({ ruleId: 'hot', userId: a });
    expect(at({ 'lead.temperature': 'hot', 'lead.score': 20 })).toMatchObject({ ruleId: 'team', userId: b });
  });
});

describe('rule validation', () => {
  const good = {
    name: 'Karšti',
    active: true,
    conditions: [],
    teamId: null,
    userIds: ids(2),
    strategy: 'weighted' as const,
    weights: {},
  };
  it.each([
    [{ ...good, weights: Object.fromEntries(ids(2).map((id) => [id, 0])) }, 'weights', 'all_zero'],
    [{ ...good, userIds: [] }, 'teamId', 'required'],
    [{ ...good, teamId: 't1' }, 'userIds', 'not_allowed'],
    [
      { ...good, conditions: [{ field: 'lead.source', operator: 'in' as const, value: [] }] },
      'conditions.0.value',
      'never_matches',
    ],
    [
      {
        ...good,
        conditions: [{ field: 'lead.score', operator: 'range' as const, value: { min: 90, max: 10 } }],
      },
      'conditions.0.value',
      'never_matches',
    ],
    [
      { ...good, conditions: [{ field: 'shoe.size', operator: 'equals' as const, value: '42' }] },
      'conditions.0.field',
      'invalid_value',
    ],
    [{ ...good, name: ' ' }, 'name', 'required'],
    [{ ...good, weights: { [ids(1)[0] as string]: -1 } }, `weights.${ids(1)[0]}`, 'out_of_range'],
  ])('refuses %j naming %s', (r, field, code) => {
    expect(routingRuleErrors(r)).toContainEqual(expect.objectContaining({ field, code }));
  });
  it('accepts a good rule', () => {
    expect(
      routingRuleErrors({
        ...good,
        conditions: [{ field: 'lead.score', operator: 'range', value: { min: 50 } }],
      }),
    ).toEqual([]);
    expect(tieKey('a', 'b')).toBe(tieKey('a', 'b'));
  });
});
