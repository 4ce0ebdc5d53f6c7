import { type Static, Type } from 'typebox';
import { OPEN_STAGES } from '../../../domain/leads/stages.js';
import { BEHAVIOURS, OPERATORS } from '../../../domain/scoring/rules.js';
import { Id, Timestamp } from '../../schemas/common.js';

const Points = Type.Integer({
  minimum: -1000,
  maximum: 1000,
  description: 'points the rule gives (negative: takes away)',
});
const Group = Type.Union([Type.String({ maxLength: 60 }), Type.Null()], {
  description: 'rules of one group share its cap (`groupCaps` of the score)',
});
const RangeValue = Type.Object(
  { min: Type.Optional(Type.Number()), max: Type.Optional(Type.Number()) },
  { additionalProperties: false },
);
const RuleValue = Type.Union(
  [
    Type.String({ maxLength: 200 }),
    Type.Array(Type.String({ maxLength: 200 }), { maxItems: 100 }),
    RangeValue,
    Type.Null(),
  ],
  {
    description: 'equals/contains: a text; in: texts; range: { min, max }; empty: null',
  },
);

export const RuleBody = Type.Object(
  {
    scoreId: Type.Optional(Id),
    kind: Type.Enum(['fit', 'behaviour'] as const),
    field: Type.Optional(
      Type.String({
        maxLength: 60,
        description:
          'fit rules: person.jobTitle, organisation.size, lead.source, email.kind, custom.<entity>.<key> …',
      }),
    ),
    operator: Type.Optional(Type.Enum(OPERATORS)),
    value: Type.Optional(RuleValue),
    behaviour: Type.Optional(Type.Enum(BEHAVIOURS)),
    points: Points,
    group: Type.Optional(Group),
  },
  { additionalProperties: false },
);
export type RuleInput = Static<typeof RuleBody>;

const ScoringRuleSchema = Type.Object({
  id: Id,
  kind: Type.Enum(['fit', 'behaviour'] as const),
  field: Type.Optional(Type.String()),
  operator: Type.Optional(Type.Enum(OPERATORS)),
  value: Type.Optional(RuleValue),
  behaviour: Type.Optional(Type.Enum(BEHAVIOURS)),
  points: Type.Integer(),
  group: Group,
});

export const SavedRule = Type.Intersect([ScoringRuleSchema, Type.Object({ scoreId: Id })]);

export const ScoreBody = Type.Object(
  {
    nameLt: Type.String({ maxLength: 100 }),
    nameEn: Type.String({ maxLength: 100 }),
    mqlThreshold: Type.Integer({ description: 'points from which a lead is marketing-qualified' }),
    sqlThreshold: Type.Integer({
      description: 'points from which a lead is sales-qualified (above the MQL threshold)',
    }),
    totalCap: Type.Optional(Type.Union([Type.Integer(), Type.Null()])),
    groupCaps: Type.Optional(Type.Record(Type.String({ maxLength: 60 }), Type.Integer())),
    halfLifeDays: Type.Optional(
      Type.Union([Type.Number(), Type.Null()], {
        description: 'behaviour points halve every this many days; null: never',
      }),
    ),
    demoteOnDecay: Type.Optional(Type.Boolean({ description: 'a fading score moves the lead back a stage' })),
  },
  { additionalProperties: false },
);
export type ScoreInput = Static<typeof ScoreBody>;

export const ScoreModelSchema = Type.Object(
  {
    id: Id,
    nameLt: Type.String(),
    nameEn: Type.String(),
    primary: Type.Boolean({ description: 'the score lead lists show and sort by' }),
    mqlThreshold: Type.Integer(),
    sqlThreshold: Type.Integer(),
    totalCap: Type.Union([Type.Integer(), Type.Null()]),
    groupCaps: Type.Record(Type.String(), Type.Integer()),
    halfLifeDays: Type.Union([Type.Number(), Type.Null()]),
    demoteOnDecay: Type.Boolean(),
    version: Type.Integer(),
    rules: Type.Array(ScoringRuleSchema),
  },
  { $id: 'ScoreModel' },
);

export const RescoreRunSchema = Type.Union([
  Type.Object({
    id: Id,
    status: Type.Enum(['running', 'done', 'superseded'] as const),
    total: Type.Integer(),
    done: Type.Integer(),
    startedAt: Timestamp,
    finishedAt: Type.Union([Timestamp, Type.Null()]),
  }),
  Type.Null(),
]);

