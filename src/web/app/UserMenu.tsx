import { Avatar, Button, Menu, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconCheck, IconChevronDown, IconKey, IconLogout } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../domain/accounts/user';
import { ChangePasswordModal } from '../features/auth/ChangePasswordModal';
import { useCurrentUser, useLogout, useUpdateMe } from '../features/auth/useSession';
import { currentLocale, type Locale } from '../i18n';
import { notifyProblem } from '../lib/problems';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase())
    .join('');
}

/** The account menu: who is signed in, password, language (saved to the profile), log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const logout = useLogout();
  const updateMe = useUpdateMe();
  const [passwordOpened, passwordModal] = useDisclosure(false);

  const chooseLocale = (locale: Locale) => {
    if (locale === currentLocale() && locale === user.locale) return;
    updateMe.mutate({ locale }, { onError: (error) => notifyProblem(error) });
  };

  return (
    <>
      <Menu position="bottom-end" width={240} shadow="md">
        <Menu.Target>
          <Button
            variant="subtle"
            color="gray"
            px="xs"
            data-testid="user-menu"
            aria-label={t('auth.userMenu')}
            leftSection={
              <Avatar size="sm" color="teal" radius="xl">
                {initials(user.name)}
              </Avatar>
            }
            rightSection={<IconChevronDown size={14} />}
          >
            <Text size="sm" fw={500} visibleFrom="xs" truncate maw={180}>
              {user.name}
            </Text>
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('auth.signedInAs', { name: user.name })}</Menu.Label>
          <Menu.Item leftSection={<IconKey size={16} />} onClick={passwordModal.open}>
            {t('password.change')}
          </Menu.Item>
          <Menu.Divider />
          <Menu.Label>{t('language.label')}</Menu.Label>
          {LOCALES.map((locale) => (
            <Menu.Item
              key={locale}
              data-testid={`lang-${locale}`}
              lang={locale}
              onClick={() => chooseLocale(locale)}
              rightSection={currentLocale() === locale ? <IconCheck size={16} /> : null}
            >
              {t(`language.${locale}`)}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconLogout size={16} />}
            onClick={() => logout.mutate()}
            data-testid="logout"
          >
            {t('auth.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <ChangePasswordModal opened={passwordOpened} onClose={passwordModal.close} />
    </>
  );
}
