import { type LeadStage, OPEN_STAGES, type OpenStage } from '../leads/stages.js';
import type { Behaviour, FitRule, Range, ScoreModel, ScoringRule } from './rules.js';

/** What a rule can read of a lead: field values by fit field name, and what its person did when. */
export type FactValue = string | number | readonly string[] | null | undefined;

export interface LeadFacts {
  fields: Readonly<Record<string, FactValue>>;
  behaviours: readonly { behaviour: Behaviour; at: string }[];
}

/** One line of a score's "why": a rule's points (behaviour: all its occurrences, faded), or a cap. */
export interface ScoreLine {
  ruleId: string | null;
  kind: 'fit' | 'behaviour' | 'cap';
  /** The group a cap line cuts (null: the total cap). */
  group: string | null;
  points: number;
  /** Behaviour: how many times it happened. */
  count: number | null;
  /** Fit: since when the rule has matched; behaviour: its latest occurrence; cap: when applied. */
  at: string;
}

export interface ScoreResult {
  scoreId: string;
  total: number;
  lines: ScoreLine[];
}

const DAY_MS = 86_400_000;

// biome-ignore lint/suspicious/noControlCharactersInRegex: the ASCII range, which needs no normalising
const NON_ASCII = /[^\u0000-\u007f]/u;
/** Compared as written, whatever the case, spacing or Unicode form (locale-free: measured 2 s of a 100k rescore). */
const text = (s: string) => (NON_ASCII.test(s) ? s.normalize('NFC') : s).trim().toLowerCase();

function texts(value: FactValue): string[] {
  if (value === null || value === undefined) return [];
  if (typeof value === 'number') return [String(value)];
  if (typeof value === 'string') return value.trim() === '' ? [] : [text(value)];
  return value.filter((s) => s.trim() !== '').map(text);
}

/** The first number in a value: 250, "250", "51-200" → 51; none → null. */
function numberOf(value: string | number): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  const match = /-?\d+(?:[.,]\d+)?/u.exec(value);
  return match ? Number(match[0].replace(',', '.')) : null;
}

function inRange(value: FactValue, range: Range): boolean {
  const values =
    value === null || value === undefined ? [] : Array.isArray(value) ? value : [value as string | number];
  return values.some((v) => {
    const n = numberOf(v);
    if (n === null) return false;
    return (range.min === undefined || n >= range.min) && (range.max === undefined || n <= range.max);
  });
}

/** Whether a fit rule holds for a value; a list value matches when any of its items does. */
export function matches(rule: Pick<FitRule, 'operator' | 'value'>, value: FactValue): boolean {
  const have = texts(value);
  switch (rule.operator) {
    case 'empty':
      return have.length === 0;
    case 'equals':
      return typeof rule.value === 'string' && have.includes(text(rule.value));
    case 'in': {
      const wanted = new Set((Array.isArray(rule.value) ? rule.value : []).map(text));
      return have.some((v) => wanted.has(v));
    }
    case 'contains': {
      const part = typeof rule.value === 'string' ? text(rule.value) : '';
      return part !== '' && have.some((v) => v.includes(part));
    }
    case 'range':
      return rule.value !== null && typeof rule.value === 'object' && !Array.isArray(rule.value)
        ? inRange(value, rule.value)
        : false;
  }
}

/** Points worth `points` at `at`, halving every `halfLifeDays` until `now` (never more than given). */
export function decayed(points: number, at: string, now: Date, halfLifeDays: number | null): number {
  if (halfLifeDays === null) return points;
  const ageDays = Math.max(0, (now.getTime() - Date.parse(at)) / DAY_MS);
  return points * 0.5 ** (ageDays / halfLifeDays);
}

/**
 * A lead's score under one model: each fit rule that holds gives its points; each behaviour rule
 * gives its points per occurrence, faded by the half-life, rounded once per rule. A group's lines
 * and then the total are cut to their caps by a "cap" line, so the lines always add up to the total.
 */
export function scoreLead(facts: LeadFacts, model: ScoreModel, now: Date): ScoreResult {
  const at = now.toISOString();
  const lines: ScoreLine[] = [];
  for (const rule of model.rules) {
    if (rule.kind === 'fit') {
      if (matches(rule, facts.fields[rule.field]))
        lines.push({ ruleId: rule.id, kind: 'fit', group: rule.group, points: rule.points, count: null, at });
      continue;
    }
    // what is still ahead (a meeting planned for next week) has not happened yet
    const done = facts.behaviours.filter((b) => b.behaviour === rule.behaviour && b.at <= at);
    if (done.length === 0) continue;
    const sum = done.reduce((s, b) => s + decayed(rule.points, b.at, now, model.halfLifeDays), 0);
    // ISO timestamps sort as text: the latest occurrence is the greatest.
    const latest = done
      .map((b) => b.at)
      .sort()
      .at(-1) as string;
    const points = Math.round(sum);
    if (points !== 0)
      lines.push({
        ruleId: rule.id,
        kind: 'behaviour',
        group: rule.group,
        points,
        count: done.length,
        at: latest,
      });
  }
  const sumOf = (group: string) => lines.filter((l) => l.group === group).reduce((s, l) => s + l.points, 0);
  for (const [group, cap] of Object.entries(model.groupCaps)) {
    const sum = sumOf(group);
    if (sum > cap) lines.push({ ruleId: null, kind: 'cap', group, points: cap - sum, count: null, at });
  }
  const total = lines.reduce((s, l) => s + l.points, 0);
  if (model.totalCap !== null && total > model.totalCap) {
    lines.push({ ruleId: null, kind: 'cap', group: null, points: model.totalCap - total, count: null, at });
    return { scoreId: model.id, total: model.totalCap, lines };
  }
  return { scoreId: model.id, total, lines };
}

