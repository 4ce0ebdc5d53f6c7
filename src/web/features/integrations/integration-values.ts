import type { FieldError } from '../../../domain/errors/app-error';
import type { WebhookMapping } from '../../../domain/integrations/mapping';
import { PRESETS, type WebhookPresetKind } from '../../../domain/integrations/presets';
import type { CreateIntegrationInput, IntegrationDto } from '../../lib/api';
import { type MappingRow, mappingOf, placeMappingProblems, type RowProblem, rowsOf } from './mapping-rows';

/** What the integration editor edits, and how it turns into a request body and back. */
export interface IntegrationValues extends Record<string, unknown> {
  name: string;
  kind: WebhookPresetKind;
  active: boolean;
  rows: MappingRow[];
  sourceId: string | null;
  campaignId: string | null;
  ownerId: string | null;
}

/** The fields the editor shows outside the mapping, where a server problem is put under its input. */
export const SETTING_FIELDS = ['name', 'kind', 'active', 'sourceId', 'campaignId', 'ownerId'] as const;

/** The rows of a preset's mapping, for a new integration and for "fill in the preset" later. */
export function presetRows(kind: WebhookPresetKind): MappingRow[] {
  return rowsOf(PRESETS[kind].mapping);
}

export function newIntegrationValues(kind: WebhookPresetKind = 'facebook_lead_ads'): IntegrationValues {
  return {
    name: '',
    kind,
    active: true,
    rows: presetRows(kind),
    sourceId: null,
    campaignId: null,
    ownerId: null,
  };
}

export function integrationValuesOf(integration: IntegrationDto): IntegrationValues {
  return {
    name: integration.name,
    kind: integration.kind,
    active: integration.active,
    // why the cast: the server's schema types a mapping loosely; it stored one `validateMapping` accepted.
    rows: rowsOf(integration.mapping as unknown as WebhookMapping),
    sourceId: integration.sourceId,
    campaignId: integration.campaignId,
    ownerId: integration.ownerId,
  };
}

export type BodyResult =
  | { ok: true; body: Required<CreateIntegrationInput> }
  | { ok: false; problems: Record<string, RowProblem> };

/**
 * Everything the editor sends (a new integration, or every field of a change; `kind` is left out
 * of a change by the caller), or the problems to show first — a name, and a mapping that holds.
 */
export function toIntegrationBody(values: IntegrationValues): BodyResult {
  const mapped = mappingOf(values.rows);
  const problems: Record<string, RowProblem> = mapped.ok ? {} : { ...mapped.problems };
  if (values.name.trim() === '') problems.name = 'required';
  if (!mapped.ok || Object.keys(problems).length > 0) return { ok: false, problems };
  return {
    ok: true,
    body: {
      name: values.name.trim(),
      kind: values.kind,
      active: values.active,
      mapping: mapped.mapping as unknown as Record<string, unknown>,
      sourceId: values.sourceId,
      campaignId: values.campaignId,
      ownerId: values.ownerId,
    },
  };
}

/**
 * A server refusal's `errors[]` by where the editor shows them: settings under their inputs,
 * `mapping.*` under the row it names. Example: `body.mapping.fields.person.email` → that row's key.
 */
export function placeServerProblems(
  errors: readonly Pick<FieldError, 'field' | 'code'>[],
  rows: readonly MappingRow[],
): Record<string, RowProblem> {
  const placed: Record<string, RowProblem> = {};
  const mapping: Pick<FieldError, 'field' | 'code'>[] = [];
  for (const error of errors) {
    const field = error.field.replace(/^body\./, '');
    const setting = SETTING_FIELDS.find((name) => field === name || field.startsWith(`${name}.`));
    if (setting) placed[setting] ??= error.code;
    else mapping.push({ ...error, field });
  }
  return { ...placeMappingProblems(mapping, rows), ...placed };
}
