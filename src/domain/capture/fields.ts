/**
 * What every capture channel can write about who a lead is: the person and their organisation,
 * and the lead's own title, purchase timeframe and source detail. Imports and webhook mappings
 * add their own fields to this one list, so the channels cannot drift apart.
 */
export const RECORD_FIELDS = [
  'person.firstName',
  'person.lastName',
  'person.fullName',
  'person.email',
  'person.phone',
  'person.jobTitle',
  'person.city',
  'person.country',
  'organisation.name',
  'organisation.companyCode',
  'organisation.website',
  'lead.title',
  'lead.timeframe',
] as const;

/** A custom field's key as a capture field names it after `cf.`: a lower-case letter, then up to 62 letters, digits or `_`. */
export const CUSTOM_KEY_SOURCE = '[a-z][a-z0-9_]{0,62}';
