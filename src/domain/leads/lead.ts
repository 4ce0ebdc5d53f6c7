import type { DisqualifyReason, LeadStage } from './stages.js';
import type { Timeframe } from './temperature.js';

/** A lead: one episode of interest of a person and/or an organisation. */
export interface Lead {
  id: string;
  personId: string | null;
  organisationId: string | null;
  title: string;
  sourceId: string | null;
  sourceDetail: string | null;
  campaignId: string | null;
  referredByPersonId: string | null;
  ownerId: string | null;
  teamId: string | null;
  /** 'now', a YYYY-MM-DD date, or null (no timeframe given). */
  timeframe: string | null;
  stage: LeadStage;
  stageChangedAt: string;
  disqualifyReason: DisqualifyReason | null;
  disqualifyNote: string | null;
  revisitOn: string | null;
  competitor: string | null;
  score: number;
  nextFollowUpAt: string | null;
  lastActivityAt: string | null;
  customFields: Record<string, unknown>;
  productIds: string[];
  tags: string[];
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
}

/** The stored text of a timeframe: `{ kind: 'now' }` → `'now'`, a date → the date, none → null. */
export function timeframeText(timeframe: Timeframe): string | null {
  if (!timeframe) return null;
  return timeframe.kind === 'now' ? 'now' : timeframe.date;
}

/** The timeframe of stored text: `'now'` → `{ kind: 'now' }`, `'2026-12-01'` → a date, null → null. */
export function timeframeOf(text: string | null): Timeframe {
  if (!text) return null;
  return text === 'now' ? { kind: 'now' } : { kind: 'date', date: text };
}

/** Tags are case-insensitive labels: trimmed, lower-cased, unique, at most 40 characters each. */
export function normaliseTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim().toLowerCase()).filter((t) => t.length > 0 && t.length <= 40))];
}

/** A lead's title when none is given: `Ona Petraitė — UAB Saulė`, or whichever of the two exists. */
export function defaultLeadTitle(personName: string | null, organisationName: string | null): string {
  return [personName, organisationName].filter((s): s is string => Boolean(s)).join(' — ') || '—';
}
