import { Fieldset, SimpleGrid, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import type { ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { SectionProps } from './builder-props';

type TextField =
  | 'consentLt'
  | 'consentEn'
  | 'submitLt'
  | 'submitEn'
  | 'thankYouLt'
  | 'thankYouEn'
  | 'redirectUrl';

/** What the visitor reads besides the fields: the consent wording, the button, the thank-you or a redirect. */
export function FormTextsSection({ values, errors, setField, readOnly }: SectionProps) {
  const { t } = useTranslation();
  const text = (field: TextField, maxLength: number) => ({
    value: values[field],
    maxLength,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      setField(field, e.currentTarget.value),
    error: errors[field],
  });
  const area = { autosize: true, minRows: 2, maxRows: 6 };

  return (
    <Fieldset legend={t('forms.sections.texts')} disabled={readOnly}>
      <Stack gap="sm">
        <Switch
          label={t('forms.consentOn')}
          description={t('forms.consentHint')}
          checked={values.consentOn}
          onChange={(e) => setField('consentOn', e.currentTarget.checked)}
          data-testid="form-consent-toggle"
        />
        {values.consentOn ? (
          <>
            <Switch
              label={t('forms.consentRequired')}
              checked={values.consentRequired}
              onChange={(e) => setField('consentRequired', e.currentTarget.checked)}
              data-testid="form-consent-required"
            />
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Textarea
                label={t('forms.consentLt')}
                lang="lt"
                required
                {...area}
                {...text('consentLt', 2000)}
                data-testid="form-consent-lt"
              />
              <Textarea
                label={t('forms.consentEn')}
                lang="en"
                required
                {...area}
                {...text('consentEn', 2000)}
                data-testid="form-consent-en"
              />
            </SimpleGrid>
          </>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
          <TextInput
            label={t('forms.submitLt')}
            lang="lt"
            {...text('submitLt', 60)}
            data-testid="form-submit-lt"
          />
          <TextInput
            label={t('forms.submitEn')}
            lang="en"
            {...text('submitEn', 60)}
            data-testid="form-submit-en"
          />
          <Textarea
            label={t('forms.thankYouLt')}
            lang="lt"
            {...area}
            {...text('thankYouLt', 1000)}
            data-testid="form-thank-you-lt"
          />
          <Textarea
            label={t('forms.thankYouEn')}
            lang="en"
            {...area}
            {...text('thankYouEn', 1000)}
            data-testid="form-thank-you-en"
          />
        </SimpleGrid>
        <TextInput
          type="url"
          label={t('forms.redirectUrl')}
          description={t('forms.redirectHint')}
          placeholder="https://www.example.lt/aciu"
          {...text('redirectUrl', 500)}
          data-testid="form-redirect"
        />
      </Stack>
    </Fieldset>
  );
}
