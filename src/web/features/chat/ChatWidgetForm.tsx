import { Button, Fieldset, Group, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { BOT_TEXTS, QUESTION_KEYS, type QuestionKey } from '../../../domain/chat/bot-texts';
import type { ChatWidgetDto, ChatWidgetInput } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';
import { ChannelDeliverySection } from '../capture/ChannelDeliverySection';
import { newWidgetValues, toWidgetBody, type WidgetValues, widgetValuesOf } from './chat-view';

const STATUSES = ['active', 'archived'] as const;
/** The inputs the server's field names map to (`greeting.lt` → greetingLt). */
const FIELD_OF: Record<string, string> = { greeting: 'greetingLt' };

interface ChatWidgetFormProps {
  widget: ChatWidgetDto | null;
  readOnly: boolean;
  onSubmit: (input: ChatWidgetInput) => Promise<ChatWidgetDto>;
}

/** Creates or edits a chat widget: its name and greeting, where its leads go, and which sites may embed it. */
export function ChatWidgetForm({ widget, readOnly, onSubmit }: ChatWidgetFormProps) {
  const { t } = useTranslation();
  const state = useFormState<WidgetValues>(() => (widget ? widgetValuesOf(widget) : newWidgetValues()));
  const { values, errors, setField, submitting } = state;

  const setQuestion = (key: QuestionKey, lang: 'lt' | 'en', text: string) =>
    setField('questions', { ...values.questions, [key]: { ...values.questions[key], [lang]: text } });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void state.send(
      async () => state.reset(widgetValuesOf(await onSubmit(toWidgetBody(values)))),
      ['name', 'status', 'greetingLt', 'allowedOrigins', 'sourceId', 'campaignId', 'ownerId', 'maxPerMinute'],
      (found) => Object.fromEntries(Object.entries(found).map(([key, text]) => [FIELD_OF[key] ?? key, text])),
    );
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Fieldset legend={t('chat.sections.general')} disabled={readOnly}>
          <Stack gap="sm">
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <TextInput
                label={t('chat.widgetName')}
                description={t('chat.widgetNameHint')}
                required
                maxLength={200}
                value={values.name}
                onChange={(e) => setField('name', e.currentTarget.value)}
                error={errors.name}
                data-testid="chat-widget-name"
                data-autofocus
              />
              <Select
                label={t('chat.widgetStatusLabel')}
                data={STATUSES.map((status) => ({ value: status, label: t(`chat.widgetStatus.${status}`) }))}
                value={values.status}
                onChange={(status) => status && setField('status', status as WidgetValues['status'])}
                allowDeselect={false}
                error={errors.status}
                data-testid="chat-widget-status"
              />
            </SimpleGrid>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
              <Textarea
                label={t('chat.greetingLt')}
                description={t('chat.greetingHint')}
                autosize
                minRows={2}
                maxLength={500}
                value={values.greetingLt}
                onChange={(e) => setField('greetingLt', e.currentTarget.value)}
                error={errors.greetingLt}
                data-testid="chat-widget-greeting-lt"
              />
              <Textarea
                label={t('chat.greetingEn')}
                description={t('chat.greetingHint')}
                autosize
                minRows={2}
                maxLength={500}
                value={values.greetingEn}
                onChange={(e) => setField('greetingEn', e.currentTarget.value)}
                error={errors.greetingEn}
                data-testid="chat-widget-greeting-en"
              />
            </SimpleGrid>
          </Stack>
        </Fieldset>
        <Fieldset legend={t('chat.sections.questions')} disabled={readOnly}>
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('chat.questionsHint')}
            </Text>
            {QUESTION_KEYS.map((key) => (
              <SimpleGrid key={key} cols={{ base: 1, sm: 2 }} spacing="sm">
                {(['lt', 'en'] as const).map((lang) => (
                  <Textarea
                    key={lang}
                    label={t(`chat.questions.${key}`, { language: t(`chat.language.${lang}`) })}
                    placeholder={BOT_TEXTS[key][lang]}
                    autosize
                    minRows={1}
                    maxLength={500}
                    value={values.questions[key][lang]}
                    onChange={(e) => setQuestion(key, lang, e.currentTarget.value)}
                    data-testid={`chat-widget-question-${key}-${lang}`}
                  />
                ))}
              </SimpleGrid>
            ))}
          </Stack>
        </Fieldset>
        <ChannelDeliverySection
          values={values}
          errors={errors}
          setField={setField}
          readOnly={readOnly}
          texts="chat"
          testId="chat-widget"
          ownerHint={t('chat.ownerHint')}
        />
        {readOnly ? null : (
          <Group justify="flex-end">
            <Button type="submit" loading={submitting} data-testid="chat-widget-save">
              {widget ? t('common.save') : t('chat.createWidget')}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
