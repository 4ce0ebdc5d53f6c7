import { Alert, Select, Text } from '@mantine/core';
import { SKIP, useFieldOptions } from './useFieldOptions';

/** A problem code as a sentence: the screen's own words, else the server's message. */
export type ProblemText = (code: string) => string;

interface FieldSelectProps {
  label: string;
  value: string | null;
  error: string | undefined;
  testId: string;
  onChange: (field: string | null) => void;
}

export function FieldSelect({ label, value, error, testId, onChange }: FieldSelectProps) {
  const data = useFieldOptions();
  return (
    <Select
      aria-label={label}
      data={data}
      value={value ?? SKIP}
      onChange={(next) => onChange(next === null || next === SKIP ? null : next)}
      allowDeselect={false}
      searchable
      error={error}
      data-testid={testId}
      miw={220}
    />
  );
}

/** The mapping's problems as a whole (nothing says who a row is …), over the table. */
export function GeneralProblems({ codes, text }: { codes: readonly string[]; text: ProblemText }) {
  if (codes.length === 0) return null;
  return (
    <Alert color="red" data-testid="import-mapping-error">
      {codes.map((code) => (
        <Text key={code} size="sm">
          {text(code)}
        </Text>
      ))}
    </Alert>
  );
}
