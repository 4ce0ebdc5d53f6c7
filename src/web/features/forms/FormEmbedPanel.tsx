import { Alert, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CopyBlock } from '../../components/CopyBlock';
import type { FormDto } from '../../lib/api';

type Snippet = keyof FormDto['embed'];
const SNIPPETS: Snippet[] = ['script', 'iframe', 'tracker'];

/**
 * How to put the form on a site — the three snippets to copy — and the form as visitors see it. The
 * preview is the saved, active form; the embed page refuses to be framed outside the allowed sites.
 */
export function FormEmbedPanel({ form }: { form: FormDto }) {
  const { t } = useTranslation();
  const here = window.location.origin.toLowerCase();
  const framable = form.allowedOrigins.length === 0 || form.allowedOrigins.includes(here);

  return (
    <Paper withBorder p="md" data-testid="form-embed">
      <Stack gap="md">
        <Title order={4}>{t('forms.embed.title')}</Title>
        <Text size="sm">{t('forms.embed.intro')}</Text>
        {SNIPPETS.map((kind) => (
          <CopyBlock
            key={kind}
            label={t(`forms.embed.${kind}`)}
            hint={t(`forms.embed.${kind}Hint`)}
            value={form.embed[kind]}
            testId={`form-embed-${kind}`}
          />
        ))}
        <Title order={5}>{t('forms.embed.preview')}</Title>
        {form.status !== 'active' ? (
          <Alert color="gray">{t('forms.embed.previewInactive')}</Alert>
        ) : framable ? (
          <>
            <Text size="xs" c="dimmed">
              {t('forms.embed.previewHint')}
            </Text>
            <iframe
              // why the key: after a save the preview reloads with the new version.
              key={form.version}
              src={`/embed/forms/${encodeURIComponent(form.id)}`}
              title={t('forms.embed.previewTitle', { name: form.name })}
              style={{ width: '100%', minHeight: 520, border: 0 }}
              data-testid="form-embed-preview"
            />
          </>
        ) : (
          <Alert color="gray">{t('forms.embed.previewBlocked')}</Alert>
        )}
      </Stack>
    </Paper>
  );
}
