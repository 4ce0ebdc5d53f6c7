import { Alert, Button, Center, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Location, Navigate, useLocation } from 'react-router';
import { PasswordField } from '../../components/PasswordField';
import { isApiError } from '../../lib/api';
import { problemMessage } from '../../lib/problems';
import { LanguageSwitch } from './LanguageSwitch';
import { useLogin, useSession } from './useSession';

function useLoginError(error: unknown): string | null {
  const { t } = useTranslation();
  if (!error) return null;
  // Same message for an unknown email and a wrong password: the page must not reveal which.
  if (isApiError(error, 401)) return t('auth.invalidCredentials');
  if (isApiError(error, 429)) {
    return error.retryAfter
      ? t('auth.lockedOutFor', { minutes: Math.ceil(error.retryAfter / 60) })
      : t('auth.lockedOut');
  }
  return problemMessage(error);
}

export function LoginPage() {
  const { t } = useTranslation();
  const location = useLocation();
  const { user } = useSession();
  const login = useLogin();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const errorMessage = useLoginError(login.error);

  if (user) {
    const from = (location.state as { from?: Location } | null)?.from;
    const target = from && from.pathname !== '/login' ? `${from.pathname}${from.search}` : '/';
    return <Navigate to={target} replace />;
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    login.mutate({ email: email.trim(), password }, { onError: () => setPassword('') });
  };

  return (
    <Center mih="100vh" p="md" bg="gray.0">
      <Paper withBorder shadow="sm" p="xl" w="100%" maw={420}>
        <Group justify="space-between" align="flex-start" mb="lg" wrap="nowrap">
          <div>
            <Title order={1} size="h2" c="teal.7">
              {t('app.name')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('auth.subtitle')}
            </Text>
          </div>
          <LanguageSwitch />
        </Group>
        <form onSubmit={submit} aria-label={t('auth.title')}>
          <Stack>
            <Title order={2} size="h4">
              {t('auth.title')}
            </Title>
            {errorMessage ? (
              <Alert color="red" icon={<IconAlertCircle size={18} />} role="alert">
                {errorMessage}
              </Alert>
            ) : null}
            <TextInput
              label={t('auth.email')}
              type="email"
              autoComplete="username"
              required
              withAsterisk={false}
              autoFocus
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
            />
            <PasswordField
              label={t('auth.password')}
              autoComplete="current-password"
              required
              withAsterisk={false}
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" fullWidth loading={login.isPending}>
              {t('auth.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
