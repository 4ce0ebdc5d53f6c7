/**
 * Deals that go quiet, and lost deals that come back (issue #6 §2 rotting, §4 closed-lost recovery).
 * Time comes in as an argument; days are 24-hour periods between instants.
 */

const DAY_MS = 86_400_000;

/**
 * When an open deal started rotting: `rottingDays` after the later of its last activity and its
 * arrival in the stage (a new stage starts the count over). Null when the stage never rots or the
 * deal is not rotting yet at `now`.
 */
export function rottingSince(
  deal: { lastActivityAt: string | null; stageEnteredAt: string },
  rottingDays: number | null,
  now: Date,
): Date | null {
  if (rottingDays === null) return null;
  const quietFrom = Math.max(
    Date.parse(deal.stageEnteredAt),
    deal.lastActivityAt ? Date.parse(deal.lastActivityAt) : Number.NEGATIVE_INFINITY,
  );
  const since = quietFrom + rottingDays * DAY_MS;
  return since <= now.getTime() ? new Date(since) : null;
}

/** A lost reason with how long after the loss its deal comes back for another try (null: never). */
export interface LostReason {
  key: string;
  revisitAfterDays: number | null;
}

/** The defaults a new install starts with; admins change the list and the delays. */
export const DEFAULT_LOST_REASONS: readonly LostReason[] = [
  { key: 'price', revisitAfterDays: 180 },
  { key: 'timing', revisitAfterDays: 90 },
  { key: 'competitor', revisitAfterDays: 365 },
  { key: 'no_budget', revisitAfterDays: 180 },
  { key: 'no_decision', revisitAfterDays: 120 },
  { key: 'product_fit', revisitAfterDays: null },
  { key: 'other', revisitAfterDays: null },
];

/** When a lost deal enters the re-engagement queue, or null when its reason never brings it back. */
export function reengageAt(lostAt: string, reason: string, reasons: readonly LostReason[]): Date | null {
  const days = reasons.find((r) => r.key === reason)?.revisitAfterDays ?? null;
  return days === null ? null : new Date(Date.parse(lostAt) + days * DAY_MS);
}

/**
 * What to offer an organisation that comes back: active catalogue products it has not bought, in
 * catalogue order (the products of won deals and of the lost deal itself count as known interest:
 * the lost deal's come first, as it wanted them).
 */
export function crossSell(
  catalogue: readonly { id: string; active: boolean }[],
  bought: ReadonlySet<string>,
  wantedBefore: readonly string[] = [],
): string[] {
  const active = new Set(catalogue.filter((p) => p.active).map((p) => p.id));
  const first = wantedBefore.filter((id) => active.has(id) && !bought.has(id));
  const rest = catalogue
    .filter((p) => p.active && !bought.has(p.id) && !first.includes(p.id))
    .map((p) => p.id);
  return [...new Set([...first, ...rest])];
}
