import { Alert, List } from '@mantine/core';
import { IconCopy } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DuplicateCandidate } from '../../lib/api';

/** After a create: people or organisations that look like the ones just entered (merging comes later). */
export function DuplicatesNotice({
  duplicates,
  onClose,
}: {
  duplicates: DuplicateCandidate[];
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Alert
      color="yellow"
      icon={<IconCopy size={18} />}
      title={t('leads.duplicatesTitle', { count: duplicates.length })}
      withCloseButton
      closeButtonLabel={t('common.close')}
      onClose={onClose}
      mb="md"
      data-testid="duplicates-notice"
    >
      <List size="sm">
        {duplicates.map((candidate) => (
          <List.Item key={`${candidate.kind}-${candidate.id}`}>
            {t(`leads.duplicateKind.${candidate.kind}`)}: {candidate.name} —{' '}
            {candidate.matchedOn
              .map((match) => `${t(`leads.matchedOn.${match.key}`)} ${match.value}`)
              .join(', ')}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
