import { describe, expect, it } from 'vitest';
import type { CustomFieldDto } from '../custom-fields/custom-fields.schemas.js';
import { webhookLead } from './webhook-lead.js';

const AT = '2026-03-14T10:00:00.000Z';
const field = (key: string, type: CustomFieldDto['type'], options: string[] = []): CustomFieldDto => ({
  id: '01900000-0000-7000-8000-000000000abc',
  entity: 'lead',
  key,
  labelLt: key,
  labelEn: key,
  type,
  options: options.map((value) => ({ value, labelLt: value, labelEn: value })),
  position: 0,
  active: true,
  createdAt: AT,
  updatedAt: AT,
});
const FIELDS = [
  field('budget', 'number'),
  field('urgent', 'boolean'),
  field('topics', 'multiselect', ['crm', 'erp']),
  field('start', 'date'),
];

describe('webhookLead', () => {
  it('sorts mapped values into the write path’s shape, with utm values as a touch', () => {
    const { lead, errors } = webhookLead(
      {
        'person.firstName': 'Ona',
        'person.email': 'ona@example.lt',
        'person.phone': '8 612 34567',
        'person.country': 'lt',
        'organisation.name': 'UAB Saulė',
        'organisation.website': 'https://saule.lt',
        'lead.timeframe': '2026-05-01',
        'lead.message': 'Sveiki',
        'utm.source': 'facebook',
        'cf.budget': '1500,50',
        'cf.urgent': 'Taip',
        'cf.topics': 'crm, erp',
      },
      FIELDS,
      AT,
    );
    expect(errors).toEqual([]);
    expect(lead.lead).toEqual({
      person: { firstName: 'Ona', emails: ['ona@example.lt'], phones: ['8 612 34567'], country: 'LT' },
      organisation: { name: 'UAB Saulė', website: 'https://saule.lt' },
      timeframe: '2026-05-01',
      customFields: { budget: 1500.5, urgent: true, topics: ['crm', 'erp'] },
    });
    expect(lead.message).toBe('Sveiki');
    expect(lead.touch).toMatchObject({ utmSource: 'facebook', utmMedium: null, occurredAt: AT });
    expect(lead.unused).toEqual({});
  });

  it('keeps company details without a company name on the timeline instead of losing them', () => {
    const { lead } = webhookLead(
      { 'person.lastName': 'Jonaitis', 'organisation.companyCode': '302' },
      [],
      AT,
    );
    expect(lead.lead.organisation).toBeUndefined();
    expect(lead.unused).toEqual({ 'organisation.companyCode': '302' });
  });

  it.each([
    [{ 'person.email': 'ona@' }, ['person.email:invalid_format']],
    [{ 'person.lastName': 'A', 'person.phone': '12' }, ['person.phone:invalid_format']],
    [{ 'person.lastName': 'A', 'person.country': 'Lithuania' }, ['person.country:invalid_format']],
    [{ 'person.lastName': 'A', 'lead.timeframe': 'soon' }, ['lead.timeframe:invalid_format']],
    [{ 'person.lastName': 'x'.repeat(101) }, ['person.lastName:too_long']],
    [{ 'organisation.name': 'UAB' }, ['person:required']],
    [{ 'person.lastName': 'A', 'cf.budget': 'daug' }, ['cf.budget:invalid_type']],
    [{ 'person.lastName': 'A', 'cf.urgent': 'gal' }, ['cf.urgent:invalid_type']],
    [{ 'person.lastName': 'A', 'cf.topics': 'crm, hr' }, ['cf.topics:invalid_value']],
    [{ 'person.lastName': 'A', 'cf.start': '14.03.2026' }, ['cf.start:invalid_format']],
    [{ 'person.lastName': 'A', 'cf.nope': 'x' }, ['cf.nope:not_allowed']],
  ] as const)('refuses %j naming %j', (values, expected) => {
    expect(webhookLead(values, FIELDS, AT).errors.map((e) => `${e.field}:${e.code}`)).toEqual(expected);
  });
});
