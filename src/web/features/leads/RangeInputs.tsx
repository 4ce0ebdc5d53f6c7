import { Group, NumberInput, TextInput } from '@mantine/core';
import { useDebouncedText } from './useDebouncedText';

interface RangeInputsProps {
  kind: 'number' | 'date';
  /** Whole numbers only (a score). */
  integer?: boolean;
  fromLabel: string;
  toLabel: string;
  /** Empty for an open end; a date as YYYY-MM-DD. */
  from: string;
  to: string;
  onChange: (from: string, to: string) => void;
  /** Shown under the end: usually "the end is before the start". */
  fromError?: string | undefined;
  toError?: string | undefined;
  testId?: string;
}

/**
 * A from–to pair of a filter, either end optional. Each end is sent after a pause in typing, with the
 * other end as typed; dates use the browser's own picker, which also keeps the end after the start.
 */
export function RangeInputs({
  kind,
  integer = false,
  fromLabel,
  toLabel,
  from,
  to,
  onChange,
  fromError,
  toError,
  testId,
}: RangeInputsProps) {
  const [fromText, setFrom] = useDebouncedText(from, (next) => onChange(next, toText));
  const [toText, setTo] = useDebouncedText(to, (next) => onChange(fromText, next));

  if (kind === 'number') {
    return (
      <Group grow align="flex-start" gap="xs" data-testid={testId}>
        <NumberInput
          label={fromLabel}
          value={fromText}
          onChange={(value) => setFrom(String(value))}
          allowDecimal={!integer}
          error={fromError}
        />
        <NumberInput
          label={toLabel}
          value={toText}
          onChange={(value) => setTo(String(value))}
          allowDecimal={!integer}
          error={toError}
        />
      </Group>
    );
  }
  return (
    <Group grow align="flex-start" gap="xs" data-testid={testId}>
      <TextInput
        type="date"
        label={fromLabel}
        value={fromText}
        max={toText || undefined}
        onChange={(e) => setFrom(e.currentTarget.value)}
        error={fromError}
      />
      <TextInput
        type="date"
        label={toLabel}
        value={toText}
        min={fromText || undefined}
        onChange={(e) => setTo(e.currentTarget.value)}
        error={toError}
      />
    </Group>
  );
}
