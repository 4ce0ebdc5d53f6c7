/**
 * Money in a deal: integer cents everywhere, one rounding rule (half away from zero, at the last
 * step only), so a column's total is exact and equals a straight SQL sum of the stored amounts.
 *
 * - A line item is quantity × unit price less a discount. Quantity is kept in thousandths (1.5
 *   hours = 1500) and the discount in basis points (12.5 % = 1250), so every factor is an integer
 *   and the line total is rounded once.
 * - A deal in another currency keeps its own amount and the EUR amount at the rate frozen when it
 *   was closed (rate in millionths of EUR per unit: 1 USD = 0.92 EUR is 920000).
 * - A weighted value is amount × win probability; a column's weighted sum is rounded once over
 *   the column (Σ amount × probability / 100), not deal by deal, so it is exact to the cent.
 */

export const QUANTITY_SCALE = 1000;
export const DISCOUNT_SCALE = 10_000;
export const RATE_SCALE = 1_000_000;
/** The largest amount a deal may have: €10 billion in cents, well inside a safe integer. */
export const MAX_AMOUNT_CENTS = 1_000_000_000_000;

/** a / b rounded half away from zero, for integers a and b > 0 (BigInt, no float error). */
export function divRound(a: bigint, b: bigint): bigint {
  const q = a / b;
  const r = a % b;
  if (r * 2n >= b) return q + 1n;
  if (r * 2n <= -b) return q - 1n;
  return q;
}

export interface LineItem {
  /** Thousandths of a unit. */
  quantity: number;
  unitPriceCents: number;
  /** Basis points off the line (0–10000). */
  discountBasisPoints: number;
}

/** One line's total in cents: quantity × unit price × (1 − discount), rounded once. */
export function lineTotalCents(item: LineItem): number {
  const gross = BigInt(item.quantity) * BigInt(item.unitPriceCents);
  const kept = BigInt(DISCOUNT_SCALE - item.discountBasisPoints);
  return Number(divRound(gross * kept, BigInt(QUANTITY_SCALE * DISCOUNT_SCALE)));
}

/** A deal's amount from its lines: the sum of the rounded line totals (what an invoice shows). */
export function linesTotalCents(items: readonly LineItem[]): number {
  return items.reduce((sum, item) => sum + lineTotalCents(item), 0);
}

/** An amount in another currency in EUR cents at a frozen rate (millionths of EUR per unit). */
export function toEurCents(amountCents: number, rateMicros: number): number {
  return Number(divRound(BigInt(amountCents) * BigInt(rateMicros), BigInt(RATE_SCALE)));
}

/** One deal's weighted value: amount × probability %, rounded. */
export function weightedCents(amountCents: number, probabilityPercent: number): number {
  return Number(divRound(BigInt(amountCents) * BigInt(probabilityPercent), 100n));
}

/**
 * The totals of a set of deals (a kanban column, a forecast): count, sum, and weighted sum rounded
 * once over the set. `weightedSum` takes Σ(amount × probability) — what SQL sums exactly in
 * integers — so the database and this function agree to the cent.
 */
export function columnTotals(deals: readonly { amountCents: number; probabilityPercent: number }[]): {
  count: number;
  sumCents: number;
  weightedCents: number;
} {
  let sum = 0n;
  let weighted = 0n;
  for (const d of deals) {
    sum += BigInt(d.amountCents);
    weighted += BigInt(d.amountCents) * BigInt(d.probabilityPercent);
  }
  return { count: deals.length, sumCents: Number(sum), weightedCents: Number(divRound(weighted, 100n)) };
}
