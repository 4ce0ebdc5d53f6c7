import { createBrowserRouter, Navigate, type RouteObject, RouterProvider } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { ProductsPage } from '../features/catalogue/ProductsPage';
import { ComingSoonPage } from '../features/home/ComingSoonPage';
import { NotFoundPage } from '../features/home/NotFoundPage';
import { LeadBoardPage } from '../features/leads/LeadBoardPage';
import { LeadDetailPage } from '../features/leads/LeadDetailPage';
import { LeadListPage } from '../features/leads/LeadListPage';
import { NewLeadPage } from '../features/leads/NewLeadPage';
import { OrganisationMergePage } from '../features/organisations/OrganisationMergePage';
import { MergePage } from '../features/people/MergePage';
import { PersonPage } from '../features/people/PersonPage';
import { TemperatureSettingsPage } from '../features/settings/TemperatureSettingsPage';
import { TeamsPage } from '../features/teams/TeamsPage';
import { TokensPage } from '../features/tokens/TokensPage';
import { UsersPage } from '../features/users/UsersPage';
import { AppLayout } from './AppLayout';
import { FEATURE_NAV, type NavItem } from './navigation';
import { RequireAdmin, RequireAuth } from './RequireAuth';

/** Features whose screens exist; the other sections show a placeholder until they land. */
const FEATURE_ROUTES: Partial<Record<string, RouteObject[]>> = {
  '/leads': [
    { index: true, element: <LeadListPage /> },
    { path: 'new', element: <NewLeadPage /> },
    { path: 'board', element: <LeadBoardPage /> },
    { path: ':id', element: <LeadDetailPage /> },
  ],
};

function featureRoute(item: NavItem): RouteObject {
  const placeholder = <ComingSoonPage title={item.label} />;
  if (item.to === '/') return { index: true, element: placeholder };
  const children = FEATURE_ROUTES[item.to];
  return children ? { path: item.to.slice(1), children } : { path: item.to.slice(1), element: placeholder };
}

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
      ...FEATURE_NAV.map(featureRoute),
      {
        path: 'people/:id',
        children: [
          { index: true, element: <PersonPage /> },
          { path: 'merge/:otherId', element: <MergePage /> },
        ],
      },
      { path: 'organisations/:id/merge/:otherId', element: <OrganisationMergePage /> },
      {
        path: 'admin',
        element: <RequireAdmin />,
        children: [
          { index: true, element: <Navigate to="users" replace /> },
          { path: 'users', element: <UsersPage /> },
          { path: 'teams', element: <TeamsPage /> },
          { path: 'tokens', element: <TokensPage /> },
          { path: 'products', element: <ProductsPage /> },
          { path: 'temperature', element: <TemperatureSettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
