import { useTranslation } from 'react-i18next';
import { MessagePage } from './MessagePage';

export function NoAccessPage() {
  const { t } = useTranslation();
  return <MessagePage title={t('app.noAccess')} text={t('app.noAccessText')} />;
}
