import { Stack, Text } from '@mantine/core';
import { currentLocale } from '../../i18n';
import type { FormDto, SubmissionDto } from '../../lib/api';
import { useProducts } from '../leads/useLeadOptions';
import { valueLines } from './submission-text';

/**
 * What the visitor sent, one `label: value` line per field. Rendered as text nodes only: a submission
 * is whatever a stranger typed, never markup.
 */
export function SubmissionValues({ submission, form }: { submission: SubmissionDto; form: FormDto }) {
  const products = useProducts();
  const names = new Map((products.data ?? []).map((p) => [p.id, p.name]));
  const lines = valueLines(submission.values, form.fields, currentLocale(), names);
  return (
    <Stack gap={2} data-testid="submission-values">
      {lines.map((line) => (
        <Text key={line.key} size="sm" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
          <Text span fw={500} inherit>
            {line.label}:
          </Text>{' '}
          {line.text}
        </Text>
      ))}
    </Stack>
  );
}
