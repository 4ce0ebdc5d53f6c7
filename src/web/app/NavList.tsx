import { AppShell, NavLink, ScrollArea, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useCurrentUser } from '../features/auth/useSession';
import { ADMIN_NAV, FEATURE_NAV, type NavItem } from './navigation';

function isActive(pathname: string, to: string): boolean {
  return to === '/' ? pathname === '/' : pathname === to || pathname.startsWith(`${to}/`);
}

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const Icon = item.icon;
  const active = isActive(pathname, item.to);
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={t(item.label)}
      leftSection={<Icon size={18} stroke={1.6} />}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      data-testid={item.testId}
    />
  );
}

/** Feature navigation (an entry with `visibleTo` only for those it names); the Administration group only for admins. */
export function NavList({ onNavigate }: { onNavigate: () => void }) {
  const { t } = useTranslation();
  const user = useCurrentUser();
  return (
    <AppShell.Section grow component={ScrollArea}>
      <nav aria-label={t('app.name')}>
        {FEATURE_NAV.filter((item) => item.visibleTo?.(user) ?? true).map((item) => (
          <NavEntry key={item.to} item={item} onNavigate={onNavigate} />
        ))}
        {user.role === 'admin' ? (
          <>
            <Text size="xs" fw={700} c="dimmed" tt="uppercase" mt="lg" mb={4} px="sm">
              {t('nav.administration')}
            </Text>
            {ADMIN_NAV.map((item) => (
              <NavEntry key={item.to} item={item} onNavigate={onNavigate} />
            ))}
          </>
        ) : null}
      </nav>
    </AppShell.Section>
  );
}
