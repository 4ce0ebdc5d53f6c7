import { Button, Paper, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';

/** A page that only explains something (not found, no access) and offers the way back. */
export function MessagePage({ title, text }: { title: string; text: string }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="xl" ta="center" maw={560} mx="auto" mt="xl">
      <Title order={2} mb="xs">
        {title}
      </Title>
      <Text c="dimmed" mb="lg">
        {text}
      </Text>
      <Button component={Link} to="/" variant="light">
        {t('app.backHome')}
      </Button>
    </Paper>
  );
}
