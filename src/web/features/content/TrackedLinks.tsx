import {
  ActionIcon,
  Anchor,
  Button,
  Code,
  CopyButton,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
  Tooltip,
} from '@mantine/core';
import { IconCheck, IconCopy, IconLink } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CopyBlock } from '../../components/CopyBlock';
import { ListTable } from '../../components/ListTable';
import type { ContentDetailDto, CreateLinkInput, TrackedLinkDto } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { notifySuccess } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { useCreateLink } from './useContent';

/** A tracked link in a table row, with a small copy button beside it. */
function LinkUrl({ url }: { url: string }) {
  const { t } = useTranslation();
  return (
    <Group gap={6} wrap="nowrap">
      <Code data-testid="content-link-url" style={{ wordBreak: 'break-all' }}>
        {url}
      </Code>
      <CopyButton value={url}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
            <ActionIcon
              variant="subtle"
              color={copied ? 'green' : 'gray'}
              onClick={copy}
              aria-label={`${t('common.copy')}: ${url}`}
              data-testid="content-link-url-copy"
            >
              {copied ? <IconCheck size={16} /> : <IconCopy size={16} />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}

interface LinkValues extends Record<string, unknown> {
  targetUrl: string;
  channel: string;
}

/** Makes a tracked link: the target and channel are the content's unless others are typed. */
function MakeLink({
  content,
  onMade,
}: {
  content: ContentDetailDto;
  onMade: (link: TrackedLinkDto) => void;
}) {
  const { t } = useTranslation();
  const create = useCreateLink(content.id);
  const form = useFormState<LinkValues>({ targetUrl: '', channel: '' });
  const { values, errors, setField, submitting } = form;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const targetUrl = values.targetUrl.trim();
    const channel = values.channel.trim().toLowerCase();
    const input: CreateLinkInput = {
      ...(targetUrl ? { targetUrl } : {}),
      ...(channel ? { channel } : {}),
    };
    await form.send(async () => {
      const link = await create.mutateAsync(input);
      form.reset({ targetUrl: '', channel: '' });
      notifySuccess(t('content.links.made'));
      onMade(link);
    }, ['targetUrl', 'channel']);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm" style={{ alignItems: 'end' }}>
        <TextInput
          label={t('content.links.target')}
          description={t('content.links.targetHint')}
          type="url"
          maxLength={500}
          placeholder={content.url}
          value={values.targetUrl}
          onChange={(e) => setField('targetUrl', e.currentTarget.value)}
          error={errors.targetUrl}
          data-testid="content-link-target"
        />
        <TextInput
          label={t('content.links.channel')}
          description={t('content.links.channelHint')}
          maxLength={40}
          placeholder={content.channel}
          value={values.channel}
          onChange={(e) => setField('channel', e.currentTarget.value)}
          error={errors.channel}
          data-testid="content-link-channel"
        />
        <Group>
          <Button
            type="submit"
            leftSection={<IconLink size={16} />}
            loading={submitting}
            data-testid="content-link-make"
          >
            {t('content.links.make')}
          </Button>
        </Group>
      </SimpleGrid>
    </form>
  );
}

/** A content item's tracked links, newest first: the address to share, where it leads, where it is shared. */
export function TrackedLinks({ content }: { content: ContentDetailDto }) {
  const { t } = useTranslation();
  const [made, setMade] = useState<TrackedLinkDto | null>(null);
  const links = content.links;

  return (
    <Stack gap="sm">
      <Stack gap={2}>
        <Title order={3}>{t('content.links.title')}</Title>
        <Text size="sm" c="dimmed">
          {t('content.links.hint')}
        </Text>
      </Stack>
      <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
        <Stack>
          <MakeLink content={content} onMade={setMade} />
          {made ? (
            <CopyBlock
              label={t('content.links.newLink')}
              hint={t('content.links.newLinkHint')}
              value={made.url}
              testId="content-link-made"
            />
          ) : null}
        </Stack>
      </Paper>
      <ListTable
        query={{ isPending: false, isError: false, error: null, data: links }}
        count={links.length}
        emptyText={t('content.links.empty')}
        minWidth={760}
        testId="content-links-table"
        columns={[
          { label: t('content.links.url') },
          { label: t('content.links.target') },
          { label: t('content.links.channel') },
          { label: t('content.links.createdAt') },
        ]}
      >
        {links.map((link) => (
          <Table.Tr key={link.id} data-testid="content-link-row">
            <Table.Td>
              <LinkUrl url={link.url} />
            </Table.Td>
            <Table.Td>
              <Stack gap={2}>
                <Anchor
                  href={link.targetUrl}
                  target="_blank"
                  rel="noopener noreferrer"
                  size="sm"
                  style={{ overflowWrap: 'anywhere' }}
                >
                  {link.targetUrl}
                </Anchor>
                {link.personId ? (
                  <Anchor component={Link} to={`/people/${link.personId}`} size="xs">
                    {t('content.links.personal')}
                  </Anchor>
                ) : null}
              </Stack>
            </Table.Td>
            <Table.Td>{link.channel ?? t('common.none')}</Table.Td>
            <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(link.createdAt)}</Table.Td>
          </Table.Tr>
        ))}
      </ListTable>
    </Stack>
  );
}
