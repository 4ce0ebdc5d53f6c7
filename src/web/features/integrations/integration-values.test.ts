import { describe, expect, it } from 'vitest';
import type { Role } from '../../../domain/accounts/user';
import { PRESETS } from '../../../domain/integrations/presets';
import { mayManageMarketing } from '../../lib/access';
import type { IntegrationDto } from '../../lib/api';
import {
  integrationValuesOf,
  newIntegrationValues,
  placeServerProblems,
  toIntegrationBody,
} from './integration-values';

const saved: IntegrationDto = {
  id: '0195e0c4-0000-7000-8000-000000000001',
  name: 'Spring campaign',
  kind: 'linkedin_lead_gen',
  active: false,
  mapping: { eventId: { pointer: '/id' }, fields: { 'person.email': { pointer: '/email' } } },
  sourceId: null,
  campaignId: '0195e0c4-0000-7000-8000-000000000002',
  ownerId: null,
  endpoint: 'http://crm.example.lt/api/public/webhooks/0195e0c4-0000-7000-8000-000000000001',
  signatureHeader: 'X-Piltuvas-Signature',
  secretRotatedAt: null,
  previousSecretValidUntil: null,
  counts: { pending: 0, processed: 0, failed: 0, test: 0 },
  lastEvent: null,
  createdAt: '2026-03-01T10:00:00.000Z',
  updatedAt: '2026-03-01T10:00:00.000Z',
};

describe('integration values', () => {
  it('start a new integration with the chosen preset’s mapping, active, leads unassigned', () => {
    const values = { ...newIntegrationValues('facebook_lead_ads'), name: ' Facebook LT ' };
    expect(toIntegrationBody(values)).toEqual({
      ok: true,
      body: {
        name: 'Facebook LT',
        kind: 'facebook_lead_ads',
        active: true,
        mapping: PRESETS.facebook_lead_ads.mapping,
        sourceId: null,
        campaignId: null,
        ownerId: null,
      },
    });
  });

  it('read a saved integration back into the same body', () => {
    const result = toIntegrationBody(integrationValuesOf(saved));
    expect(result).toEqual({
      ok: true,
      body: {
        name: 'Spring campaign',
        kind: 'linkedin_lead_gen',
        active: false,
        mapping: saved.mapping,
        sourceId: null,
        campaignId: saved.campaignId,
        ownerId: null,
      },
    });
  });

  it('refuse to send without a name', () => {
    expect(toIntegrationBody(newIntegrationValues('generic'))).toEqual({
      ok: false,
      problems: { name: 'required' },
    });
  });
});

describe('placeServerProblems', () => {
  it('puts settings under their inputs and mapping problems under their rows', () => {
    const values = integrationValuesOf(saved);
    const emailRow = values.rows.find((row) => row.target === 'person.email');
    expect(
      placeServerProblems(
        [
          { field: 'body.ownerId', code: 'user_disabled' },
          { field: 'body.mapping.fields.person.email', code: 'invalid_pointer' },
          { field: 'mapping', code: 'invalid_type' },
        ],
        values.rows,
      ),
    ).toEqual({
      ownerId: 'user_disabled',
      [emailRow?.key ?? '?']: 'invalid_pointer',
      mapping: 'invalid_type',
    });
  });
});

describe('mayManageMarketing', () => {
  it.each<[Role, boolean]>([
    ['admin', true],
    ['marketer', true],
    ['manager', false],
    ['rep', false],
  ])('a %s → %s, as the server decides', (role, expected) => {
    expect(mayManageMarketing({ id: 'u', role, teamId: null, grants: [] })).toBe(expected);
  });
});
