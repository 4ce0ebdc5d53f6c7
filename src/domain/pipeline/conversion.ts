import { type FieldError, fieldError } from '../errors/app-error.js';
import type { LineItem } from './money.js';
import { linesTotalCents, QUANTITY_SCALE } from './money.js';

/**
 * Converting an SQL into a deal (issue #6 §1): what the deal takes from the lead, and when the
 * conversion may be undone. The person and organisation are the lead's own (already de-duplicated:
 * no new identity is made), and so are its owner, team, source, campaign and products.
 */

/** What a deal takes over from its lead as it is. */
interface CarriedOver {
  ownerId: string | null;
  teamId: string | null;
  personId: string | null;
  organisationId: string | null;
  sourceId: string | null;
  campaignId: string | null;
}

export interface LeadForConversion extends CarriedOver {
  id: string;
  title: string;
  stage: string;
  productIds: readonly string[];
  deletedAt: string | null;
}

export interface DealFromLead extends CarriedOver {
  title: string;
  leadId: string;
  stageId: string;
  items: (LineItem & { productId: string })[];
  /** The lines' total, or null when the lead named no product with a price. */
  amountCents: number | null;
}

/** Why a lead may not be converted: only a live SQL may (a person moves it there first). */
export function conversionErrors(lead: LeadForConversion): FieldError[] {
  if (lead.deletedAt !== null) return [fieldError('leadId', 'not_found')];
  if (lead.stage !== 'sql') return [fieldError('stage', 'invalid_value')];
  return [];
}

/**
 * The deal a lead becomes, in the pipeline's first stage: one line per product of interest at its
 * catalogue price (a product without a price, or no longer sold, is left out of the lines).
 */
export function dealFromLead(
  lead: LeadForConversion,
  firstStageId: string,
  prices: ReadonlyMap<string, number | null>,
  title?: string,
): DealFromLead {
  const items = lead.productIds.flatMap((productId) => {
    const price = prices.get(productId);
    return price === null || price === undefined
      ? []
      : [{ productId, quantity: QUANTITY_SCALE, unitPriceCents: price, discountBasisPoints: 0 }];
  });
  return {
    title: (title ?? '').trim() || lead.title,
    leadId: lead.id,
    ownerId: lead.ownerId,
    teamId: lead.teamId,
    personId: lead.personId,
    organisationId: lead.organisationId,
    sourceId: lead.sourceId,
    campaignId: lead.campaignId,
    stageId: firstStageId,
    items,
    amountCents: items.length > 0 ? linesTotalCents(items) : null,
  };
}

/**
 * A conversion may be undone (the deal removed, the lead reopened as SQL) only while the deal is as
 * the conversion made it: still open, in its first stage, with nothing logged on it since.
 */
export function undoConversionErrors(deal: {
  status: 'open' | 'won' | 'lost';
  stageId: string;
  firstStageId: string;
  activitiesSinceConversion: number;
}): FieldError[] {
  if (deal.status !== 'open') return [fieldError('status', 'invalid_value')];
  if (deal.stageId !== deal.firstStageId || deal.activitiesSinceConversion > 0)
    return [fieldError('dealId', 'in_use')];
  return [];
}
