import { Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSession, wasLoggedOutOnPurpose } from '../features/auth/useSession';
import { NoAccessPage } from '../features/home/NoAccessPage';

function FullPageLoader() {
  const { t } = useTranslation();
  return (
    <Center h="100vh" aria-busy="true">
      <Loader aria-label={t('app.loading')} />
    </Center>
  );
}

/** Renders its children for a signed-in user and sends everyone else to the login page. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { user, isError, refetch } = useSession();
  if (isError) {
    return (
      <Center h="100vh">
        <Stack align="center">
          <Text>{t('app.unexpectedError')}</Text>
          <Button onClick={() => void refetch()}>{t('app.retry')}</Button>
        </Stack>
      </Center>
    );
  }
  if (user === undefined) return <FullPageLoader />;
  if (user === null) {
    // After an expired session, logging in again returns to this page; after a logout, to the start.
    return <Navigate to="/login" replace state={wasLoggedOutOnPurpose() ? null : { from: location }} />;
  }
  return children;
}

/** Guards the administration routes; the server refuses non-admins as well. */
export function RequireAdmin() {
  const { user } = useSession();
  if (user?.role !== 'admin') return <NoAccessPage />;
  return <Outlet />;
}
