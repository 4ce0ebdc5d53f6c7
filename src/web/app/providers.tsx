import { createTheme, MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { type ReactNode, useState } from 'react';
import { I18nextProvider } from 'react-i18next';
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
          {children}
        </MantineProvider>
      </QueryClientProvider>
    </I18nextProvider>
  );
}
