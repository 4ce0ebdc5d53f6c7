import { describe, expect, it } from 'vitest';
import {
  conversionErrors,
  dealFromLead,
  type LeadForConversion,
  undoConversionErrors,
} from './conversion.js';

const lead = (over: Partial<LeadForConversion> = {}): LeadForConversion => ({
  id: 'l1',
  title: 'CRM diegimas',
  stage: 'sql',
  ownerId: 'u1',
  teamId: 't1',
  personId: 'p1',
  organisationId: 'o1',
  sourceId: 's1',
  campaignId: 'c1',
  productIds: ['crm', 'support', 'retired'],
  deletedAt: null,
  ...over,
});

describe('converting a lead', () => {
  it.each([
    [{}, []],
    [{ stage: 'mql' }, ['stage:invalid_value']],
    [{ stage: 'converted' }, ['stage:invalid_value']],
    [{ deletedAt: '2026-11-27T10:00:00Z' }, ['leadId:not_found']],
  ] as const)('%j → %j', (over, expected) => {
    expect(conversionErrors(lead(over)).map((e) => `${e.field}:${e.code}`)).toEqual(expected);
  });

  it('carries the lead’s identity, owner, attribution and priced products over, into the first stage', () => {
    const prices = new Map<string, number | null>([
      ['crm', 120_000],
      ['support', 30_050],
      ['retired', null],
    ]);
    expect(dealFromLead(lead(), 'qualify', prices)).toEqual({
      title: 'CRM diegimas',
      leadId: 'l1',
      ownerId: 'u1',
      teamId: 't1',
      personId: 'p1',
      organisationId: 'o1',
      sourceId: 's1',
      campaignId: 'c1',
      stageId: 'qualify',
      items: [
        { productId: 'crm', quantity: 1000, unitPriceCents: 120_000, discountBasisPoints: 0 },
        { productId: 'support', quantity: 1000, unitPriceCents: 30_050, discountBasisPoints: 0 },
      ],
      amountCents: 150_050,
    });
    const bare = dealFromLead(lead({ productIds: [] }), 'qualify', prices, '  UAB Ąžuolas: licencijos ');
    expect(bare).toMatchObject({ title: 'UAB Ąžuolas: licencijos', items: [], amountCents: null });
  });
});

describe('undoing a conversion', () => {
  it.each([
    [{ status: 'open', stageId: 'a', firstStageId: 'a', activitiesSinceConversion: 0 }, []],
    [{ status: 'open', stageId: 'b', firstStageId: 'a', activitiesSinceConversion: 0 }, ['dealId:in_use']],
    [{ status: 'open', stageId: 'a', firstStageId: 'a', activitiesSinceConversion: 1 }, ['dealId:in_use']],
    [
      { status: 'won', stageId: 'a', firstStageId: 'a', activitiesSinceConversion: 0 },
      ['status:invalid_value'],
    ],
  ] as const)('%j → %j', (deal, expected) => {
    expect(undoConversionErrors(deal).map((e) => `${e.field}:${e.code}`)).toEqual(expected);
  });
});
