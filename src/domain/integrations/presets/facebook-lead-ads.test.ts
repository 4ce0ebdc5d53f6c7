import { describe, expect, it } from 'vitest';
import { applyMapping, type WebhookTarget } from '../mapping.js';
import { FACEBOOK_LEAD_ADS_MAPPING } from './facebook-lead-ads.js';

type Answers = Record<string, string>;
const lead = (answers: Answers, extra: Record<string, unknown> = {}) => ({
  id: '555',
  created_time: '2025-03-14T09:26:53+0000',
  field_data: Object.entries(answers).map(([name, value]) => ({ name, values: [value] })),
  ...extra,
});

describe('the Facebook Lead Ads preset', () => {
  it.each<[string, unknown, Partial<Record<WebhookTarget, string>>]>([
    [
      'first and last name asked separately',
      lead({ email: 'a@example.com', first_name: 'Ona', last_name: 'Petraitė' }),
      { 'person.email': 'a@example.com', 'person.firstName': 'Ona', 'person.lastName': 'Petraitė' },
    ],
    [
      'a full name split on its last word',
      lead({ full_name: 'Ona Marija Petraitė' }),
      { 'person.firstName': 'Ona Marija', 'person.lastName': 'Petraitė' },
    ],
    [
      'separate names preferred to a full name',
      lead({ full_name: 'O. Petraitė', first_name: 'Ona', last_name: 'Petraitė' }),
      { 'person.firstName': 'Ona', 'person.lastName': 'Petraitė' },
    ],
    [
      'a work e-mail when no other',
      lead({ work_email: 'ona@acme.example' }),
      { 'person.email': 'ona@acme.example' },
    ],
    [
      'a work phone when no other',
      lead({ work_phone_number: '+37052000000' }),
      { 'person.phone': '+37052000000' },
    ],
    [
      'custom questions left for the admin to map',
      lead({ 'phone_number_(eg.65xxxxxxxx)': '+6591234567', 'kokio_dydžio_įmonė?': '10-50' }),
      {},
    ],
    [
      'the campaign name as the source detail',
      lead({ country: 'LT' }, { campaign_name: 'Spring' }),
      { 'person.country': 'LT', 'lead.sourceDetail': 'Spring' },
    ],
  ])('reads %s', (_what, payload, values) => {
    expect(applyMapping(FACEBOOK_LEAD_ADS_MAPPING, payload)).toEqual({ eventId: '555', values, test: false });
  });

  it('finds no event id in the ids-only leadgen webhook, which is not a lead object', () => {
    const change = {
      object: 'page',
      entry: [{ changes: [{ field: 'leadgen', value: { leadgen_id: '555' } }] }],
    };
    expect(applyMapping(FACEBOOK_LEAD_ADS_MAPPING, change).eventId).toBeNull();
  });
});
