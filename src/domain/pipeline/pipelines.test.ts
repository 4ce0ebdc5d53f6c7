import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type DealForMove,
  moveErrors,
  outcomeErrors,
  type PipelineDefinition,
  pipelineErrors,
} from './pipelines.js';
import { crossSell, DEFAULT_LOST_REASONS, reengageAt, rottingSince } from './recovery.js';

const stage = (id: string, over: Partial<PipelineDefinition['stages'][number]> = {}) => ({
  id,
  name: id,
  probability: 10,
  rottingDays: null,
  checklist: [],
  exitFields: [],
  ...over,
});

const pipeline: PipelineDefinition = {
  name: 'Nauji klientai',
  stages: [
    stage('qualify', {
      probability: 10,
      checklist: [
        { id: 'budget', text: 'Biudžetas patvirtintas', required: true },
        { id: 'intro', text: 'Prisistatymas', required: false },
      ],
    }),
    stage('proposal', { probability: 40, exitFields: ['amount', 'expectedCloseDate'] }),
    stage('negotiation', { probability: 70, exitFields: ['contacts'] }),
    stage('contract', { probability: 90 }),
  ],
};

const deal = (over: Partial<DealForMove> = {}): DealForMove => ({
  stageId: 'qualify',
  amountCents: null,
  expectedCloseDate: null,
  nextStep: null,
  contactCount: 0,
  lineItemCount: 0,
  checked: {},
  ...over,
});

describe('pipelines', () => {
  it('accepts a well-formed pipeline', () => {
    expect(pipelineErrors(pipeline)).toEqual([]);
  });

  it('names every bad field: empty names, twin stages, probabilities out of 0–100, rotting days, unknown exit fields', () => {
    const errors = pipelineErrors({
      name: ' ',
      stages: [
        stage('a', { probability: 101, rottingDays: 0 }),
        stage('b', { name: 'A', probability: -1 }),
        stage('c', {
          exitFields: ['colour' as never],
          checklist: [
            { id: 'x', text: '', required: true },
            { id: 'x', text: 'Du', required: false },
          ],
        }),
      ],
    });
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'name:required',
      'stages.0.probability:out_of_range',
      'stages.0.rottingDays:out_of_range',
      'stages.1.name:in_use',
      'stages.1.probability:out_of_range',
      'stages.2.checklist.0.text:required',
      'stages.2.checklist.1.id:in_use',
      'stages.2.exitFields.0:invalid_value',
    ]);
    expect(pipelineErrors({ name: 'Tuščias', stages: [] })).toEqual([
      expect.objectContaining({ field: 'stages', code: 'required' }),
    ]);
  });
});

describe('moving a deal', () => {
  it('moving on needs the stage’s required checklist items; optional ones never block', () => {
    expect(moveErrors(pipeline, deal(), 'proposal').map((e) => e.field)).toEqual([
      'checklist.qualify.budget',
    ]);
    expect(moveErrors(pipeline, deal({ checked: { qualify: ['budget'] } }), 'proposal')).toEqual([]);
  });

  it('skipping stages needs what each skipped stage asks; moving back needs nothing', () => {
    const errors = moveErrors(pipeline, deal({ checked: { qualify: ['budget'] } }), 'contract');
    expect(errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'amount:required',
      'expectedCloseDate:required',
      'contacts:required',
    ]);
    expect(moveErrors(pipeline, deal({ stageId: 'contract' }), 'qualify')).toEqual([]);
    const ready = deal({
      stageId: 'proposal',
      amountCents: 1,
      expectedCloseDate: '2026-12-31',
      contactCount: 1,
    });
    expect(moveErrors(pipeline, ready, 'contract')).toEqual([]);
  });

  it('an amount of 0 is not an amount; a stage of another pipeline does not exist', () => {
    expect(
      moveErrors(
        pipeline,
        deal({ stageId: 'proposal', amountCents: 0, expectedCloseDate: '2026-12-31' }),
        'negotiation',
      ).map((e) => e.field),
    ).toEqual(['amount']);
    expect(moveErrors(pipeline, deal(), 'elsewhere')).toEqual([
      expect.objectContaining({ field: 'stageId', code: 'not_found' }),
    ]);
  });

  it('never blocks a move back, and blocks a move on exactly when something is missing (property)', () => {
    const ids = pipeline.stages.map((s) => s.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...ids),
        fc.constantFrom(...ids),
        fc.boolean(),
        fc.boolean(),
        (from, to, complete, budget) => {
          const d = deal({
            stageId: from,
            amountCents: complete ? 100 : null,
            expectedCloseDate: complete ? '2026-12-31' : null,
            contactCount: complete ? 1 : 0,
            checked: budget ? { qualify: ['budget'] } : {},
          });
          const errors = moveErrors(pipeline, d, to);
          if (ids.indexOf(to) <= ids.indexOf(from)) expect(errors).toEqual([]);
          if (complete && budget) expect(errors).toEqual([]);
        },
      ),
    );
  });
});

