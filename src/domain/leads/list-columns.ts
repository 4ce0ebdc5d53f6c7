/** The columns a lead list can show, in their default order; saved views and the table share them. */
export const LEAD_COLUMNS = [
  'title',
  'person',
  'organisation',
  'email',
  'phone',
  'stage',
  'temperature',
  'owner',
  'source',
  'score',
  'created',
  'lastActivity',
  'nextFollowUp',
] as const;
export type LeadColumn = (typeof LEAD_COLUMNS)[number];
