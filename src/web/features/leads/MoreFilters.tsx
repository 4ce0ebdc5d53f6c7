import { Button, Drawer, Group, Select, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/problems';
import { CustomFieldFilters } from './CustomFieldFilters';
import {
  type MoreLeadFilters,
  moreFiltersCount,
  NO_MORE_FILTERS,
  type RangeEnd,
  rangeErrors,
  UNASSIGNED,
} from './lead-filters';
import { RangeInputs } from './RangeInputs';
import {
  useAssignableOwners,
  useCampaigns,
  useLeadCustomFields,
  useProducts,
  useTeamChoices,
} from './useLeadOptions';

interface MoreFiltersProps {
  opened: boolean;
  onClose: () => void;
  more: MoreLeadFilters;
  onChange: (next: MoreLeadFilters) => void;
  /** Messages the server gave per query field (`createdTo`, `cf.0` …) when it refused the list. */
  errors?: FieldErrors;
}

const integerOrNull = (text: string) => (/^-?\d+$/.test(text) ? Number(text) : null);

/** The server names a custom condition by its place in `cf` (`cf.1`); the inputs know it by field key. */
function customErrors(custom: Record<string, string>, errors: FieldErrors): Record<string, string> {
  const byKey: Record<string, string> = {};
  Object.keys(custom).forEach((key, i) => {
    const message = errors[`cf.${i}`];
    if (message) byKey[key] = message;
  });
  return byKey;
}

/**
 * The less used filters of the lead list in a side drawer: campaign, owner, team, product, score,
 * creation and last activity dates, and the lead custom fields. Like the bar, each change applies at once.
 */
export function MoreFilters({ opened, onClose, more, onChange, errors = {} }: MoreFiltersProps) {
  const { t } = useTranslation();
  const campaigns = useCampaigns();
  const owners = useAssignableOwners();
  const teams = useTeamChoices();
  const products = useProducts();
  // Asked for here already so the custom fields are there when the drawer opens.
  useLeadCustomFields();
  const set = (patch: Partial<MoreLeadFilters>) => onChange({ ...more, ...patch });
  const backwards = rangeErrors(more);
  const endError = (field: RangeEnd) => {
    const code = backwards[field];
    return code ? t(`fieldErrors.${code}`) : errors[field];
  };
  const picker = { placeholder: t('leads.any'), searchable: true, clearable: true } as const;

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      title={t('leads.moreFilters.title')}
      closeButtonProps={{ 'aria-label': t('common.close') }}
      data-testid="more-filters-drawer"
    >
      <Stack gap="sm">
        <Select
          {...picker}
          label={t('leads.campaign')}
          data={(campaigns.data ?? []).map((campaign) => ({ value: campaign.id, label: campaign.name }))}
          value={more.campaignId}
          onChange={(campaignId) => set({ campaignId })}
          error={errors.campaignId}
        />
        <Select
          {...picker}
          label={t('leads.moreFilters.owner')}
          data={[
            { value: UNASSIGNED, label: t('leads.moreFilters.unassigned') },
            ...(owners.data ?? []).map((user) => ({ value: user.id, label: user.name })),
          ]}
          value={more.ownerId}
          onChange={(ownerId) => set({ ownerId })}
          error={errors.ownerId}
        />
        {/* A team already chosen (a link, a saved view) stays visible even if it is not offered. */}
        {(teams.data?.length ?? 0) > 0 || more.teamId ? (
          <Select
            {...picker}
            label={t('leads.moreFilters.team')}
            data={(teams.data ?? []).map((team) => ({ value: team.id, label: team.name }))}
            value={more.teamId}
            onChange={(teamId) => set({ teamId })}
            error={errors.teamId}
          />
        ) : null}
        <Select
          {...picker}
          label={t('leads.moreFilters.product')}
          data={(products.data ?? []).map((product) => ({ value: product.id, label: product.name }))}
          value={more.productId}
          onChange={(productId) => set({ productId })}
          error={errors.productId}
        />
        <RangeInputs
          kind="number"
          integer
          fromLabel={t('leads.moreFilters.scoreMin')}
          toLabel={t('leads.moreFilters.scoreMax')}
          from={more.scoreMin === null ? '' : String(more.scoreMin)}
          to={more.scoreMax === null ? '' : String(more.scoreMax)}
          onChange={(from, to) => set({ scoreMin: integerOrNull(from), scoreMax: integerOrNull(to) })}
          fromError={errors.scoreMin}
          toError={endError('scoreMax')}
        />
        <RangeInputs
          kind="date"
          fromLabel={t('leads.moreFilters.createdFrom')}
          toLabel={t('leads.moreFilters.createdTo')}
          from={more.createdFrom}
          to={more.createdTo}
          onChange={(createdFrom, createdTo) => set({ createdFrom, createdTo })}
          fromError={errors.createdFrom}
          toError={endError('createdTo')}
        />
        <RangeInputs
          kind="date"
          fromLabel={t('leads.moreFilters.lastActivityFrom')}
          toLabel={t('leads.moreFilters.lastActivityTo')}
          from={more.lastActivityFrom}
          to={more.lastActivityTo}
          onChange={(lastActivityFrom, lastActivityTo) => set({ lastActivityFrom, lastActivityTo })}
          fromError={errors.lastActivityFrom}
          toError={endError('lastActivityTo')}
        />
        <CustomFieldFilters
          custom={more.custom}
          onChange={(custom) => set({ custom })}
          errors={customErrors(more.custom, errors)}
        />
        <Group justify="flex-end" mt="sm">
          <Button
            variant="default"
            onClick={() => onChange(NO_MORE_FILTERS)}
            disabled={moreFiltersCount(more) === 0}
          >
            {t('leads.moreFilters.clear')}
          </Button>
        </Group>
      </Stack>
    </Drawer>
  );
}
