import { type Static, Type } from 'typebox';
import { OPEN_STAGES } from '../../../domain/leads/stages.js';
import { STRATEGIES } from '../../../domain/routing/rules.js';
import { OPERATORS } from '../../../domain/scoring/rules.js';
import { Id, Timestamp } from '../../schemas/common.js';

const Value = Type.Union(
  [
    Type.String({ maxLength: 200 }),
    Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
    Type.Object(
      { min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) },
      { additionalProperties: false },
    ),
    Type.Null(),
  ],
  { description: 'equals/contains: a text; in: texts; range: { min, max }; empty: null' },
);

const ConditionSchema = Type.Object(
  {
    field: Type.String({
      maxLength: 60,
      description:
        'lead.source, lead.campaign, lead.products, lead.temperature, lead.score, person.country, person.language, organisation.size, custom.<entity>.<key> …',
    }),
    operator: Type.Enum(OPERATORS),
    value: Type.Optional(Value),
  },
  { additionalProperties: false },
);

const Strategy = Type.Enum(STRATEGIES, { description: 'round_robin | weighted | least_loaded' });

export const RoutingRuleBody = Type.Object(
  {
    name: Type.String({ maxLength: 120 }),
    active: Type.Optional(Type.Boolean()),
    conditions: Type.Optional(
      Type.Array(ConditionSchema, { maxItems: 20, description: 'all must hold; none: every lead' }),
    ),
    teamId: Type.Optional(Type.Union([Id, Type.Null()], { description: "the team's reps and managers" })),
    userIds: Type.Optional(Type.Array(Id, { maxItems: 200, description: 'or these people' })),
    strategy: Strategy,
    weights: Type.Optional(
      Type.Record(Type.String(), Type.Integer(), { description: 'weighted: user id → share (default 1)' }),
    ),
    position: Type.Optional(
      Type.Integer({ minimum: 0, description: 'place in the order (0 first); default last' }),
    ),
  },
  { additionalProperties: false },
);
export type RoutingRuleInput = Static<typeof RoutingRuleBody>;

export const RoutingRuleSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    active: Type.Boolean(),
    conditions: Type.Array(ConditionSchema),
    teamId: Type.Union([Id, Type.Null()]),
    userIds: Type.Array(Id),
    strategy: Strategy,
    weights: Type.Record(Type.String(), Type.Integer()),
  },
  { $id: 'RoutingRule' },
);
export type RoutingRuleDto = Static<typeof RoutingRuleSchema>;

export const RoutingRuleList = Type.Object({ items: Type.Array(Type.Ref('RoutingRule')) });

export const RoutingTestBody = Type.Object(
  {
    fields: Type.Record(
      Type.String({ maxLength: 60 }),
      Type.Union([
        Type.String({ maxLength: 200 }),
        Type.Number(),
        Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
      ]),
      {
        description:
          'the lead as routing reads it, e.g. { "lead.source": "web_form", "person.country": "LT", "lead.score": 70 }',
      },
    ),
  },
  { additionalProperties: false },
);
export type RoutingTestInput = Static<typeof RoutingTestBody>;

const SkipReason = Type.Union([
  Type.Enum(['inactive', 'away', 'over_capacity', 'weight_zero', 'missed_sla'] as const, {
    description: 'missed_sla: re-routed because this owner missed the first response',
  }),
  Type.Null(),
]);
const Reason = Type.Enum(['rule', 'returning_person', 'no_rule', 'nobody_available'] as const);
const CandidateSchema = Type.Object({
  userId: Id,
  name: Type.Union([Type.String(), Type.Null()]),
  skipped: SkipReason,
});

export const RoutingDecisionSchema = Type.Object({
  userId: Type.Union([Id, Type.Null()]),
  userName: Type.Union([Type.String(), Type.Null()]),
  ruleId: Type.Union([Id, Type.Null()]),
  ruleName: Type.Union([Type.String(), Type.Null()]),
  strategy: Type.Union([Strategy, Type.Null()]),
  reason: Reason,
  candidates: Type.Array(CandidateSchema),
});
export type RoutingDecisionDto = Static<typeof RoutingDecisionSchema>;

const AssignmentSchema = Type.Intersect([
  RoutingDecisionSchema,
  Type.Object({
    leadCreatedAt: Timestamp,
    assignedAt: Timestamp,
    routingDelaySeconds: Type.Integer({ description: 'from the lead’s creation to this assignment' }),
  }),
]);

export const LeadAssignmentSchema = Type.Object({
  current: Type.Union([AssignmentSchema, Type.Null()]),
  history: Type.Array(AssignmentSchema),
  sla: Type.Union(
    [
      Type.Object({
        assignedAt: Timestamp,
        dueAt: Type.Union([Timestamp, Type.Null()], {
          description: 'first contact due by, in the owner’s working time',
        }),
        firstContactAt: Type.Union([Timestamp, Type.Null()]),
        escalatedAt: Type.Union([Timestamp, Type.Null()], {
          description: 'when the missed target went to the team’s manager',
        }),
        overdue: Type.Boolean(),
        repDelaySeconds: Type.Union([Type.Integer(), Type.Null()], {
          description: 'assigned → first contact',
        }),
      }),
      Type.Null(),
    ],
    {
      description:
        'speed-to-lead: null until the lead has an owner a channel, routing or reassignment gave it',
    },
  ),
});
export type LeadAssignmentDto = Static<typeof LeadAssignmentSchema>;

export const RoutingPeople = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      name: Type.String(),
      teamId: Type.Union([Id, Type.Null()]),
      teamName: Type.Union([Type.String(), Type.Null()]),
      active: Type.Boolean(),
      outOfOfficeFrom: Type.Union([Type.String(), Type.Null()]),
      outOfOfficeUntil: Type.Union([Type.String(), Type.Null()]),
      capacity: Type.Union([Type.Integer(), Type.Null()]),
      openLeads: Type.Integer(),
      available: Type.Boolean({ description: 'routing may give them a lead now' }),
      unavailableBecause: Type.Union([
        Type.Enum(['inactive', 'away', 'over_capacity'] as const),
        Type.Null(),
      ]),
    }),
  ),
});
export type RoutingPersonDto = Static<typeof RoutingPeople>['items'][number];

export const InboxQuery = Type.Object(
  { limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 200, default: 50 })) },
  { additionalProperties: false },
);

export const Inbox = Type.Object({
  items: Type.Array(
    Type.Object({
      id: Id,
      title: Type.String(),
      score: Type.Integer(),
      temperature: Type.Enum(['hot', 'warm', 'cold'] as const),
      stage: Type.Enum(OPEN_STAGES),
      personName: Type.Union([Type.String(), Type.Null()]),
      organisationName: Type.Union([Type.String(), Type.Null()]),
      createdAt: Timestamp,
      assignedAt: Type.Union([Timestamp, Type.Null()]),
      dueAt: Type.Union([Timestamp, Type.Null()], {
        description: 'first contact due by (null: no clock, e.g. a lead one made oneself)',
      }),
      overdue: Type.Boolean(),
    }),
  ),
});
export type InboxDto = Static<typeof Inbox>;
