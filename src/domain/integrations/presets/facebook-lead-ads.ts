import type { Source, WebhookMapping } from '../mapping.js';

const answer = (...names: string[]): Source => ({ fieldData: names });

/**
 * Facebook Lead Ads, as the lead object a relay (Zapier, Make, an own Graph API poller) posts:
 * Meta's own `leadgen` webhook carries ids only, and `GET /{leadgen_id}` returns this shape.
 * Standard questions arrive under Meta's field names (`email`, `full_name`, `phone_number` …);
 * custom questions under their text, verbatim, for an admin to map as `cf.*`. A form asks either
 * for the full name or for first and last name, so all three are mapped (see `applyMapping`).
 */
export const FACEBOOK_LEAD_ADS_MAPPING: WebhookMapping = {
  eventId: { pointer: '/id' },
  fields: {
    'person.email': answer('email', 'work_email'),
    'person.fullName': answer('full_name'),
    'person.firstName': answer('first_name'),
    'person.lastName': answer('last_name'),
    'person.phone': answer('phone_number', 'work_phone_number'),
    'person.jobTitle': answer('job_title'),
    'person.city': answer('city'),
    'person.country': answer('country'),
    'organisation.name': answer('company_name'),
    'lead.sourceDetail': { pointer: '/campaign_name' },
  },
};

/** A lead object as `GET /{leadgen_id}?fields=id,created_time,ad_id,form_id,campaign_name,field_data` returns it. */
export const FACEBOOK_LEAD_ADS_EXAMPLE = {
  id: '1209384756102938',
  created_time: '2025-03-14T09:26:53+0000',
  ad_id: '23851234567890123',
  form_id: '987654321098765',
  campaign_name: 'Pavasario seminaras — LT',
  field_data: [
    { name: 'email', values: ['jonas.jonaitis@example.com'] },
    { name: 'full_name', values: ['Jonas Jonaitis'] },
    { name: 'phone_number', values: ['+37061234567'] },
    { name: 'company_name', values: ['UAB Saulėgrąža'] },
    { name: 'job_title', values: ['Pardavimų vadovas'] },
    { name: 'city', values: ['Kaunas'] },
    { name: 'kada_planuojate_pirkti?', values: ['per_3_mėnesius'] },
  ],
};
