import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../domain/accounts/user';
import { currentLocale, setLocale } from '../../i18n';

/** The lt/en switch before login: the choice stays on this device until the user's profile takes over. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const active = currentLocale();
  return (
    <Group gap={4} wrap="nowrap" role="group" aria-label={t('language.label')}>
      {LOCALES.map((locale) => (
        <Button
          key={locale}
          size="compact-sm"
          variant={locale === active ? 'filled' : 'subtle'}
          aria-pressed={locale === active}
          lang={locale}
          title={t(`language.${locale}`)}
          data-testid={`lang-${locale}`}
          onClick={() => void setLocale(locale)}
        >
          {locale.toUpperCase()}
        </Button>
      ))}
    </Group>
  );
}
