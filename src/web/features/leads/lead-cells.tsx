import { Anchor, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { LeadListItem } from '../../lib/api';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { StageBadge, TemperatureBadge } from './LeadBadges';
import type { LeadColumn } from './lead-columns';

/** How each column of the lead table is titled and filled. */

export interface CellContext {
  t: TFunction;
  /** The bin: rows cannot be opened (a binned lead answers 404). */
  binned: boolean;
  sourceName: (id: string) => string | undefined;
}

export const COLUMN_LABELS = {
  title: 'leads.columns.title',
  person: 'leads.columns.person',
  organisation: 'leads.organisation',
  email: 'leads.email',
  phone: 'leads.phone',
  stage: 'leads.stage',
  temperature: 'leads.temperature',
  owner: 'leads.columns.owner',
  source: 'leads.source',
  score: 'leads.columns.score',
  created: 'leads.created',
  lastActivity: 'leads.lastActivity',
  nextFollowUp: 'leads.columns.nextFollowUp',
} as const satisfies Record<LeadColumn, string>;

/** Columns whose values read badly when wrapped (dates, phone numbers). */
export const NOWRAP: ReadonlySet<LeadColumn> = new Set(['phone', 'created', 'lastActivity', 'nextFollowUp']);

function Title({ lead, binned }: { lead: LeadListItem; binned: boolean }) {
  if (binned)
    return (
      <Text fw={500} size="sm">
        {lead.title}
      </Text>
    );
  return (
    <Anchor component={Link} to={`/leads/${lead.id}`} fw={500} size="sm">
      {lead.title}
    </Anchor>
  );
}

const orNone = (value: string | null | undefined, t: TFunction) => value || t('common.none');

export function renderCell(
  column: LeadColumn,
  lead: LeadListItem,
  { t, binned, sourceName }: CellContext,
): ReactNode {
  switch (column) {
    case 'title':
      return <Title lead={lead} binned={binned} />;
    case 'person':
      return orNone(lead.personName, t);
    case 'organisation':
      return orNone(lead.organisationName, t);
    case 'email':
      return orNone(lead.email, t);
    case 'phone':
      return orNone(lead.phone, t);
    case 'stage':
      return <StageBadge stage={lead.stage} />;
    case 'temperature':
      return <TemperatureBadge temperature={lead.temperature} />;
    case 'owner':
      return orNone(lead.ownerName, t);
    case 'source':
      return orNone(lead.sourceId ? sourceName(lead.sourceId) : null, t);
    case 'score':
      return formatNumber(lead.score);
    case 'created':
      return formatDate(lead.createdAt);
    case 'lastActivity':
      return lead.lastActivityAt ? formatDateTime(lead.lastActivityAt) : t('common.never');
    case 'nextFollowUp':
      return lead.nextFollowUpAt ? formatDateTime(lead.nextFollowUpAt) : t('common.none');
  }
}
