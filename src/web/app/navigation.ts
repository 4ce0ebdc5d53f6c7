import {
  IconAddressBook,
  IconArrowsShuffle,
  IconCalendarEvent,
  IconChartBar,
  IconFileImport,
  IconFilter,
  IconForms,
  IconGauge,
  IconKey,
  IconMessages,
  IconNews,
  IconPackage,
  IconPlugConnected,
  IconSpeakerphone,
  IconTemperature,
  IconUserSearch,
  IconUsers,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { ComponentType } from 'react';
import { mayConfigureScoring, mayManageMarketing } from '../lib/access';
import type { UserDto } from '../lib/api';

/** The app's sections in one list, so the navigation and the router cannot disagree. */
export interface NavItem {
  to: string;
  label:
    | 'nav.today'
    | 'nav.leads'
    | 'nav.imports'
    | 'nav.pipeline'
    | 'nav.customers'
    | 'nav.campaigns'
    | 'nav.forms'
    | 'nav.chat'
    | 'nav.integrations'
    | 'nav.content'
    | 'nav.scoring'
    | 'nav.routing'
    | 'nav.analytics'
    | 'nav.users'
    | 'nav.teams'
    | 'nav.tokens'
    | 'nav.products'
    | 'temperatureSettings.nav';
  icon: ComponentType<{ size?: number | string; stroke?: number }>;
  testId?: string;
  /** Who sees the entry, when not everyone: the same rule the server applies to the section's API. */
  visibleTo?: (user: UserDto) => boolean;
}

/** Sales and marketing features; App.tsx shows a placeholder for those whose screens have not landed. */
export const FEATURE_NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.today', icon: IconCalendarEvent },
  { to: '/leads', label: 'nav.leads', icon: IconUserSearch, testId: 'nav-leads' },
  { to: '/imports', label: 'nav.imports', icon: IconFileImport, testId: 'nav-imports' },
  { to: '/pipeline', label: 'nav.pipeline', icon: IconFilter },
  { to: '/customers', label: 'nav.customers', icon: IconAddressBook },
  { to: '/campaigns', label: 'nav.campaigns', icon: IconSpeakerphone },
  { to: '/forms', label: 'nav.forms', icon: IconForms, testId: 'nav-forms' },
  { to: '/chat', label: 'nav.chat', icon: IconMessages, testId: 'nav-chat' },
  {
    to: '/integrations',
    label: 'nav.integrations',
    icon: IconPlugConnected,
    testId: 'nav-integrations',
    visibleTo: mayManageMarketing,
  },
  {
    to: '/content',
    label: 'nav.content',
    icon: IconNews,
    testId: 'nav-content',
    visibleTo: mayManageMarketing,
  },
  {
    to: '/scoring',
    label: 'nav.scoring',
    icon: IconGauge,
    testId: 'nav-scoring',
    visibleTo: (user) => mayConfigureScoring(user, 'read'),
  },
  {
    to: '/routing',
    label: 'nav.routing',
    icon: IconArrowsShuffle,
    testId: 'nav-routing',
    visibleTo: (user) => mayConfigureScoring(user, 'read'),
  },
  { to: '/analytics', label: 'nav.analytics', icon: IconChartBar },
];

/** Administration, shown to admins only (the server refuses everyone else too). */
export const ADMIN_NAV: readonly NavItem[] = [
  { to: '/admin/users', label: 'nav.users', icon: IconUsers, testId: 'nav-admin-users' },
  { to: '/admin/teams', label: 'nav.teams', icon: IconUsersGroup, testId: 'nav-admin-teams' },
  { to: '/admin/tokens', label: 'nav.tokens', icon: IconKey, testId: 'nav-admin-tokens' },
  { to: '/admin/products', label: 'nav.products', icon: IconPackage, testId: 'nav-admin-products' },
  {
    to: '/admin/temperature',
    label: 'temperatureSettings.nav',
    icon: IconTemperature,
    testId: 'nav-admin-temperature',
  },
];
