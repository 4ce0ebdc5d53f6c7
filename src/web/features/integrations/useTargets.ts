import type { ComboboxData } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { WEBHOOK_TARGETS } from '../../../domain/integrations/mapping';
import { currentLocale } from '../../i18n';
import { useLeadCustomFields } from '../leads/useLeadOptions';
import { EVENT_ID, TEST_FLAG } from './mapping-rows';

const GROUPS = ['person', 'organisation', 'lead', 'utm'] as const;

/** The i18n key part of a target: `person.email` → `person_email` (keys must not hold dots). */
const targetKey = (target: string) => target.replace('.', '_');

/** A target's name in the UI language: a standard one by its key, a custom field by its label, else as written. */
export function useTargetName(): (target: string) => string {
  const { t } = useTranslation();
  const custom = useLeadCustomFields();
  const locale = currentLocale();
  return (target) => {
    if (target === EVENT_ID) return t('integrations.mapping.eventId');
    if (target === TEST_FLAG) return t('integrations.mapping.test');
    if (target.startsWith('cf.')) {
      const def = custom.data?.find((d) => `cf.${d.key}` === target);
      return def ? (locale === 'lt' ? def.labelLt : def.labelEn) : target;
    }
    return t(`integrations.targets.${targetKey(target)}` as 'integrations.targets.person_email', {
      defaultValue: target,
    });
  };
}

/**
 * What a field row can fill, grouped as a Select shows it: `(used, current)` disables the targets
 * other rows use and keeps a saved target no longer offered (a deactivated custom field) pickable.
 */
export function useTargetOptions(): (used: ReadonlySet<string>, current: string) => ComboboxData {
  const { t } = useTranslation();
  const custom = useLeadCustomFields();
  const name = useTargetName();
  const customTargets = (custom.data ?? []).filter((d) => d.active).map((d) => `cf.${d.key}`);
  const offered: readonly string[] = [...WEBHOOK_TARGETS, ...customTargets];
  return (used, current) => {
    const item = (target: string) => ({
      value: target,
      label: name(target),
      disabled: used.has(target) && target !== current,
    });
    const groups: ComboboxData = GROUPS.map((group) => ({
      group: t(`integrations.targetGroups.${group}`),
      items: WEBHOOK_TARGETS.filter((target) => target.startsWith(`${group}.`)).map(item),
    }));
    const customGroup = { group: t('integrations.targetGroups.custom'), items: customTargets.map(item) };
    return [
      ...groups,
      ...(customTargets.length ? [customGroup] : []),
      ...(current && !offered.includes(current) ? [item(current)] : []),
    ];
  };
}
