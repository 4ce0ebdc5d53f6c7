import {
  Alert,
  Button,
  Chip,
  Fieldset,
  Group,
  Loader,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  Text,
  Title,
} from '@mantine/core';
import { DatePickerInput, TimeInput } from '@mantine/dates';
import { type FormEvent, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';
import type { SlaSettingsDto } from '../../lib/api';
import { notifySuccess, problemMessage } from '../../lib/problems';
import { useFormState } from '../../lib/useFormState';
import { useSlaSettings, useUpdateSlaSettings } from './useRouting';

const TEMPERATURES = ['hot', 'warm', 'cold'] as const;
const FIELDS = ['workdays', 'dayStart', 'dayEnd', 'holidays', 'targets.hot', 'targets.warm', 'targets.cold'];

/** "09:00" ⇄ 540 minutes after midnight. */
const clock = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
const minutesOf = (value: string): number | null => {
  const m = /^(\d{1,2}):(\d{2})$/.exec(value);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
};

interface SlaValues extends Record<string, unknown> {
  workdays: string[];
  dayStart: string;
  dayEnd: string;
  holidays: string[];
  /** Working hours as typed ('' while empty). */
  hot: number | string;
  warm: number | string;
  cold: number | string;
  reroute: boolean;
}

const valuesOf = (s: SlaSettingsDto): SlaValues => ({
  workdays: s.workdays.map(String),
  dayStart: clock(s.dayStart),
  dayEnd: clock(s.dayEnd === 1440 ? 1439 : s.dayEnd),
  holidays: [...s.holidays],
  hot: s.targets.hot / 60,
  warm: s.targets.warm / 60,
  cold: s.targets.cold / 60,
  reroute: s.reroute ?? false,
});

/** ISO weekday (1 Monday … 7 Sunday) in the reader's language. */
const weekdayName = (day: number) =>
  new Intl.DateTimeFormat(intlLocale(), { weekday: 'short', timeZone: 'UTC' }).format(
    new Date(Date.UTC(2024, 0, day)),
  );

/**
 * Speed to lead: the working week and hours first-response clocks count, public holidays, the target
 * per temperature in working hours, and whether a missed target re-routes the lead. Admins change
 * it; managers and marketers read it.
 */
export function SlaSettingsCard({ canChange }: { canChange: boolean }) {
  const { t } = useTranslation();
  const settings = useSlaSettings();
  const update = useUpdateSlaSettings();
  const form = useFormState<SlaValues>(() => valuesOf(DEFAULT_VIEW));
  const { values, errors, setField, submitting, reset } = form;
  useEffect(() => {
    if (settings.data) reset(valuesOf(settings.data));
  }, [settings.data, reset]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const dayStart = minutesOf(values.dayStart);
    // a day that ends at midnight (1440) shows as 23:59; left so, it stays midnight
    const dayEnd =
      values.dayEnd === '23:59' && settings.data?.dayEnd === 1440 ? 1440 : minutesOf(values.dayEnd);
    const hours = TEMPERATURES.map((k) => values[k]);
    const missing = {
      ...(dayStart === null ? { dayStart: t('common.required') } : {}),
      ...(dayEnd === null ? { dayEnd: t('common.required') } : {}),
      ...Object.fromEntries(
        TEMPERATURES.filter((_, i) => typeof hours[i] !== 'number').map((k) => [
          `targets.${k}`,
          t('common.required'),
        ]),
      ),
    };
    if (Object.keys(missing).length > 0) return form.setErrors(missing);
    const minutes = (h: number | string) => Math.round(Number(h) * 60);
    await form.send(async () => {
      await update.mutateAsync({
        workdays: values.workdays.map(Number).sort(),
        dayStart: dayStart as number,
        dayEnd: dayEnd as number,
        holidays: [...values.holidays].sort(),
        targets: { hot: minutes(values.hot), warm: minutes(values.warm), cold: minutes(values.cold) },
        reroute: values.reroute,
      });
      notifySuccess(t('sla.saved'));
    }, FIELDS);
  };

  return (
    <Paper withBorder p="md" data-testid="sla-settings">
      <Title order={3} size="h5" mb="xs">
        {t('sla.title')}
      </Title>
      <Text size="xs" c="dimmed" mb="sm">
        {t('sla.hint')}
      </Text>
      {settings.isPending ? <Loader size="sm" aria-label={t('app.loading')} /> : null}
      {settings.isError ? <Alert color="red">{problemMessage(settings.error)}</Alert> : null}
      {settings.data ? (
        <form onSubmit={submit} noValidate>
          <Fieldset variant="unstyled" disabled={!canChange}>
            <Stack>
              <div>
                <Text size="sm" fw={500} mb={4}>
                  {t('sla.workdays')}
                </Text>
                <Chip.Group multiple value={values.workdays} onChange={(v) => setField('workdays', v)}>
                  <Group gap={6}>
                    {[1, 2, 3, 4, 5, 6, 7].map((d) => (
                      <Chip key={d} value={String(d)} size="xs" disabled={!canChange}>
                        {weekdayName(d)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
                {errors.workdays ? (
                  <Text size="xs" c="red">
                    {errors.workdays}
                  </Text>
                ) : null}
              </div>
              <SimpleGrid cols={{ base: 1, xs: 2 }}>
                <TimeInput
                  label={t('sla.dayStart')}
                  value={values.dayStart}
                  onChange={(e) => setField('dayStart', e.currentTarget.value)}
                  error={errors.dayStart}
                  data-testid="sla-day-start"
                />
                <TimeInput
                  label={t('sla.dayEnd')}
                  value={values.dayEnd}
                  onChange={(e) => setField('dayEnd', e.currentTarget.value)}
                  error={errors.dayEnd}
                  data-testid="sla-day-end"
                />
              </SimpleGrid>
              <DatePickerInput
                type="multiple"
                label={t('sla.holidays')}
                description={t('sla.holidaysHint')}
                placeholder={t('sla.noHolidays')}
                value={values.holidays}
                onChange={(v) => setField('holidays', v.map(String))}
                valueFormat="YYYY-MM-DD"
                clearable
                error={errors.holidays}
                data-testid="sla-holidays"
              />
              <SimpleGrid cols={{ base: 1, xs: 3 }}>
                {TEMPERATURES.map((k) => (
                  <NumberInput
                    key={k}
                    label={t(`sla.target.${k}`)}
                    description={t('sla.workingHours')}
                    min={0.25}
                    step={0.5}
                    decimalScale={2}
                    allowNegative={false}
                    value={values[k]}
                    onChange={(v) => setField(k, v)}
                    error={errors[`targets.${k}`]}
                    data-testid={`sla-target-${k}`}
                  />
                ))}
              </SimpleGrid>
              <Switch
                label={t('sla.reroute')}
                description={t('sla.rerouteHint')}
                checked={values.reroute}
                onChange={(e) => setField('reroute', e.currentTarget.checked)}
                data-testid="sla-reroute"
              />
              {canChange ? (
                <Group justify="flex-end">
                  <Button type="submit" loading={submitting} data-testid="sla-save">
                    {t('common.save')}
                  </Button>
                </Group>
              ) : null}
            </Stack>
          </Fieldset>
        </form>
      ) : null}
    </Paper>
  );
}

/** What the form shows for the moment before the settings arrive (it is hidden until then). */
const DEFAULT_VIEW: SlaSettingsDto = {
  workdays: [1, 2, 3, 4, 5],
  dayStart: 540,
  dayEnd: 1020,
  holidays: [],
  targets: { hot: 60, warm: 480, cold: 1440 },
  reroute: false,
};
