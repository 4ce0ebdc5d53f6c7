import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { ComingSoonPage } from '../features/home/ComingSoonPage';
import { NotFoundPage } from '../features/home/NotFoundPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { TokensPage } from '../features/tokens/TokensPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './AppLayout';
import { FEATURE_NAV } from './navigation';
import { RequireAdmin, RequireAuth } from './RequireAuth';

const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    path: '/',
    element: (
      <RequireAuth>
        <AppLayout />
      </RequireAuth>
    ),
    children: [
      ...FEATURE_NAV.map((item) =>
        item.to === '/'
          ? { index: true, element: <ComingSoonPage title={item.label} /> }
          : { path: item.to.slice(1), element: <ComingSoonPage title={item.label} /> },
      ),
      {
        path: 'admin',
        element: <RequireAdmin />,
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'tokens', element: <TokensPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
