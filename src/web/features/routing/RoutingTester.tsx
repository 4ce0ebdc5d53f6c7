import {
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../domain/accounts/user';
import { currentLocale } from '../../i18n';
import { notifyProblem } from '../../lib/problems';
import { sourceName, useSources } from '../leads/useLeadOptions';
import { decisionText, skippedText } from './assignment-text';
import { useRoutingTest } from './useRouting';

/** "Who would get this lead?": a few of the fields rules read, and the answer with its reasons. */
export function RoutingTester() {
  const { t } = useTranslation();
  const sources = useSources();
  const test = useRoutingTest();
  const [source, setSource] = useState<string | null>(null);
  const [country, setCountry] = useState('');
  const [language, setLanguage] = useState<string | null>(null);
  const [temperature, setTemperature] = useState<string | null>(null);
  const [score, setScore] = useState<number | string>('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const fields: Record<string, string | number> = {};
    if (source) fields['lead.source'] = source;
    if (country.trim()) {
      fields['person.country'] = country.trim();
      fields['organisation.country'] = country.trim();
    }
    if (language) fields['person.language'] = language;
    if (temperature) fields['lead.temperature'] = temperature;
    if (typeof score === 'number') fields['lead.score'] = score;
    test.mutate({ fields }, { onError: (e) => notifyProblem(e) });
  };
  const d = test.data;
  const skipped = d ? skippedText(d.candidates, t) : null;
  return (
    <Paper withBorder p="md">
      <Title order={3} size="h5" mb="sm">
        {t('routing.testTitle')}
      </Title>
      <form onSubmit={submit}>
        <Stack gap="sm">
          <SimpleGrid cols={{ base: 1, sm: 5 }}>
            <Select
              label={t('scoring.fields.lead.source')}
              data={(sources.data ?? []).map((s) => ({
                value: s.key,
                label: sourceName(s, currentLocale()),
              }))}
              value={source}
              onChange={setSource}
              clearable
              data-testid="routing-test-source"
            />
            <TextInput
              label={t('routing.country')}
              value={country}
              onChange={(e) => setCountry(e.currentTarget.value)}
            />
            <Select
              label={t('scoring.fields.person.language')}
              data={[...LOCALES]}
              value={language}
              onChange={setLanguage}
              clearable
            />
            <Select
              label={t('scoring.fields.lead.temperature')}
              data={(['hot', 'warm', 'cold'] as const).map((v) => ({
                value: v,
                label: t(`temperatures.${v}`),
              }))}
              value={temperature}
              onChange={setTemperature}
              clearable
            />
            <NumberInput
              label={t('scoring.fields.lead.score')}
              value={score}
              onChange={setScore}
              allowDecimal={false}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" variant="light" loading={test.isPending} data-testid="routing-test-run">
              {t('routing.testRun')}
            </Button>
          </Group>
          {d ? (
            <Stack gap={2} data-testid="routing-test-result">
              <Text size="sm" fw={600}>
                {decisionText(d, t)}
              </Text>
              {skipped ? (
                <Text size="xs" c="dimmed">
                  {skipped}
                </Text>
              ) : null}
            </Stack>
          ) : null}
        </Stack>
      </form>
    </Paper>
  );
}