describe('won and lost', () => {
  const reasons = DEFAULT_LOST_REASONS.map((r) => r.key);
  it.each([
    [{ status: 'won', amountCents: 150_000 }, []],
    [{ status: 'won', amountCents: 0 }, []],
    [{ status: 'won', amountCents: undefined }, ['amount:required']],
    [{ status: 'won', amountCents: -1 }, ['amount:out_of_range']],
    [{ status: 'won', amountCents: 1.5 }, ['amount:out_of_range']],
    [{ status: 'lost', reason: 'price' }, []],
    [{ status: 'lost', reason: 'price', competitor: 'UAB Konkurentas' }, []],
    [{ status: 'lost', reason: null }, ['reason:required']],
    [{ status: 'lost', reason: 'weather' }, ['reason:invalid_value']],
    [{ status: 'lost', reason: 'price', competitor: 'x'.repeat(201) }, ['competitor:too_long']],
  ] as const)('%j → %j', (outcome, expected) => {
    expect(outcomeErrors(outcome as never, reasons).map((e) => `${e.field}:${e.code}`)).toEqual(expected);
  });
});

describe('rotting', () => {
  const now = new Date('2026-11-27T12:00:00Z');
  it('counts from the later of the last activity and the arrival in the stage', () => {
    expect(
      rottingSince(
        { lastActivityAt: '2026-11-10T12:00:00Z', stageEnteredAt: '2026-11-01T00:00:00Z' },
        14,
        now,
      ),
    ).toEqual(new Date('2026-11-24T12:00:00Z'));
    // a move to a new stage starts the count over
    expect(
      rottingSince(
        { lastActivityAt: '2026-11-10T12:00:00Z', stageEnteredAt: '2026-11-20T00:00:00Z' },
        14,
        now,
      ),
    ).toBeNull();
    expect(
      rottingSince({ lastActivityAt: null, stageEnteredAt: '2026-11-01T00:00:00Z' }, null, now),
    ).toBeNull();
    // exactly N days: rotting from that instant
    expect(rottingSince({ lastActivityAt: null, stageEnteredAt: '2026-11-20T12:00:00Z' }, 7, now)).toEqual(
      now,
    );
  });
});

describe('closed-lost recovery', () => {
  it('brings a lost deal back after its reason’s delay, or never', () => {
    expect(reengageAt('2026-01-01T09:00:00Z', 'timing', DEFAULT_LOST_REASONS)).toEqual(
      new Date('2026-04-01T09:00:00Z'),
    );
    expect(reengageAt('2026-01-01T09:00:00Z', 'price', DEFAULT_LOST_REASONS)).toEqual(
      new Date('2026-06-30T09:00:00Z'),
    );
    expect(reengageAt('2026-01-01T09:00:00Z', 'product_fit', DEFAULT_LOST_REASONS)).toBeNull();
    expect(reengageAt('2026-01-01T09:00:00Z', 'unknown', DEFAULT_LOST_REASONS)).toBeNull();
  });

  it('suggests active products not bought yet, what the lost deal wanted first', () => {
    const catalogue = [
      { id: 'crm', active: true },
      { id: 'old', active: false },
      { id: 'mail', active: true },
      { id: 'support', active: true },
    ];
    expect(crossSell(catalogue, new Set(['crm']), ['support', 'old'])).toEqual(['support', 'mail']);
    expect(crossSell(catalogue, new Set(['crm', 'mail', 'support']))).toEqual([]);
  });
});
