import { Button, Fieldset, Group, Select, Stack, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CONTENT_KINDS } from '../../../domain/engagement/engagement';
import type { ContentItemDto, ContentKind, CreateContentInput } from '../../lib/api';
import { useFormState } from '../../lib/useFormState';
import { keeping, useSourceCampaignOptions } from '../capture/ChannelDeliverySection';

/** What the content editor edits. */
interface ContentValues extends Record<string, unknown> {
  kind: ContentKind;
  title: string;
  url: string;
  channel: string;
  campaignId: string | null;
  sourceId: string | null;
}

/** The fields the form shows, where a server problem is put under its input. */
const FIELDS = ['kind', 'title', 'url', 'channel', 'campaignId', 'sourceId'];

function valuesOf(item: ContentItemDto | null): ContentValues {
  return {
    kind: item?.kind ?? 'blog_post',
    title: item?.title ?? '',
    url: item?.url ?? '',
    channel: item?.channel ?? 'website',
    campaignId: item?.campaignId ?? null,
    sourceId: item?.sourceId ?? null,
  };
}

interface ContentFormProps {
  /** The item being edited; none for a new one. */
  item: ContentItemDto | null;
  /**
   * Saves the form: a new item without a source gets the seeded one of its kind or channel, so
   * `sourceId` is left out then; a rejected ApiError puts its messages under the inputs.
   */
  onSubmit: (input: CreateContentInput) => Promise<ContentItemDto>;
}

/** Creates or edits a content item: what it is, where it is published, and whose leads it brings. */
export function ContentForm({ item, onSubmit }: ContentFormProps) {
  const { t } = useTranslation();
  const form = useFormState<ContentValues>(() => valuesOf(item));
  const { values, errors, setField, submitting } = form;
  const options = useSourceCampaignOptions(values.sourceId);
  const saved = t('content.savedChoice');

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const required = t('common.required');
    const missing = {
      ...(values.title.trim() ? {} : { title: required }),
      ...(values.url.trim() ? {} : { url: required }),
      ...(values.channel.trim() ? {} : { channel: required }),
    };
    if (Object.keys(missing).length) return form.setErrors(missing);
    const body: CreateContentInput = {
      kind: values.kind,
      title: values.title.trim(),
      url: values.url.trim(),
      // why lower case: the server takes channels as lower-case words (linkedin, youtube …).
      channel: values.channel.trim().toLowerCase(),
      campaignId: values.campaignId,
      ...(item !== null || values.sourceId !== null ? { sourceId: values.sourceId } : {}),
    };
    await form.send(async () => form.reset(valuesOf(await onSubmit(body))), FIELDS);
  };

  return (
    <form onSubmit={(event) => void submit(event)} noValidate>
      <Stack>
        <Fieldset legend={t('content.sections.details')}>
          <Stack gap="sm">
            <Select
              label={t('content.fields.kind')}
              data={CONTENT_KINDS.map((kind) => ({ value: kind, label: t(`content.kinds.${kind}`) }))}
              value={values.kind}
              onChange={(kind) => kind && setField('kind', kind as ContentKind)}
              allowDeselect={false}
              required
              error={errors.kind}
              data-testid="content-kind"
            />
            <TextInput
              label={t('content.fields.title')}
              required
              maxLength={300}
              value={values.title}
              onChange={(e) => setField('title', e.currentTarget.value)}
              error={errors.title}
              data-testid="content-title"
              data-autofocus
            />
            <TextInput
              label={t('content.fields.url')}
              description={t('content.hints.url')}
              required
              type="url"
              maxLength={500}
              placeholder="https://"
              value={values.url}
              onChange={(e) => setField('url', e.currentTarget.value)}
              error={errors.url}
              data-testid="content-url"
            />
            <TextInput
              label={t('content.fields.channel')}
              description={t('content.hints.channel')}
              required
              maxLength={40}
              value={values.channel}
              onChange={(e) => setField('channel', e.currentTarget.value)}
              error={errors.channel}
              data-testid="content-channel"
            />
          </Stack>
        </Fieldset>
        <Fieldset legend={t('content.sections.leads')}>
          <Stack gap="sm">
            <Select
              label={t('content.fields.campaign')}
              description={t('content.hints.campaign')}
              data={keeping(options.campaigns, values.campaignId, saved)}
              value={values.campaignId}
              onChange={(campaignId) => setField('campaignId', campaignId)}
              searchable
              clearable
              error={errors.campaignId}
              data-testid="content-campaign"
            />
            <Select
              label={t('content.fields.source')}
              description={item ? t('content.hints.source') : t('content.hints.newSource')}
              data={keeping(options.sources, values.sourceId, saved)}
              value={values.sourceId}
              onChange={(sourceId) => setField('sourceId', sourceId)}
              searchable
              clearable
              error={errors.sourceId}
              data-testid="content-source"
            />
          </Stack>
        </Fieldset>
        <Group justify="flex-end">
          <Button type="submit" loading={submitting} data-testid="content-save">
            {item ? t('common.save') : t('content.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
