import { Anchor, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable, NewButton } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
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
            <NewButton to="/forms/new" testId="forms-new">
              {t('forms.new')}
            </NewButton>
          ) : null
        }
      />
      <ListTable
        query={forms}
        count={list.length}
        emptyText={t('forms.empty')}
        minWidth={720}
        testId="forms-table"
        columns={[
          { label: t('forms.name') },
          { label: t('forms.statusLabel') },
          { label: t('forms.counts.processed'), right: true },
          { label: t('forms.counts.quarantined'), right: true },
          { label: t('forms.counts.pending'), right: true },
          { label: t('forms.updatedAt') },
        ]}
      >
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
      </ListTable>
    </>
  );
}
