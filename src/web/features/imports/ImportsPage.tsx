import { Anchor, Button, Group, Table } from '@mantine/core';
import { IconFileImport } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import type { ImportDto } from '../../lib/api';
import { formatDateTime, formatNumber } from '../../lib/format';
import { DryRunBadge, ImportStatusBadge } from './ImportBadges';
import { OUTCOMES } from './import-view';
import { useImportList } from './useImports';

function ImportRow({ imp }: { imp: ImportDto }) {
  return (
    <Table.Tr data-testid="imports-row" data-id={imp.id}>
      <Table.Td fw={500} style={{ wordBreak: 'break-word' }}>
        <Anchor component={Link} to={`/imports/${imp.id}`}>
          {imp.fileName}
        </Anchor>
      </Table.Td>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(imp.createdAt)}</Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap">
          <ImportStatusBadge status={imp.status} />
          {imp.dryRun ? <DryRunBadge /> : null}
        </Group>
      </Table.Td>
      {OUTCOMES.map((outcome) => (
        <Table.Td key={outcome} ta="right">
          {formatNumber(imp[outcome])}
        </Table.Td>
      ))}
    </Table.Tr>
  );
}

/** `/imports`: the imports one started (an admin: everyone's), newest first, and the way to a new one. */
export function ImportsPage() {
  const { t } = useTranslation();
  const imports = useImportList();
  const list = imports.data ?? [];
  return (
    <>
      <PageHeader
        title={t('imports.title')}
        subtitle={t('imports.subtitle')}
        actions={
          <Button
            component={Link}
            to="/imports/new"
            leftSection={<IconFileImport size={16} />}
            data-testid="imports-new"
          >
            {t('imports.new')}
          </Button>
        }
      />
      <ListTable
        query={imports}
        count={list.length}
        emptyText={t('imports.empty')}
        minWidth={760}
        testId="imports-table"
        columns={[
          { label: t('imports.fileName') },
          { label: t('imports.startedAt') },
          { label: t('imports.statusLabel') },
          ...OUTCOMES.map((outcome) => ({ label: t(`imports.counts.${outcome}`), right: true })),
        ]}
      >
        {list.map((imp) => (
          <ImportRow key={imp.id} imp={imp} />
        ))}
      </ListTable>
    </>
  );
}
