import { type FieldError, fieldError } from '../errors/app-error.js';

/**
 * Pipelines and their stages (issue #6 §2). A deal is always in one stage of its pipeline; won and
 * lost are its outcome, not stages, so a pipeline's stages are the open ones, in order.
 */

/** What a deal must have before it may leave a stage (checked by the server on every move on). */
export const EXIT_FIELDS = ['amount', 'expectedCloseDate', 'nextStep', 'contacts', 'lineItems'] as const;
export type ExitField = (typeof EXIT_FIELDS)[number];

export interface ChecklistItem {
  /** Stable within its stage (a deal's ticks refer to it). */
  id: string;
  text: string;
  /** Must be ticked before the deal moves on. */
  required: boolean;
}

export interface StageDefinition {
  id: string;
  name: string;
  /** Win probability of a deal in this stage, whole percent 0–100. */
  probability: number;
  /** A deal here with no activity for this many days is rotting (null: never). */
  rottingDays: number | null;
  /** The stage's playbook: what to do here. */
  checklist: ChecklistItem[];
  /** Fields a deal must have before it moves past this stage. */
  exitFields: ExitField[];
}

export interface PipelineDefinition {
  name: string;
  stages: StageDefinition[];
}

export const MAX_STAGES = 30;
export const MAX_CHECKLIST_ITEMS = 30;
export const MAX_ROTTING_DAYS = 3650;

/** Every problem of a pipeline as given, by field (`stages.2.probability`). */
export function pipelineErrors(p: PipelineDefinition): FieldError[] {
  const errors: FieldError[] = [];
  if (p.name.trim() === '') errors.push(fieldError('name', 'required'));
  if (p.stages.length === 0) errors.push(fieldError('stages', 'required'));
  if (p.stages.length > MAX_STAGES) errors.push(fieldError('stages', 'out_of_range'));
  const names = new Set<string>();
  const ids = new Set<string>();
  for (const [i, s] of p.stages.entries()) {
    const at = `stages.${i}`;
    const name = s.name.trim().toLocaleLowerCase();
    if (name === '') errors.push(fieldError(`${at}.name`, 'required'));
    else if (names.has(name)) errors.push(fieldError(`${at}.name`, 'in_use'));
    names.add(name);
    if (ids.has(s.id)) errors.push(fieldError(`${at}.id`, 'in_use'));
    ids.add(s.id);
    if (!Number.isInteger(s.probability) || s.probability < 0 || s.probability > 100)
      errors.push(fieldError(`${at}.probability`, 'out_of_range'));
    if (
      s.rottingDays !== null &&
      (!Number.isInteger(s.rottingDays) || s.rottingDays < 1 || s.rottingDays > MAX_ROTTING_DAYS)
    )
      errors.push(fieldError(`${at}.rottingDays`, 'out_of_range'));
    if (s.checklist.length > MAX_CHECKLIST_ITEMS) errors.push(fieldError(`${at}.checklist`, 'out_of_range'));
    const items = new Set<string>();
    for (const [j, item] of s.checklist.entries()) {
      if (item.text.trim() === '') errors.push(fieldError(`${at}.checklist.${j}.text`, 'required'));
      if (items.has(item.id)) errors.push(fieldError(`${at}.checklist.${j}.id`, 'in_use'));
      items.add(item.id);
    }
    for (const [j, f] of s.exitFields.entries())
      if (!(EXIT_FIELDS as readonly string[]).includes(f))
        errors.push(fieldError(`${at}.exitFields.${j}`, 'invalid_value'));
  }
  return errors;
}

/** A deal as the exit criteria read it. */
export interface DealForMove {
  stageId: string;
  amountCents: number | null;
  expectedCloseDate: string | null;
  nextStep: string | null;
  contactCount: number;
  lineItemCount: number;
  /** Ticked checklist items, by stage id. */
  checked: Readonly<Record<string, readonly string[]>>;
}

const present: Record<ExitField, (d: DealForMove) => boolean> = {
  amount: (d) => d.amountCents !== null && d.amountCents > 0,
  expectedCloseDate: (d) => d.expectedCloseDate !== null,
  nextStep: (d) => (d.nextStep ?? '').trim() !== '',
  contacts: (d) => d.contactCount > 0,
  lineItems: (d) => d.lineItemCount > 0,
};

/**
 * Why a deal may not move to `toStageId`, by field: moving on past a stage needs that stage's exit
 * fields and required checklist items — and those of every stage it skips. Moving back needs
 * nothing. Empty when the move may happen; `stageId` `not_found` for a stage of another pipeline.
 */
export function moveErrors(pipeline: PipelineDefinition, deal: DealForMove, toStageId: string): FieldError[] {
  const from = pipeline.stages.findIndex((s) => s.id === deal.stageId);
  const to = pipeline.stages.findIndex((s) => s.id === toStageId);
  if (to < 0) return [fieldError('stageId', 'not_found')];
  if (to <= from || from < 0) return [];
  const errors: FieldError[] = [];
  for (const stage of pipeline.stages.slice(from, to)) {
    for (const f of stage.exitFields) if (!present[f](deal)) errors.push(fieldError(f, 'required'));
    const ticked = new Set(deal.checked[stage.id] ?? []);
    for (const item of stage.checklist)
      if (item.required && !ticked.has(item.id))
        errors.push(fieldError(`checklist.${stage.id}.${item.id}`, 'required'));
  }
  // one error per field, the first stage that asked for it
  const seen = new Set<string>();
  return errors.filter((e) => !seen.has(e.field) && seen.add(e.field));
}

/** Closing a deal: won needs its final amount, lost a reason from the list (competitor optional). */
export type Outcome =
  | { status: 'won'; amountCents: number | null | undefined }
  | { status: 'lost'; reason: string | null | undefined; competitor?: string | null | undefined };

export const MAX_COMPETITOR_LENGTH = 200;

export function outcomeErrors(outcome: Outcome, lostReasons: readonly string[]): FieldError[] {
  if (outcome.status === 'won') {
    const a = outcome.amountCents;
    if (a === null || a === undefined) return [fieldError('amount', 'required')];
    if (!Number.isInteger(a) || a < 0) return [fieldError('amount', 'out_of_range')];
    return [];
  }
  const errors: FieldError[] = [];
  if (!outcome.reason) errors.push(fieldError('reason', 'required'));
  else if (!lostReasons.includes(outcome.reason)) errors.push(fieldError('reason', 'invalid_value'));
  if ((outcome.competitor ?? '').length > MAX_COMPETITOR_LENGTH)
    errors.push(fieldError('competitor', 'too_long'));
  return errors;
}
