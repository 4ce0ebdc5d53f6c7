import { createTheme, MantineProvider } from '@mantine/core';
import { DatesProvider } from '@mantine/dates';
import { Notifications } from '@mantine/notifications';
import 'dayjs/locale/lt';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import { clearSession } from '../features/auth/useSession';
import { i18n } from '../i18n';
import { isApiError, setUnauthorizedHandler } from '../lib/api';

const theme = createTheme({ primaryColor: 'teal', defaultRadius: 'md' });

function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // Client errors (403, 404 …) will not heal by asking again; network and 5xx might.
        retry: (failures, error) => failures < 2 && (!isApiError(error) || error.status >= 500),
        refetchOnWindowFocus: false,
      },
    },
  });
  // A 401 on any call but login means the session ended: forget it, and RequireAuth sends the user to login.
  setUnauthorizedHandler(() => clearSession(client));
  return client;
}

export function Providers({ children }: { children: ReactNode }) {
  const [queryClient] = useState(createQueryClient);
  return (
    <I18nextProvider i18n={i18n}>
      <QueryClientProvider client={queryClient}>
        <MantineProvider theme={theme} defaultColorScheme="light">
          <Notifications position="bottom-right" />
          <LocalDates>{children}</LocalDates>
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}

/** Date pickers in the reader's language, weeks from Monday. */
function LocalDates({ children }: { children: ReactNode }) {
  const { i18n: current } = useTranslation();
  return (
    <DatesProvider settings={{ locale: current.language === 'lt' ? 'lt' : 'en', firstDayOfWeek: 1 }}>
      {children}
    </DatesProvider>
  );
}
