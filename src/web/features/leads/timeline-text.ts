import type { TFunction } from 'i18next';
import { STANDARD_FIELDS } from '../../../domain/forms/form-fields';
import { DISQUALIFY_REASONS, isLeadStage } from '../../../domain/leads/stages';
import type { ActivityDto } from '../../lib/api';
import { formatDate } from '../../lib/format';

/** Readable sentences for a timeline's system events and the facts of a logged call. */

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

function stageLabel(value: unknown, t: TFunction): string {
  return isLeadStage(value) ? t(`stages.${value}`) : t('common.none');
}

function reasonLabel(value: unknown, t: TFunction): string | null {
  const reason = DISQUALIFY_REASONS.find((known) => known === value);
  return reason ? t(`disqualifyReasons.${reason}`) : text(value);
}

function fieldLabel(key: unknown, t: TFunction): string {
  const name = text(key) ?? '';
  return name in STANDARD_FIELDS
    ? t(`forms.fieldNames.${name.replace('.', '_')}` as 'forms.fieldNames.person_email', {
        defaultValue: name,
      })
    : name.replace(/^cf\./, '');
}

/** "Stage changed: Suspect → MQL", "Created", "Reopened: Parked → SQL" … */
export function systemEventTitle(activity: ActivityDto, t: TFunction): string {
  const { data } = activity;
  const event = text(data.event) ?? activity.subject ?? '';
  switch (event) {
    case 'created':
      return data.personReused ? t('timeline.createdReturning') : t('timeline.created');
    case 'stage_changed':
      return t('timeline.stageChanged', { from: stageLabel(data.from, t), to: stageLabel(data.to, t) });
    case 'reopened':
      return t('timeline.reopened', { from: stageLabel(data.from, t), to: stageLabel(data.to, t) });
    case 'owner_changed':
      return data.by === 'sla_reroute' ? t('timeline.ownerRerouted') : t('timeline.ownerChanged');
    case 'deleted':
      return t('timeline.deleted');
    case 'restored':
      return t('timeline.restored');
    case 'form_submitted':
      return t('timeline.formSubmitted', { form: text(data.formName) ?? '' });
    case 'chat_started':
      return t('timeline.chatStarted', { widget: text(data.widgetName) ?? '' });
    default:
      return t('timeline.otherEvent', { event });
  }
}

/** The details a stage change carries: reason, revisit date, competitor. */
export function systemEventDetails(activity: ActivityDto, t: TFunction): string[] {
  const { data } = activity;
  const details: string[] = [];
  const reason = reasonLabel(data.reason, t);
  if (reason) details.push(t('timeline.reason', { reason }));
  const revisitOn = text(data.revisitOn);
  if (revisitOn) details.push(t('timeline.revisitOn', { date: formatDate(revisitOn) }));
  const competitor = text(data.competitor);
  if (competitor) details.push(t('timeline.competitor', { competitor }));
  // A form's answers, as the visitor typed them (shown as text, never as markup).
  if (Array.isArray(data.answers)) {
    for (const a of data.answers as { key?: unknown; value?: unknown }[]) {
      const value = text(a?.value);
      if (value) details.push(`${fieldLabel(a?.key, t)}: ${value}`);
    }
  }
  return details;
}

/** "Outbound · Connected · 5 min" */
export function callSummary(activity: ActivityDto, t: TFunction): string {
  const { direction, outcome, durationSeconds } = activity.data;
  const parts: string[] = [];
  if (direction === 'inbound' || direction === 'outbound') parts.push(t(`callDirections.${direction}`));
  if (typeof outcome === 'string') {
    parts.push(t(`callOutcomes.${outcome}` as 'callOutcomes.connected', { defaultValue: outcome }));
  }
  if (typeof durationSeconds === 'number') {
    parts.push(t('timeline.minutes', { count: Math.round(durationSeconds / 60) }));
  }
  return parts.join(' · ');
}
