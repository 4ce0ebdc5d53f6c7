import type { WebhookMapping } from './mapping.js';
import { FACEBOOK_LEAD_ADS_EXAMPLE, FACEBOOK_LEAD_ADS_MAPPING } from './presets/facebook-lead-ads.js';
import { LINKEDIN_LEAD_GEN_EXAMPLE, LINKEDIN_LEAD_GEN_MAPPING } from './presets/linkedin-lead-gen.js';

export { FACEBOOK_LEAD_ADS_EXAMPLE, FACEBOOK_LEAD_ADS_MAPPING } from './presets/facebook-lead-ads.js';
export {
  LINKEDIN_LEAD_GEN_EXAMPLE,
  LINKEDIN_LEAD_GEN_MAPPING,
  type LinkedinConsent,
  linkedinConsents,
} from './presets/linkedin-lead-gen.js';

/** The kinds of integration an admin can create (`integrations.kind`). */
export const WEBHOOK_PRESET_KINDS = ['generic', 'facebook_lead_ads', 'linkedin_lead_gen'] as const;
export type WebhookPresetKind = (typeof WEBHOOK_PRESET_KINDS)[number];

/** A starting mapping and a payload it reads, shown on the mapping screen as a sample. */
export interface WebhookPreset {
  mapping: WebhookMapping;
  example: unknown;
}

/** A flat JSON object, the shape most form tools and hand-written senders post. */
export const GENERIC_MAPPING: WebhookMapping = {
  eventId: { pointer: '/id' },
  test: { pointer: '/test' },
  fields: {
    'person.email': { pointer: '/email' },
    'person.firstName': { pointer: '/first_name' },
    'person.lastName': { pointer: '/last_name' },
    'person.phone': { pointer: '/phone' },
    'organisation.name': { pointer: '/company' },
  },
};

export const GENERIC_EXAMPLE = {
  id: 'evt_20250314_0001',
  email: 'ona.petraite@example.com',
  first_name: 'Ona',
  last_name: 'Petraitė',
  phone: '+370 612 34567',
  company: 'UAB Medžio darbai',
};

/**
 * The preset of each integration kind. Shared module data: store a copy
 * (`validateMapping(preset.mapping)` returns one) rather than editing these objects.
 */
export const PRESETS: Readonly<Record<WebhookPresetKind, WebhookPreset>> = {
  generic: { mapping: GENERIC_MAPPING, example: GENERIC_EXAMPLE },
  facebook_lead_ads: { mapping: FACEBOOK_LEAD_ADS_MAPPING, example: FACEBOOK_LEAD_ADS_EXAMPLE },
  linkedin_lead_gen: { mapping: LINKEDIN_LEAD_GEN_MAPPING, example: LINKEDIN_LEAD_GEN_EXAMPLE },
};
