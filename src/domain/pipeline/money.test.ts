import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  columnTotals,
  divRound,
  linesTotalCents,
  lineTotalCents,
  MAX_AMOUNT_CENTS,
  toEurCents,
  weightedCents,
} from './money.js';

describe('rounding', () => {
  it.each([
    [5n, 2n, 3n],
    [4n, 2n, 2n],
    [7n, 3n, 2n],
    [-5n, 2n, -3n],
    [-7n, 3n, -2n],
    [1n, 3n, 0n],
    [2n, 3n, 1n],
  ])('%s / %s → %s (half away from zero)', (a, b, q) => {
    expect(divRound(a, b)).toBe(q);
  });
});

describe('line items', () => {
  it.each([
    // quantity in thousandths, unit price in cents, discount in basis points → cents
    [{ quantity: 1000, unitPriceCents: 9999, discountBasisPoints: 0 }, 9999],
    [{ quantity: 1500, unitPriceCents: 4000, discountBasisPoints: 0 }, 6000],
    [{ quantity: 3000, unitPriceCents: 333, discountBasisPoints: 1000 }, 899], // 999 − 10 % = 899.1
    [{ quantity: 1000, unitPriceCents: 1, discountBasisPoints: 5000 }, 1], // 0.5 → 1
    [{ quantity: 2000, unitPriceCents: 12_345, discountBasisPoints: 10_000 }, 0],
    [{ quantity: 333, unitPriceCents: 100, discountBasisPoints: 0 }, 33], // 33.3
  ])('%j → %i cents', (item, cents) => {
    expect(lineTotalCents(item)).toBe(cents);
  });

  it('a deal sums its rounded lines, as the invoice shows them', () => {
    const lines = [
      { quantity: 1000, unitPriceCents: 1, discountBasisPoints: 5000 },
      { quantity: 1000, unitPriceCents: 1, discountBasisPoints: 5000 },
    ];
    expect(linesTotalCents(lines)).toBe(2);
  });
});

describe('currencies', () => {
  it('converts at the frozen rate, rounding once', () => {
    expect(toEurCents(10_000, 920_000)).toBe(9200); // $100 at 0.92
    expect(toEurCents(1, 500_000)).toBe(1); // half a cent → 1
    expect(toEurCents(123_456, 1_000_000)).toBe(123_456);
  });
});

describe('weighted values and column totals', () => {
  it('a column’s weighted sum is rounded once over the column, not deal by deal', () => {
    // three deals of 1 cent at 50 %: deal by deal 1 + 1 + 1 = 3, the true value is 1.5 → 2
    const deals = Array.from({ length: 3 }, () => ({ amountCents: 1, probabilityPercent: 50 }));
    expect(deals.reduce((s, d) => s + weightedCents(d.amountCents, d.probabilityPercent), 0)).toBe(3);
    expect(columnTotals(deals)).toEqual({ count: 3, sumCents: 3, weightedCents: 2 });
  });

  it('totals equal the exact sums, whatever the amounts (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            amountCents: fc.integer({ min: 0, max: MAX_AMOUNT_CENTS }),
            probabilityPercent: fc.integer({ min: 0, max: 100 }),
          }),
          { maxLength: 200 },
        ),
        (deals) => {
          const t = columnTotals(deals);
          const exact = deals.reduce((s, d) => s + BigInt(d.amountCents), 0n);
          expect(BigInt(t.sumCents)).toBe(exact);
          const weighted = deals.reduce(
            (s, d) => s + BigInt(d.amountCents) * BigInt(d.probabilityPercent),
            0n,
          );
          // within half a cent of the exact weighted value
          expect(Math.abs(Number(BigInt(t.weightedCents) * 100n - weighted))).toBeLessThanOrEqual(50);
        },
      ),
    );
  });
});
