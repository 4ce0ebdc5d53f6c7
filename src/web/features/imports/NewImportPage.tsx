import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPlayerPlay } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { isApiError } from '../../lib/api';
import { notifyProblem } from '../../lib/problems';
import { ImportFileSection } from './ImportFileSection';
import { ImportOptionsSection } from './ImportOptionsSection';
import { toSettings } from './import-options';
import { ManualMapping } from './ManualMapping';
import { MappingTable } from './MappingTable';
import { mapsExternalId, NO_PROBLEMS, uploadProblems } from './mapping';
import { useImportDraft } from './useImportDraft';
import { useCreateImport } from './useImports';

/** Codes the screen words itself; every other code is a field error the app already translates. */
const OWN_CODES = new Set(['too_large', 'unreadable', 'no_match_key', 'no_header', 'unsupported']);

function Step({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Title order={3} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/**
 * `/imports/new`: pick a file, map its columns, choose the options, and start — a dry run unless
 * switched off. The server checks it all again; what it refuses is shown where it belongs.
 */
export function NewImportPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const draft = useImportDraft();
  const create = useCreateImport();
  const { head, problems } = draft;

  const text = (code: string) =>
    OWN_CODES.has(code)
      ? t(`imports.errors.${code}` as 'imports.errors.too_large')
      : t(`fieldErrors.${code}` as 'fieldErrors.invalid', { defaultValue: problems.messages[code] ?? code });

  const submit = async () => {
    if (!draft.file || !draft.ready) {
      draft.tried(draft.file ? NO_PROBLEMS : { ...NO_PROBLEMS, fields: { file: 'required' } });
      notifications.show({ color: 'red', title: t('app.error'), message: t('imports.wizard.fix') });
      return;
    }
    try {
      const { id } = await create.mutateAsync({
        file: draft.file,
        settings: toSettings(draft.mapping, draft.options),
      });
      navigate(`/imports/${id}`);
    } catch (error) {
      const refused = isApiError(error) ? uploadProblems(error.problem.errors ?? []) : NO_PROBLEMS;
      const tooLarge = isApiError(error, 413);
      draft.tried(tooLarge ? { ...refused, fields: { ...refused.fields, file: 'too_large' } } : refused);
      // why always: the mapping is long, and a message under a row far down goes unseen.
      notifyProblem(error);
    }
  };

  const mappable = head?.kind === 'csv' || draft.isXlsx;
  return (
    <>
      <Anchor component={Link} to="/imports" size="sm" mb="xs" style={{ display: 'inline-flex', gap: 4 }}>
        <IconArrowLeft size={16} />
        {t('imports.backToList')}
      </Anchor>
      <PageHeader title={t('imports.new')} subtitle={t('imports.wizard.subtitle')} />
      <Stack gap="md">
        <Step title={t('imports.wizard.fileStep')}>
          <ImportFileSection
            file={draft.file}
            head={head}
            reading={draft.reading}
            error={problems.fields.file ? text(problems.fields.file) : undefined}
            onPick={(file) => void draft.pickFile(file)}
          />
        </Step>
        {mappable ? (
          <Step title={t('imports.wizard.mappingStep')}>
            <Text size="sm" c="dimmed" mb="sm">
              {t('imports.wizard.mappingHint')}
            </Text>
            {head?.kind === 'csv' ? (
              <MappingTable
                header={head.header}
                examples={head.examples}
                mapping={draft.mapping}
                origin={draft.origin}
                problems={problems}
                text={text}
                onChange={draft.setColumn}
                onUseSuggestion={draft.applySuggestion}
              />
            ) : (
              <ManualMapping
                rows={draft.manualRows}
                problems={problems}
                text={text}
                onChange={draft.setManualRows}
              />
            )}
          </Step>
        ) : null}
        {mappable ? (
          <Step title={t('imports.wizard.optionsStep')}>
            <ImportOptionsSection
              values={draft.options}
              errors={problems.fields}
              text={text}
              externalIds={mapsExternalId(draft.mapping)}
              setOption={draft.setOption}
            />
          </Step>
        ) : null}
        {/* why on the left: an error notification appears bottom right, and must not cover the button */}
        <Group gap="sm">
          <Button
            onClick={() => void submit()}
            loading={create.isPending}
            disabled={draft.reading}
            leftSection={<IconPlayerPlay size={16} />}
            data-testid="import-submit"
          >
            {draft.options.dryRun ? t('imports.wizard.submitDryRun') : t('imports.wizard.submitImport')}
          </Button>
          {draft.options.dryRun ? (
            <Text size="sm" c="dimmed">
              {t('imports.wizard.dryRunHint')}
            </Text>
          ) : null}
        </Group>
      </Stack>
    </>
  );
}
