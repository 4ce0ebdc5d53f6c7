import { Paper, Text, ThemeIcon } from '@mantine/core';
import { IconTools } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { NavItem } from '../../app/navigation';
import { PageHeader } from '../../components/PageHeader';

/** Stands in for a feature whose screens are still being built. */
export function ComingSoonPage({ title }: { title: NavItem['label'] }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t(title)} />
      <Paper withBorder p="xl" ta="center">
        <ThemeIcon size="xl" variant="light" radius="xl" mb="sm">
          <IconTools size={24} />
        </ThemeIcon>
        <Text fw={600}>{t('app.comingSoon')}</Text>
        <Text c="dimmed" size="sm">
          {t('app.comingSoonText')}
        </Text>
      </Paper>
    </>
  );
}
