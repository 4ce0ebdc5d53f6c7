import { Checkbox, Group, Radio, Select, SimpleGrid, Stack, Switch, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_MODES, type ImportMode } from '../../../domain/imports/outcome';
import { currentLocale } from '../../i18n';
import { sourceOptions, useAssignableOwners, useCampaigns, useSources } from '../leads/useLeadOptions';
import type { ProblemText } from './FieldSelect';
import {
  type ImportOptionsValues,
  MATCH_CHOICES,
  type MatchChoice,
  MEMBER_STATUSES,
  type MemberStatus,
} from './import-options';

interface ImportOptionsSectionProps {
  values: ImportOptionsValues;
  /** Problems by setting (`match`, `sourceId`, `externalSystem` …), as codes. */
  errors: Record<string, string>;
  text: ProblemText;
  /** Whether a column holds external ids (then the system they come from is asked). */
  externalIds: boolean;
  setOption: <K extends keyof ImportOptionsValues>(key: K, value: ImportOptionsValues[K]) => void;
}

/** Step 3: how rows find existing people, what a match does, and where the new leads go. */
export function ImportOptionsSection({
  values,
  errors,
  text,
  externalIds,
  setOption,
}: ImportOptionsSectionProps) {
  const { t } = useTranslation();
  const locale = currentLocale();
  const sources = useSources();
  const campaigns = useCampaigns();
  const owners = useAssignableOwners();
  const error = (key: string) => (errors[key] ? text(errors[key]) : undefined);
  const ownerOptions = (owners.data ?? []).map((u) => ({ value: u.id, label: u.name }));

  return (
    <Stack gap="md">
      <Checkbox.Group
        label={t('imports.wizard.match')}
        description={t('imports.wizard.matchHint')}
        value={values.match}
        onChange={(keys) => setOption('match', keys as MatchChoice[])}
        error={values.match.length === 0 ? text('no_match_key') : error('match')}
      >
        <Group gap="lg" mt="xs">
          {MATCH_CHOICES.map((key) => (
            <Checkbox
              key={key}
              value={key}
              label={t(`imports.wizard.matchKeys.${key}`)}
              data-testid={`import-match-${key}`}
            />
          ))}
        </Group>
      </Checkbox.Group>
      <Radio.Group
        label={t('imports.wizard.mode')}
        value={values.mode}
        onChange={(mode) => setOption('mode', mode as ImportMode)}
        error={error('mode')}
      >
        <Stack gap="xs" mt="xs">
          {IMPORT_MODES.map((mode) => (
            <Radio
              key={mode}
              value={mode}
              label={t(`imports.wizard.modes.${mode}`)}
              description={t(`imports.wizard.modeHints.${mode}`)}
              data-testid={`import-mode-${mode}`}
            />
          ))}
        </Stack>
      </Radio.Group>
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="sm">
        <Select
          label={t('imports.wizard.source')}
          data={sourceOptions(sources.data ?? [], locale)}
          value={values.sourceId}
          onChange={(sourceId) => setOption('sourceId', sourceId)}
          searchable
          clearable
          error={error('sourceId')}
          data-testid="import-source"
        />
        <Select
          label={t('imports.wizard.owner')}
          description={
            owners.isSuccess && ownerOptions.length === 0 ? t('imports.wizard.ownerNone') : undefined
          }
          placeholder={t('imports.wizard.unassigned')}
          data={ownerOptions}
          value={values.ownerId}
          onChange={(ownerId) => setOption('ownerId', ownerId)}
          searchable
          clearable
          error={error('ownerId')}
          data-testid="import-owner"
        />
        <Select
          label={t('imports.wizard.campaign')}
          data={(campaigns.data ?? []).map((c) => ({ value: c.id, label: c.name }))}
          value={values.campaignId}
          onChange={(campaignId) => setOption('campaignId', campaignId)}
          searchable
          clearable
          error={error('campaignId')}
          data-testid="import-campaign"
        />
        {values.campaignId ? (
          <Select
            label={t('imports.wizard.memberStatus')}
            data={MEMBER_STATUSES.map((status) => ({
              value: status,
              label: t(`imports.memberStatuses.${status}`),
            }))}
            value={values.memberStatus}
            onChange={(status) => status && setOption('memberStatus', status as MemberStatus)}
            allowDeselect={false}
            error={error('memberStatus')}
            data-testid="import-member-status"
          />
        ) : null}
        {externalIds ? (
          <TextInput
            label={t('imports.wizard.externalSystem')}
            description={t('imports.wizard.externalSystemHint')}
            placeholder="hubspot"
            value={values.externalSystem}
            onChange={(e) => setOption('externalSystem', e.currentTarget.value)}
            maxLength={31}
            error={error('externalSystem')}
            data-testid="import-external-system"
          />
        ) : null}
      </SimpleGrid>
      <Switch
        label={t('imports.wizard.dryRun')}
        description={t('imports.wizard.dryRunHint')}
        checked={values.dryRun}
        onChange={(e) => setOption('dryRun', e.currentTarget.checked)}
        data-testid="import-dry-run"
      />
    </Stack>
  );
}
