import { Anchor, Button, Center, Table } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ListTable, NewButton } from '../../components/ListTable';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../lib/format';
import { MessagePage } from '../home/MessagePage';
import { useContentList, useMayManageContent } from './useContent';

/** Tracked content, newest first: what it is, where it is published, when it was added. */
export function ContentListPage() {
  const { t } = useTranslation();
  const mayManage = useMayManageContent();
  if (!mayManage) return <MessagePage title={t('app.noAccess')} text={t('content.noAccessText')} />;
  return <ContentList />;
}

function ContentList() {
  const { t } = useTranslation();
  const content = useContentList();
  const list = content.data?.pages.flatMap((page) => page.items) ?? [];

  return (
    <>
      <PageHeader
        title={t('content.title')}
        subtitle={t('content.subtitle')}
        actions={
          <NewButton to="/content/new" testId="content-new">
            {t('content.new')}
          </NewButton>
        }
      />
      <ListTable
        query={content}
        count={list.length}
        emptyText={t('content.empty')}
        minWidth={720}
        testId="content-table"
        columns={[
          { label: t('content.fields.title') },
          { label: t('content.fields.kind') },
          { label: t('content.fields.channel') },
          { label: t('content.fields.createdAt') },
        ]}
      >
        {list.map((item) => (
          <Table.Tr key={item.id} data-testid="content-row">
            <Table.Td fw={500}>
              <Anchor component={Link} to={`/content/${item.id}`}>
                {item.title}
              </Anchor>
            </Table.Td>
            <Table.Td>{t(`content.kinds.${item.kind}`)}</Table.Td>
            <Table.Td>{item.channel}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDate(item.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
      {content.hasNextPage ? (
        <Center p="sm">
          <Button
            variant="subtle"
            loading={content.isFetchingNextPage}
            onClick={() => void content.fetchNextPage()}
            data-testid="content-more"
          >
            {t('content.more')}
          </Button>
        </Center>
      ) : null}
    </>
  );
}
