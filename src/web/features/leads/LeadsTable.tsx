import { Anchor, Button, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LeadListItem } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { StageBadge, TemperatureBadge } from './LeadBadges';

interface LeadsTableProps {
  leads: readonly LeadListItem[];
  /** The bin: rows cannot be opened (a binned lead answers 404) but can be restored. */
  binned: boolean;
  onRestore: (lead: LeadListItem) => void;
  restoringId: string | null;
}

function LeadName({ lead, binned }: { lead: LeadListItem; binned: boolean }) {
  const subtitle = lead.personName && lead.personName !== lead.title ? lead.personName : null;
  return (
    <>
      {binned ? (
        <Text fw={500} size="sm">
          {lead.title}
        </Text>
      ) : (
        <Anchor component={Link} to={`/leads/${lead.id}`} fw={500} size="sm">
          {lead.title}
        </Anchor>
      )}
      {subtitle ? (
        <Text c="dimmed" size="xs">
          {subtitle}
        </Text>
      ) : null}
    </>
  );
}

/** Leads with their contact, stage and temperature; scrolls sideways on phones. */
export function LeadsTable({ leads, binned, onRestore, restoringId }: LeadsTableProps) {
  const { t } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={960}>
      <Table striped highlightOnHover verticalSpacing="xs" data-testid="leads-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('leads.titleAndPerson')}</Table.Th>
            <Table.Th>{t('leads.organisation')}</Table.Th>
            <Table.Th>{t('leads.email')}</Table.Th>
            <Table.Th>{t('leads.phone')}</Table.Th>
            <Table.Th>{t('leads.stage')}</Table.Th>
            <Table.Th>{t('leads.temperature')}</Table.Th>
            <Table.Th>{t('leads.created')}</Table.Th>
            <Table.Th>{t('leads.lastActivity')}</Table.Th>
            {binned ? (
              <Table.Th>
                <VisuallyHidden>{t('common.actions')}</VisuallyHidden>
              </Table.Th>
            ) : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {leads.map((lead) => (
            <Table.Tr key={lead.id} data-testid="lead-row" data-lead-id={lead.id}>
              <Table.Td>
                <LeadName lead={lead} binned={binned} />
              </Table.Td>
              <Table.Td>{lead.organisationName ?? t('common.none')}</Table.Td>
              <Table.Td>{lead.email ?? t('common.none')}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{lead.phone ?? t('common.none')}</Table.Td>
              <Table.Td>
                <StageBadge stage={lead.stage} />
              </Table.Td>
              <Table.Td>
                <TemperatureBadge temperature={lead.temperature} />
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(lead.createdAt)}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                {lead.lastActivityAt ? formatDateTime(lead.lastActivityAt) : t('common.never')}
              </Table.Td>
              {binned ? (
                <Table.Td>
                  <Button
                    size="compact-sm"
                    variant="subtle"
                    leftSection={<IconRestore size={14} />}
                    loading={restoringId === lead.id}
                    onClick={() => onRestore(lead)}
                  >
                    {t('leads.restore')}
                  </Button>
                </Table.Td>
              ) : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
