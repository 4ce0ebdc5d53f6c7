import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { TouchDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useLeadAttribution } from './useLeads';

/** The campaign parameters of a touch as "google / cpc / ruduo" (what marketing reads first). */
function campaignLine(touch: TouchDto): string | null {
  const parts = [touch.utmSource, touch.utmMedium, touch.utmCampaign].filter((p): p is string => Boolean(p));
  return parts.length ? parts.join(' / ') : null;
}

function TouchRows({ label, touch }: { label: string; touch: TouchDto }) {
  const { t } = useTranslation();
  const rows: [string, string | null][] = [
    [t('attribution.campaign'), campaignLine(touch)],
    [t('attribution.term'), touch.utmTerm],
    [t('attribution.content'), touch.utmContent],
    [
      t('attribution.clickId'),
      touch.gclid ? `gclid ${touch.gclid}` : touch.fbclid ? `fbclid ${touch.fbclid}` : null,
    ],
    [t('attribution.referrer'), touch.referrer],
    [t('attribution.landingPage'), touch.landingPage],
  ];
  return (
    <>
      <Table.Tr>
        <Table.Th colSpan={2}>
          {label} · {formatDateTime(touch.occurredAt)}
        </Table.Th>
      </Table.Tr>
      {rows
        .filter(([, value]) => value)
        .map(([name, value]) => (
          <Table.Tr key={name}>
            <Table.Td w="40%" c="dimmed">
              {name}
            </Table.Td>
            <Table.Td style={{ overflowWrap: 'anywhere' }}>{value}</Table.Td>
          </Table.Tr>
        ))}
    </>
  );
}

/** First and latest touch of a lead that arrived through a form, chat or webhook; nothing for hand-made leads. */
export function LeadAttribution({ leadId }: { leadId: string }) {
  const { t } = useTranslation();
  const attribution = useLeadAttribution(leadId);
  const data = attribution.data;
  if (!data?.first) return null;
  const same = data.last?.id === data.first.id;
  return (
    <Paper withBorder p="xs" data-testid="lead-attribution">
      <Stack gap={4}>
        <Title order={4} size="sm">
          {t('attribution.title')}
        </Title>
        <Table verticalSpacing={4} fz="sm">
          <Table.Tbody>
            <TouchRows label={t('attribution.first')} touch={data.first} />
            {data.last && !same ? <TouchRows label={t('attribution.last')} touch={data.last} /> : null}
          </Table.Tbody>
        </Table>
        {data.touches.length > 2 ? (
          <Text size="xs" c="dimmed">
            {t('attribution.touches', { count: data.touches.length })}
          </Text>
        ) : null}
      </Stack>
    </Paper>
  );
}
