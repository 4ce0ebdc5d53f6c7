import type { TFunction } from 'i18next';
import { type Behaviour, CUSTOM_FIELD_PATTERN } from '../../../domain/scoring/rules';
import type { ScoringRuleDto } from '../../lib/api';
import { formatNumber } from '../../lib/format';

/** Names of the things a rule's value may point at by id or key (sources, products, campaigns). */
export interface ValueNames {
  source?: (key: string) => string | undefined;
  product?: (id: string) => string | undefined;
  campaign?: (id: string) => string | undefined;
}

/** A fit field as a person reads it: "Job title", or "Custom field “budget” (organisation)". */
export function fieldLabel(field: string, t: TFunction): string {
  if (CUSTOM_FIELD_PATTERN.test(field)) {
    const [, entity, key] = field.split('.');
    return t('scoring.customField', { key, entity: t(`scoring.entities.${entity as 'lead'}`) });
  }
  // why the cast: a field outside the list reads as its key (i18next's fallback), never as nothing.
  return t(`scoring.fields.${field}` as 'scoring.fields.person.jobTitle');
}

function valueLabel(field: string, value: string, t: TFunction, names: ValueNames): string {
  switch (field) {
    case 'lead.source':
      return names.source?.(value) ?? value;
    case 'lead.products':
      return names.product?.(value) ?? value;
    case 'lead.campaign':
      return names.campaign?.(value) ?? value;
    case 'lead.temperature':
      return t(`temperatures.${value}`, { defaultValue: value });
    case 'email.kind':
      return t(`scoring.emailKinds.${value.toLowerCase()}`, { defaultValue: value });
    default:
      return value;
  }
}

/**
 * One rule in a sentence: "Job title contains “direktor”", "Organisation size from 50 to 200",
 * "Form submitted". Values that are ids or keys read as their names.
 */
export function ruleText(rule: ScoringRuleDto, t: TFunction, names: ValueNames = {}): string {
  if (rule.kind === 'behaviour') return t(`scoring.behaviours.${rule.behaviour as Behaviour}`);
  const field = fieldLabel(rule.field ?? '', t);
  const v = rule.value;
  const quote = (s: string) => t('scoring.quoted', { value: valueLabel(rule.field ?? '', s, t, names) });
  switch (rule.operator) {
    case 'empty':
      return t('scoring.says.empty', { field });
    case 'equals':
      return t('scoring.says.equals', { field, value: quote(String(v)) });
    case 'contains':
      return t('scoring.says.contains', { field, value: quote(String(v)) });
    case 'in':
      return t('scoring.says.in', { field, value: (Array.isArray(v) ? v : []).map(quote).join(', ') });
    case 'range': {
      const range = v && typeof v === 'object' && !Array.isArray(v) ? v : {};
      const min = range.min === undefined ? null : formatNumber(range.min);
      const max = range.max === undefined ? null : formatNumber(range.max);
      if (min !== null && max !== null) return t('scoring.says.between', { field, min, max });
      return min !== null
        ? t('scoring.says.atLeast', { field, min })
        : t('scoring.says.atMost', { field, max });
    }
    default:
      return field;
  }
}

/** Points with their sign, as the breakdown shows them: "+30", "−15". */
export function signedPoints(points: number): string {
  const n = formatNumber(Math.abs(points));
  return points < 0 ? `−${n}` : `+${n}`;
}
