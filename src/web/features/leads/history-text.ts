import type { TFunction } from 'i18next';
import { isLeadStage } from '../../../domain/leads/stages';
import { TEMPERATURES } from '../../../domain/leads/temperature';
import type { LeadHistoryEntryDto } from '../../lib/api';

/** Readable words for a lead's history: the value before and after a change, who made it and how. */

/** Names of the users a history mentions (owners and actors) by id. */
export type UserNames = ReadonlyMap<string, string>;

function valueLabel(entry: LeadHistoryEntryDto, value: string | null, names: UserNames, t: TFunction) {
  if (value === null) return t('common.none');
  switch (entry.field) {
    case 'stage':
      return isLeadStage(value) ? t(`stages.${value}`) : value;
    case 'temperature': {
      const temperature = TEMPERATURES.find((known) => known === value);
      return temperature ? t(`temperatures.${temperature}`) : value;
    }
    case 'owner':
      return names.get(value) ?? t('leadHistory.unknownUser');
  }
}

/** "Stage: MQL → SQL", "Owner: — → Ona Rep", "Temperature: Warm → Hot". */
export function changeText(entry: LeadHistoryEntryDto, names: UserNames, t: TFunction): string {
  return t('leadHistory.change', {
    field: t(`leadHistory.fields.${entry.field}`),
    from: valueLabel(entry, entry.from, names, t),
    to: valueLabel(entry, entry.to, names, t),
  });
}

/** Who made a change: a person, or "System" when nobody did (the calendar moved the temperature). */
export function actorText(entry: LeadHistoryEntryDto, t: TFunction): string {
  if (entry.actorId === null) return t('leadHistory.system');
  return entry.actorName ?? t('leadHistory.unknownUser');
}

/** Through what the change came: the web app, the API, an import … (unknown channels as sent). */
export function channelText(channel: string, t: TFunction): string {
  return t(`leadHistory.channels.${channel}` as 'leadHistory.channels.ui', { defaultValue: channel });
}
