import type { Lead, UpdateLeadInput } from '../../lib/api';
import { isoToLocalDateTime, localDateTimeToIso } from '../../lib/zoned-time';

/** The lead's own fields as the edit form holds them (the follow-up in the user's wall-clock time). */
export interface LeadEditValues extends Record<string, unknown> {
  title: string;
  sourceId: string | null;
  campaignId: string | null;
  productIds: string[];
  tags: string[];
  nextFollowUp: string;
}

export function leadEditValues(lead: Lead): LeadEditValues {
  return {
    title: lead.title,
    sourceId: lead.sourceId,
    campaignId: lead.campaignId,
    productIds: [...lead.productIds],
    tags: [...lead.tags],
    nextFollowUp: lead.nextFollowUpAt ? isoToLocalDateTime(lead.nextFollowUpAt) : '',
  };
}

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((value, i) => value === b[i]);

/**
 * Only what changed is sent, so the lead's history names real changes. Null when nothing changed;
 * `{ error }` names the field the browser can already refuse.
 */
export function leadChanges(
  lead: Lead,
  values: LeadEditValues,
): UpdateLeadInput | { error: 'title' | 'nextFollowUp' } | null {
  const input: UpdateLeadInput = {};
  const title = values.title.trim();
  if (!title) return { error: 'title' };
  if (title !== lead.title) input.title = title;
  if (values.sourceId !== lead.sourceId) input.sourceId = values.sourceId;
  if (values.campaignId !== lead.campaignId) input.campaignId = values.campaignId;
  if (!sameList(values.productIds, lead.productIds)) input.productIds = values.productIds;
  if (!sameList(values.tags, lead.tags)) input.tags = values.tags;
  const followUp = values.nextFollowUp ? localDateTimeToIso(values.nextFollowUp) : null;
  if (values.nextFollowUp && !followUp) return { error: 'nextFollowUp' };
  const before = lead.nextFollowUpAt ? isoToLocalDateTime(lead.nextFollowUpAt) : '';
  if (values.nextFollowUp !== before) input.nextFollowUpAt = followUp;
  return Object.keys(input).length ? input : null;
}
