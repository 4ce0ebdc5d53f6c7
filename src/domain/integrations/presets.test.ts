import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyMapping, type MappedEvent, validateMapping } from './mapping.js';
import { PRESETS, WEBHOOK_PRESET_KINDS, type WebhookPresetKind } from './presets.js';

describe('PRESETS', () => {
  it('has one preset per integration kind', () => {
    expect(Object.keys(PRESETS).sort()).toEqual([...WEBHOOK_PRESET_KINDS].sort());
  });

  it.each(WEBHOOK_PRESET_KINDS)('%s holds a mapping the validator accepts as it is', (kind) => {
    expect(validateMapping(PRESETS[kind].mapping)).toEqual({ ok: true, mapping: PRESETS[kind].mapping });
  });

  it.each<[WebhookPresetKind, MappedEvent]>([
    [
      'generic',
      {
        eventId: 'evt_20250314_0001',
        test: false,
        values: {
          'person.email': 'ona.petraite@example.com',
          'person.firstName': 'Ona',
          'person.lastName': 'Petraitė',
          'person.phone': '+370 612 34567',
          'organisation.name': 'UAB Medžio darbai',
        },
      },
    ],
    [
      'facebook_lead_ads',
      {
        eventId: '1209384756102938',
        test: false,
        values: {
          'person.email': 'jonas.jonaitis@example.com',
          'person.firstName': 'Jonas',
          'person.lastName': 'Jonaitis',
          'person.phone': '+37061234567',
          'person.jobTitle': 'Pardavimų vadovas',
          'person.city': 'Kaunas',
          'organisation.name': 'UAB Saulėgrąža',
          'lead.sourceDetail': 'Pavasario seminaras — LT',
        },
      },
    ],
    [
      'linkedin_lead_gen',
      {
        eventId: '7c9e6679-7425-40de-944b-e07fc1f90ae7-4',
        test: false,
        values: {
          'person.email': 'ruta.kazlauskiene@example.com',
          'person.firstName': 'Rūta',
          'person.lastName': 'Kazlauskienė',
          'person.phone': '+370 655 12345',
          'person.jobTitle': 'Operations Director',
          'organisation.name': 'Vilnius Logistics',
          'lead.sourceDetail': 'Fleet software demo — Baltics',
        },
      },
    ],
  ])('%s reads its own example', (kind, expected) => {
    expect(applyMapping(PRESETS[kind].mapping, PRESETS[kind].example)).toEqual(expected);
  });

  it('every preset survives any JSON value and any JavaScript value', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...WEBHOOK_PRESET_KINDS),
        fc.oneof(fc.jsonValue(), fc.anything()),
        (kind, body) => {
          expect(applyMapping(PRESETS[kind].mapping, body).test).toBeTypeOf('boolean');
        },
      ),
    );
  });
});
