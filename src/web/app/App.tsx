import { createBrowserRouter, Navigate, type RouteObject, RouterProvider } from 'react-router';
import { LoginPage } from '../features/auth/LoginPage';
import { ComingSoonPage } from '../features/home/ComingSoonPage';
import { NotFoundPage } from '../features/home/NotFoundPage';
import { LeadBoardPage } from '../features/leads/LeadBoardPage';
import { LeadDetailPage } from '../features/leads/LeadDetailPage';
import { LeadListPage } from '../features/leads/LeadListPage';
import { NewLeadPage } from '../features/leads/NewLeadPage';
import { OrganisationMergePage } from '../features/organisations/OrganisationMergePage';
import { MergePage } from '../features/people/MergePage';
import { PersonPage } from '../features/people/PersonPage';
import { AppLayout } from './AppLayout';
import { FEATURE_NAV, type NavItem } from './navigation';
import { RequireAdmin, RequireAuth } from './RequireAuth';

// Screens a part of the team opens now and then load on first use, so the first page stays small.
const formsList = async () => ({
  Component: (await import('../features/forms/FormsListPage')).FormsListPage,
});
const formEditor = async () => ({
  Component: (await import('../features/forms/FormEditorPage')).FormEditorPage,
});
const chatPages = {
  conversations: async () => ({
    Component: (await import('../features/chat/ConversationsPage')).ConversationsPage,
  }),
  widgets: async () => ({ Component: (await import('../features/chat/ChatWidgetsPage')).ChatWidgetsPage }),
  widget: async () => ({
    Component: (await import('../features/chat/ChatWidgetEditorPage')).ChatWidgetEditorPage,
  }),
};
const integrationPages = {
  list: async () => ({
    Component: (await import('../features/integrations/IntegrationsListPage')).IntegrationsListPage,
  }),
  one: async () => ({
    Component: (await import('../features/integrations/IntegrationEditorPage')).IntegrationEditorPage,
  }),
};
const contentPages = {
  list: async () => ({ Component: (await import('../features/content/ContentListPage')).ContentListPage }),
  one: async () => ({
    Component: (await import('../features/content/ContentEditorPage')).ContentEditorPage,
  }),
};
const importPages = {
  list: async () => ({ Component: (await import('../features/imports/ImportsPage')).ImportsPage }),
  create: async () => ({ Component: (await import('../features/imports/NewImportPage')).NewImportPage }),
  one: async () => ({ Component: (await import('../features/imports/ImportPage')).ImportPage }),
};
const scoringPage = async () => ({
  Component: (await import('../features/scoring/ScoringPage')).ScoringPage,
});
const inboxPage = async () => ({
  Component: (await import('../features/routing/InboxPage')).InboxPage,
});
const routingPage = async () => ({
  Component: (await import('../features/routing/RoutingPage')).RoutingPage,
});
const adminPages = {
  users: async () => ({ Component: (await import('../features/users/UsersPage')).UsersPage }),
  teams: async () => ({ Component: (await import('../features/teams/TeamsPage')).TeamsPage }),
  tokens: async () => ({ Component: (await import('../features/tokens/TokensPage')).TokensPage }),
  products: async () => ({ Component: (await import('../features/catalogue/ProductsPage')).ProductsPage }),
  temperature: async () => ({
    Component: (await import('../features/settings/TemperatureSettingsPage')).TemperatureSettingsPage,
  }),
};

/** Features whose screens exist; the other sections show a placeholder until they land. */
const FEATURE_ROUTES: Partial<Record<string, RouteObject[]>> = {
  '/leads': [
    { index: true, element: <LeadListPage /> },
    { path: 'new', element: <NewLeadPage /> },
    { path: 'board', element: <LeadBoardPage /> },
    { path: ':id', element: <LeadDetailPage /> },
  ],
  '/forms': [
    { index: true, lazy: formsList },
    { path: 'new', lazy: formEditor },
    { path: ':id', lazy: formEditor },
  ],
  '/chat': [
    { index: true, lazy: chatPages.conversations },
    { path: 'widgets', lazy: chatPages.widgets },
    { path: 'widgets/new', lazy: chatPages.widget },
    { path: 'widgets/:id', lazy: chatPages.widget },
    { path: ':id', lazy: chatPages.conversations },
  ],
  '/integrations': [
    { index: true, lazy: integrationPages.list },
    { path: 'new', lazy: integrationPages.one },
    { path: ':id', lazy: integrationPages.one },
  ],
  '/content': [
    { index: true, lazy: contentPages.list },
    { path: 'new', lazy: contentPages.one },
    { path: ':id', lazy: contentPages.one },
  ],
  '/scoring': [{ index: true, lazy: scoringPage }],
  '/routing': [{ index: true, lazy: routingPage }],
  '/imports': [
    { index: true, lazy: importPages.list },
    { path: 'new', lazy: importPages.create },
    { path: ':id', lazy: importPages.one },
  ],
};

function featureRoute(item: NavItem): RouteObject {
  const placeholder = <ComingSoonPage title={item.label} />;
  if (item.to === '/') return { index: true, lazy: inboxPage };
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
          { path: 'users', lazy: adminPages.users },
          { path: 'teams', lazy: adminPages.teams },
          { path: 'tokens', lazy: adminPages.tokens },
          { path: 'products', lazy: adminPages.products },
          { path: 'temperature', lazy: adminPages.temperature },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return <RouterProvider router={router} />;
}
