import { ActionIcon, Indicator, Popover, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconBell } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import type { NotificationDto } from '../../lib/api';
import { notifyProblem } from '../../lib/problems';
import { NotificationItem, targetOf } from './NotificationItem';
import { useMarkRead, useNotifications } from './useNotifications';

/** The header's bell: how many are unread, and the latest notifications in a popover. */
export function NotificationBell() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const list = useNotifications();
  const markRead = useMarkRead();
  const [opened, { toggle, close }] = useDisclosure(false);
  const unread = list.data?.unread ?? 0;
  const items = list.data?.items ?? [];

  const open = (item: NotificationDto) => {
    if (item.readAt === null) markRead.mutate(item.id, { onError: (error) => notifyProblem(error) });
    close();
    const target = targetOf(item);
    if (target) navigate(target);
  };

  return (
    <Popover opened={opened} onDismiss={close} position="bottom-end" shadow="md" width={340}>
      <Popover.Target>
        <Indicator
          label={unread > 99 ? '99+' : unread}
          size={16}
          disabled={unread === 0}
          color="red"
          offset={4}
        >
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            onClick={toggle}
            aria-label={t('notifications.bell', { count: unread })}
            data-testid="notification-bell"
          >
            <IconBell size={20} />
          </ActionIcon>
        </Indicator>
      </Popover.Target>
      <Popover.Dropdown p="xs">
        <Title order={3} size="h5" px="xs" pb={4}>
          {t('notifications.title')}
        </Title>
        {list.isSuccess && items.length === 0 ? (
          <Text size="sm" c="dimmed" px="xs" py="sm">
            {t('notifications.empty')}
          </Text>
        ) : null}
        <ScrollArea.Autosize mah={400}>
          <Stack gap={2} data-testid="notification-list">
            {items.map((item) => (
              <NotificationItem key={item.id} item={item} onOpen={open} />
            ))}
          </Stack>
        </ScrollArea.Autosize>
      </Popover.Dropdown>
    </Popover>
  );
}
