import { Anchor, Badge, Group, Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { currentLocale } from '../../i18n';
import type { Lead } from '../../lib/api';
import { formatDate, formatDateTime } from '../../lib/format';
import { sourceName, useProducts, useSources } from './useLeadOptions';

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Table.Tr>
      <Table.Th w="40%" fw={500} c="dimmed" style={{ verticalAlign: 'top' }}>
        {label}
      </Table.Th>
      <Table.Td style={{ overflowWrap: 'anywhere' }}>{children}</Table.Td>
    </Table.Tr>
  );
}

/** What the lead wants, where it came from, and why it stopped (disqualified, parked). */
export function LeadFacts({ lead }: { lead: Lead }) {
  const { t } = useTranslation();
  const sources = useSources();
  const products = useProducts();
  const source = sources.data?.find((s) => s.id === lead.sourceId);
  const productNames = (products.data ?? []).filter((p) => lead.productIds.includes(p.id)).map((p) => p.name);
  const timeframe =
    lead.timeframe === null
      ? t('timeframe.none')
      : lead.timeframe === 'now'
        ? t('timeframe.now')
        : formatDate(lead.timeframe);
  return (
    <Paper withBorder p="xs" data-testid="lead-facts">
      <Table verticalSpacing={6} fz="sm">
        <Table.Tbody>
          <Fact label={t('timeframe.label')}>{timeframe}</Fact>
          <Fact label={t('leads.columns.owner')}>{lead.ownerName ?? t('common.none')}</Fact>
          <Fact label={t('leads.source')}>
            {source ? sourceName(source, currentLocale()) : t('common.none')}
          </Fact>
          <Fact label={t('leads.campaign')}>{lead.campaignName ?? t('common.none')}</Fact>
          {lead.referredByPersonId ? (
            <Fact label={t('leads.referredBy')}>
              <Anchor
                component={Link}
                to={`/people/${lead.referredByPersonId}`}
                data-testid="lead-referred-by"
              >
                {lead.referredByName ?? t('leads.referrerUnnamed')}
              </Anchor>
            </Fact>
          ) : null}
          <Fact label={t('leads.products')}>{productNames.join(', ') || t('common.none')}</Fact>
          <Fact label={t('leads.tags')}>
            {lead.tags.length ? (
              <Group gap={4}>
                {lead.tags.map((tag) => (
                  <Badge key={tag} variant="outline" size="sm" tt="none">
                    {tag}
                  </Badge>
                ))}
              </Group>
            ) : (
              t('common.none')
            )}
          </Fact>
          {lead.disqualifyReason ? (
            <Fact label={t('leads.reason')}>
              {t(`disqualifyReasons.${lead.disqualifyReason}`)}
              {lead.disqualifyNote ? (
                <Text size="sm" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                  {lead.disqualifyNote}
                </Text>
              ) : null}
            </Fact>
          ) : null}
          {lead.revisitOn ? <Fact label={t('leads.revisitOn')}>{formatDate(lead.revisitOn)}</Fact> : null}
          {lead.competitor ? <Fact label={t('leads.competitor')}>{lead.competitor}</Fact> : null}
          {lead.nextFollowUpAt ? (
            <Fact label={t('leads.columns.nextFollowUp')}>{formatDateTime(lead.nextFollowUpAt)}</Fact>
          ) : null}
          <Fact label={t('leads.created')}>{formatDateTime(lead.createdAt)}</Fact>
          <Fact label={t('leads.lastActivity')}>
            {lead.lastActivityAt ? formatDateTime(lead.lastActivityAt) : t('common.never')}
          </Fact>
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
