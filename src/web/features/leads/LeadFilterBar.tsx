import {
  Button,
  Group,
  type MantineBreakpoint,
  MultiSelect,
  Select,
  SimpleGrid,
  Switch,
  TextInput,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconAdjustmentsHorizontal, IconFilterPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { LEAD_STAGES, type LeadStage } from '../../../domain/leads/stages';
import { TEMPERATURES, type Temperature } from '../../../domain/leads/temperature';
import { currentLocale } from '../../i18n';
import type { FieldErrors } from '../../lib/problems';
import {
  LEAD_SORTS,
  type LeadFilters,
  type LeadSort,
  moreFiltersCount,
  NO_MORE_FILTERS,
} from './lead-filters';
import { MoreFilters } from './MoreFilters';
import { useDebouncedText } from './useDebouncedText';
import { sourceOptions, useSources } from './useLeadOptions';

interface LeadFilterBarProps {
  filters: LeadFilters;
  onChange: (next: LeadFilters) => void;
  /** On the board the stage filter picks the columns, and the bin has no place. */
  board?: boolean;
  /** Messages the server gave per query field when it refused the list, shown under "More filters". */
  errors?: FieldErrors;
}

function activeFilters(filters: LeadFilters): number {
  const { stages, temperatures, sourceId, tag, revisitDue, deleted, more } = filters;
  return (
    [stages.length > 0, temperatures.length > 0, sourceId, tag.trim(), revisitDue, deleted].filter(Boolean)
      .length + moreFiltersCount(more)
  );
}

/**
 * Search, filters and sort of the lead list; typing is debounced so each keystroke is not a request.
 * On phones only the search shows until "Filters" opens the rest.
 */
export function LeadFilterBar({ filters, onChange, board = false, errors }: LeadFilterBarProps) {
  const { t } = useTranslation();
  const sources = useSources();
  const set = (patch: Partial<LeadFilters>) => onChange({ ...filters, ...patch });
  const [text, setText] = useDebouncedText(filters.q, (q) => set({ q }));
  const [tag, setTag] = useDebouncedText(filters.tag, (value) => set({ tag: value }));
  const [opened, { toggle }] = useDisclosure(false);
  const [drawer, { open: openDrawer, close: closeDrawer }] = useDisclosure(false);
  const extra = moreFiltersCount(filters.more);
  const more: { visibleFrom?: MantineBreakpoint } = opened ? {} : { visibleFrom: 'xs' };

  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} mb="md" spacing="sm" verticalSpacing="xs">
      <TextInput
        label={t('leads.search')}
        placeholder={t('leads.searchPlaceholder')}
        leftSection={<IconSearch size={16} />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        data-testid="lead-search"
        type="search"
      />
      <Button
        hiddenFrom="xs"
        variant="default"
        leftSection={<IconAdjustmentsHorizontal size={16} />}
        onClick={toggle}
        aria-expanded={opened}
      >
        {t('leads.filters', { count: activeFilters(filters) })}
      </Button>
      <MultiSelect
        {...more}
        label={t('leads.stage')}
        placeholder={filters.stages.length ? undefined : t('leads.any')}
        data={LEAD_STAGES.map((stage) => ({ value: stage, label: t(`stages.${stage}`) }))}
        value={filters.stages}
        onChange={(value) => set({ stages: value as LeadStage[] })}
        clearable
      />
      <MultiSelect
        {...more}
        label={t('leads.temperature')}
        placeholder={filters.temperatures.length ? undefined : t('leads.any')}
        data={TEMPERATURES.map((temperature) => ({
          value: temperature,
          label: t(`temperatures.${temperature}`),
        }))}
        value={filters.temperatures}
        onChange={(value) => set({ temperatures: value as Temperature[] })}
        clearable
      />
      <Select
        {...more}
        label={t('leads.source')}
        placeholder={t('leads.any')}
        data={sourceOptions(sources.data ?? [], currentLocale(), true)}
        value={filters.sourceId}
        onChange={(sourceId) => set({ sourceId })}
        searchable
        clearable
      />
      <TextInput
        {...more}
        label={t('leads.tag')}
        value={tag}
        onChange={(e) => setTag(e.currentTarget.value)}
      />
      <Select
        {...more}
        label={t('leads.sort')}
        data={LEAD_SORTS.map((sort) => ({ value: sort, label: t(`leads.sorts.${sort}`) }))}
        value={filters.sort}
        onChange={(sort) => sort && set({ sort: sort as LeadSort })}
        allowDeselect={false}
      />
      <Group {...more} gap="lg" align="flex-end" pb={6}>
        <Switch
          label={t('leads.revisitDue')}
          checked={filters.revisitDue}
          onChange={(e) => set({ revisitDue: e.currentTarget.checked })}
        />
        {board ? null : (
          <Switch
            label={t('leads.bin')}
            checked={filters.deleted}
            onChange={(e) => set({ deleted: e.currentTarget.checked })}
          />
        )}
      </Group>
      <Group {...more} gap="xs" align="flex-end">
        <Button
          variant={extra ? 'light' : 'default'}
          leftSection={<IconFilterPlus size={16} />}
          onClick={openDrawer}
          aria-expanded={drawer}
          data-testid="more-filters"
        >
          {t('leads.moreFilters.button', { count: extra })}
        </Button>
        {extra ? (
          <Button
            variant="subtle"
            onClick={() => set({ more: NO_MORE_FILTERS })}
            data-testid="clear-more-filters"
          >
            {t('leads.moreFilters.clear')}
          </Button>
        ) : null}
        {/* The drawer lives in a portal: it takes no place in the grid. */}
        <MoreFilters
          opened={drawer}
          onClose={closeDrawer}
          more={filters.more}
          onChange={(next) => set({ more: next })}
          errors={errors}
        />
      </Group>
    </SimpleGrid>
  );
}