export const ScoringSettings = Type.Object({
  scores: Type.Array(Type.Ref('ScoreModel')),
  rescore: RescoreRunSchema,
});

const ScoreLineSchema = Type.Object({
  ruleId: Type.Union([Id, Type.Null()]),
  kind: Type.Enum(['fit', 'behaviour', 'cap'] as const),
  group: Type.Union([Type.String(), Type.Null()]),
  points: Type.Integer(),
  count: Type.Union([Type.Integer(), Type.Null()]),
  at: Timestamp,
  rule: Type.Union([ScoringRuleSchema, Type.Null()], {
    description: 'the rule as it is now (null: a cap, or a rule since deleted)',
  }),
});

const QualitySchema = Type.Object({
  status: Type.Enum(['ok', 'too_little_history', 'not_useful'] as const),
  auc: Type.Union([Type.Number(), Type.Null()], {
    description: 'area under the ROC curve on held-out leads',
  }),
  trainedOn: Type.Integer(),
  heldOut: Type.Integer(),
  positives: Type.Integer({ description: 'converted leads in the history' }),
  negatives: Type.Integer({ description: 'disqualified leads in the history' }),
  calibration: Type.Array(
    Type.Object({
      decile: Type.Integer(),
      predicted: Type.Number(),
      actual: Type.Number(),
      count: Type.Integer(),
    }),
  ),
});

export const PredictiveModelSchema = Type.Object({
  status: Type.Enum(['never_trained', 'ok', 'too_little_history', 'not_useful'] as const, {
    description: 'ok: in use; otherwise why no probabilities are shown',
  }),
  trainedAt: Type.Union([Timestamp, Type.Null()]),
  quality: Type.Union([QualitySchema, Type.Null()]),
});
export type PredictiveModelDto = Static<typeof PredictiveModelSchema>;

export const LeadScoreSchema = Type.Object({
  scores: Type.Array(
    Type.Object({
      scoreId: Id,
      nameLt: Type.String(),
      nameEn: Type.String(),
      primary: Type.Boolean(),
      total: Type.Integer(),
      mqlThreshold: Type.Integer(),
      sqlThreshold: Type.Integer(),
      reaches: Type.Enum(OPEN_STAGES, {
        description: 'the stage this score alone points at',
      }),
      computedAt: Type.Union([Timestamp, Type.Null()]),
      lines: Type.Array(ScoreLineSchema),
    }),
  ),
  prediction: Type.Union(
    [
      Type.Object({
        probability: Type.Number({ description: 'chance of conversion, 0–1' }),
        factors: Type.Array(
          Type.Object({ feature: Type.String(), weight: Type.Number({ description: 'log-odds' }) }),
        ),
      }),
      Type.Null(),
    ],
    { description: 'null while the model is not useful (GET /scoring/model says why)' },
  ),
});

export type ScoreModelDto = Static<typeof ScoreModelSchema>;
export type ScoringRuleDto = Static<typeof ScoringRuleSchema>;
export type SavedRuleDto = Static<typeof SavedRule>;
export type RescoreRunDto = Static<typeof RescoreRunSchema>;
export type ScoringSettingsDto = { scores: ScoreModelDto[]; rescore: RescoreRunDto };
export type LeadScoreDto = Static<typeof LeadScoreSchema>;

export const PreviewBody = Type.Object(
  {
    scoreId: Type.Optional(Id),
    rule: Type.Optional(RuleBody),
    replaceRuleId: Type.Optional(Id),
    removeRuleId: Type.Optional(Id),
    settings: Type.Optional(ScoreBody),
  },
  { additionalProperties: false },
);
export type PreviewInput = Static<typeof PreviewBody>;

export const PreviewSchema = Type.Object({
  exact: Type.Boolean({ description: 'false: estimated from a sample of the movable leads' }),
  movableLeads: Type.Integer({ description: 'open leads whose stage no person set' }),
  read: Type.Integer(),
  moves: Type.Object({
    toSuspect: Type.Integer(),
    toMql: Type.Integer(),
    toSql: Type.Integer(),
  }),
});
export type PreviewDto = Static<typeof PreviewSchema>;
