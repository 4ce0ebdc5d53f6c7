import { describe, expect, it } from 'vitest';
import { DEFAULT_OPTIONS, toSettings } from './import-options';

describe('toSettings', () => {
  it('sends the defaults as a dry run matched on e-mail, creating only', () => {
    expect(toSettings({ Email: 'person.email' }, DEFAULT_OPTIONS)).toEqual({
      mapping: { Email: 'person.email' },
      match: ['email'],
      mode: 'create_only',
      dryRun: true,
      sourceId: null,
      campaignId: null,
      memberStatus: null,
      ownerId: null,
      externalSystem: null,
    });
  });

  it('orders match keys as offered, keeps the campaign status with a campaign, and lower-cases the system', () => {
    const settings = toSettings(
      { ID: 'external.id', Email: 'person.email' },
      {
        ...DEFAULT_OPTIONS,
        match: ['external_id', 'email'],
        campaignId: 'c-1',
        memberStatus: 'attended',
        externalSystem: ' HubSpot ',
      },
    );
    expect(settings).toMatchObject({
      match: ['email', 'external_id'],
      memberStatus: 'attended',
      externalSystem: 'hubspot',
    });
  });

  it('leaves the external system out when no column holds external ids', () => {
    expect(
      toSettings({ Email: 'person.email' }, { ...DEFAULT_OPTIONS, externalSystem: 'hubspot' }).externalSystem,
    ).toBeNull();
  });
});
