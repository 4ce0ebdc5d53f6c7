import type { TFunction } from 'i18next';
import type { RoutingDecisionDto } from '../../lib/api';

/** A routing decision in a sentence: to whom, by which rule and how; or why nobody. */
export function decisionText(
  d: Pick<RoutingDecisionDto, 'reason' | 'userName' | 'ruleName' | 'strategy'>,
  t: TFunction,
): string {
  switch (d.reason) {
    case 'no_rule':
      return t('routing.testNoRule');
    case 'returning_person':
      return t('assignment.returning', { who: d.userName ?? '—' });
    case 'nobody_available':
      return t('assignment.nobody', { rule: d.ruleName ?? '—' });
    default:
      return t('assignment.byRuleTo', {
        who: d.userName ?? '—',
        rule: d.ruleName ?? '—',
        strategy: d.strategy ? t(`assignment.strategies.${d.strategy}`) : '',
      });
  }
}

/** "Skipped: Jonas (out of office), Ona (at capacity)", or null when nobody was. */
export function skippedText(candidates: RoutingDecisionDto['candidates'], t: TFunction): string | null {
  const skipped = candidates.filter((c) => c.skipped);
  if (skipped.length === 0) return null;
  return t('assignment.skipped', {
    list: skipped
      .map((c) => `${c.name ?? '—'} (${t(`assignment.skip.${c.skipped ?? 'inactive'}`)})`)
      .join(', '),
  });
}
