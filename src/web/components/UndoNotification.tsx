import { Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { i18n } from '../i18n';

interface UndoNotificationOptions {
  message: string;
  /** Puts the change back; reports its own failure. The notification closes once it settles. */
  onUndo: () => Promise<void>;
  /** Extra lines under the message, e.g. why some records were skipped. */
  details?: string[];
}

function UndoMessage({ message, details, onUndo }: UndoNotificationOptions) {
  const { t } = useTranslation();
  const [busy, setBusy] = useState(false);
  const undo = async () => {
    setBusy(true);
    try {
      await onUndo();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group justify="space-between" wrap="nowrap" align="flex-start" gap="sm">
      <div>
        <Text size="sm">{message}</Text>
        {details?.map((line) => (
          <Text key={line} size="xs" c="dimmed">
            {line}
          </Text>
        ))}
      </div>
      <Button size="compact-sm" variant="light" loading={busy} onClick={() => void undo()}>
        {t('common.undo')}
      </Button>
    </Group>
  );
}

let counter = 0;

/**
 * A success notification with an Undo button, for changes the server can take back (a merge, a bulk
 * change). It stays a while longer than a plain success so there is time to change one's mind.
 */
export function showUndoNotification({ message, details, onUndo }: UndoNotificationOptions): void {
  counter += 1;
  const id = `undo-${counter}`;
  notifications.show({
    id,
    color: 'green',
    title: i18n.t('app.done'),
    autoClose: 20_000,
    'data-testid': 'undo-notification',
    message: (
      <UndoMessage
        message={message}
        details={details}
        onUndo={async () => {
          await onUndo();
          notifications.hide(id);
        }}
      />
    ),
  });
}
