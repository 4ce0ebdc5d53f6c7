import { Anchor, Button, Paper, Table } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { QueryStatus } from '../../components/QueryStatus';
import { formatDate, formatNumber } from '../../lib/format';
import { FormStatusBadge } from './FormBadges';
import { useForms, useMayManageForms } from './useForms';

/** The web forms, newest first, with what came of them: leads made, held in quarantine, still waiting. */
export function FormsListPage() {
  const { t } = useTranslation();
  const forms = useForms();
  const mayManage = useMayManageForms();
  const list = forms.data ?? [];

  return (
    <>
      <PageHeader
        title={t('forms.title')}
        subtitle={forms.data ? t('forms.count', { count: list.length }) : t('forms.subtitle')}
        actions={
          mayManage ? (
            <Button
              component={Link}
              to="/forms/new"
              leftSection={<IconPlus size={16} />}
              data-testid="forms-new"
            >
              {t('forms.new')}
            </Button>
          ) : null
        }
      />
      <Paper withBorder p={0}>
        <QueryStatus query={forms} empty={list.length === 0} emptyText={t('forms.empty')} />
        {list.length > 0 ? (
          <Table.ScrollContainer minWidth={720}>
            <Table striped highlightOnHover verticalSpacing="xs" data-testid="forms-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('forms.name')}</Table.Th>
                  <Table.Th>{t('forms.statusLabel')}</Table.Th>
                  <Table.Th ta="right">{t('forms.counts.processed')}</Table.Th>
                  <Table.Th ta="right">{t('forms.counts.quarantined')}</Table.Th>
                  <Table.Th ta="right">{t('forms.counts.pending')}</Table.Th>
                  <Table.Th>{t('forms.updatedAt')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {list.map((form) => (
                  <Table.Tr key={form.id} data-testid="forms-row">
                    <Table.Td fw={500}>
                      <Anchor component={Link} to={`/forms/${form.id}`}>
                        {form.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <FormStatusBadge status={form.status} />
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(form.counts.processed)}</Table.Td>
                    <Table.Td ta="right">
                      {form.counts.quarantined > 0 ? (
                        <Anchor component={Link} to={`/forms/${form.id}?tab=quarantine`} c="orange">
                          {formatNumber(form.counts.quarantined)}
                        </Anchor>
                      ) : (
                        formatNumber(0)
                      )}
                    </Table.Td>
                    <Table.Td ta="right">{formatNumber(form.counts.pending)}</Table.Td>
                    <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(form.updatedAt)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        ) : null}
      </Paper>
    </>
  );
}
