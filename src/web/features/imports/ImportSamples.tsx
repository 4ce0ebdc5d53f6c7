import { Badge, List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ROW_PROBLEMS } from '../../../domain/imports/problems';
import type { ImportDto, ImportSample } from '../../lib/api';
import { OUTCOMES, type SampleProblem, sampleView } from './import-view';
import { useFieldLabel } from './useFieldOptions';

/** A row problem as a sentence, naming the field it concerns: "E-mail: The format is not valid." */
function useProblemLine(): (problem: SampleProblem) => string {
  const { t } = useTranslation();
  const fieldLabel = useFieldLabel();
  return ({ field, code }) => {
    const sentence = Object.hasOwn(ROW_PROBLEMS, code)
      ? t(`imports.problems.${code}` as 'imports.problems.exists')
      : t(`fieldErrors.${code}` as 'fieldErrors.invalid', { defaultValue: code });
    return field === null ? sentence : `${fieldLabel(field)}: ${sentence}`;
  };
}

function SampleRow({ sample }: { sample: ImportSample }) {
  const { t } = useTranslation();
  const problemLine = useProblemLine();
  const view = sampleView(sample);
  return (
    <List.Item data-testid="import-sample" data-outcome={sample.outcome} data-line={sample.line}>
      <Text size="sm">
        <Text span c="dimmed" mr="xs">
          {t('imports.detail.line', { line: sample.line })}
        </Text>
        {view.text}
      </Text>
      {view.problems.map((problem) => (
        <Text key={`${problem.field}:${problem.code}`} size="sm" c="red">
          {problemLine(problem)}
        </Text>
      ))}
    </List.Item>
  );
}

/** The first rows of each outcome as they were read (values as plain text), and why some were not taken. */
export function ImportSamples({ imp }: { imp: ImportDto }) {
  const { t } = useTranslation();
  if (imp.samples.length === 0) return null;
  return (
    <Paper withBorder p={{ base: 'sm', sm: 'md' }}>
      <Title order={3} size="h4">
        {t('imports.detail.samples')}
      </Title>
      <Text size="sm" c="dimmed" mb="sm">
        {t('imports.detail.samplesHint')}
      </Text>
      <Stack gap="md">
        {OUTCOMES.map((outcome) => {
          const rows = imp.samples.filter((s) => s.outcome === outcome);
          if (rows.length === 0) return null;
          return (
            <div key={outcome} data-testid={`import-samples-${outcome}`}>
              <Badge variant="light" mb={4}>
                {imp.dryRun ? t(`imports.wouldCounts.${outcome}`) : t(`imports.counts.${outcome}`)}
              </Badge>
              <List spacing={4} listStyleType="none">
                {rows.map((sample) => (
                  <SampleRow key={sample.rowNo} sample={sample} />
                ))}
              </List>
            </div>
          );
        })}
      </Stack>
    </Paper>
  );
}