/**
 * Keeps the "since" of fit and cap lines that held before with the same points (a rescore is not
 * news, and an unchanged score is not rewritten); behaviour lines carry their own times.
 */
export function carrySince(previous: readonly ScoreLine[], next: ScoreLine[]): ScoreLine[] {
  const keyOf = (l: ScoreLine) => `${l.kind}|${l.ruleId ?? ''}|${l.group ?? ''}|${l.points}`;
  const before = new Map(previous.filter((l) => l.kind !== 'behaviour').map((l) => [keyOf(l), l.at]));
  return next.map((l) => {
    const at = l.kind === 'behaviour' ? undefined : before.get(keyOf(l));
    return at ? { ...l, at } : l;
  });
}

/**
 * Whether changing these rules can move a lead's score: one of them gave it points before (its
 * lines name it), or would now (a fit rule holds, or the behaviour happened). Leads it cannot move
 * keep their scores as they are, so a rule change rescores only the leads it is about.
 */
export function changeTouches(
  facts: LeadFacts,
  previous: readonly ScoreLine[],
  changed: readonly ScoringRule[],
  changedIds: ReadonlySet<string>,
  now: Date,
): boolean {
  if (previous.some((l) => l.ruleId !== null && changedIds.has(l.ruleId))) return true;
  const at = now.toISOString();
  return changed.some((r) =>
    r.kind === 'fit'
      ? matches(r, facts.fields[r.field])
      : facts.behaviours.some((b) => b.behaviour === r.behaviour && b.at <= at),
  );
}

const RANK: Record<OpenStage, number> = { suspect: 0, mql: 1, sql: 2 };

/** The stage a score's thresholds point at. */
export function targetStage(
  total: number,
  model: Pick<ScoreModel, 'mqlThreshold' | 'sqlThreshold'>,
): OpenStage {
  if (total >= model.sqlThreshold) return 'sql';
  if (total >= model.mqlThreshold) return 'mql';
  return 'suspect';
}

/**
 * The stage scores move a lead to, or null to leave it: only open leads whose stage no person has
 * set (a person's choice always wins); forward to the highest stage any score reaches; back only
 * when every score that points lower allows demotion on decay.
 */
export function qualify(
  lead: { stage: LeadStage; stageSetByPerson: boolean },
  scores: readonly {
    total: number;
    model: Pick<ScoreModel, 'mqlThreshold' | 'sqlThreshold' | 'demoteOnDecay'>;
  }[],
): OpenStage | null {
  if (lead.stageSetByPerson || scores.length === 0) return null;
  if (!(OPEN_STAGES as readonly string[]).includes(lead.stage)) return null;
  const current = lead.stage as OpenStage;
  const targets = scores.map((s) => ({
    stage: targetStage(s.total, s.model),
    demote: s.model.demoteOnDecay,
  }));
  const best = targets.reduce<OpenStage>((a, t) => (RANK[t.stage] > RANK[a] ? t.stage : a), 'suspect');
  if (RANK[best] > RANK[current]) return best;
  if (RANK[best] < RANK[current] && targets.every((t) => t.demote || RANK[t.stage] >= RANK[current]))
    return best;
  return null;
}

export interface StageMoves {
  toSuspect: number;
  toMql: number;
  toSql: number;
}

/**
 * How many of these leads rules would move between stages: each lead's stage under the given
 * scores (by the same `qualify` the write path uses) against the stage it has now.
 */
export function stageMoves(
  leads: readonly { facts: LeadFacts; stage: LeadStage; stageSetByPerson: boolean }[],
  models: readonly ScoreModel[],
  now: Date,
): StageMoves {
  const moves: StageMoves = { toSuspect: 0, toMql: 0, toSql: 0 };
  const ruled = models.filter((m) => m.rules.length > 0);
  for (const lead of leads) {
    const scores = ruled.map((m) => ({ total: scoreLead(lead.facts, m, now).total, model: m }));
    const next = qualify(lead, scores);
    if (!next || next === lead.stage) continue;
    if (next === 'sql') moves.toSql++;
    else if (next === 'mql') moves.toMql++;
    else moves.toSuspect++;
  }
  return moves;
}
