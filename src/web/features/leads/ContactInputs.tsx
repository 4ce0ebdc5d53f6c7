import { ActionIcon, Button, Group, Stack, TextInput } from '@mantine/core';
import { IconPlus, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { FieldErrors } from '../../lib/problems';

interface ContactInputsProps {
  /** `emails` or `phones`: errors arrive as `emails.0`, `emails.1` … */
  field: 'emails' | 'phones';
  label: string;
  addLabel: string;
  values: string[];
  errors: FieldErrors;
  onChange: (values: string[]) => void;
}

const MAX = 10;

/** Several e-mails or phones: one input each, more on request (the server keeps them in this order). */
export function ContactInputs({ field, label, addLabel, values, errors, onChange }: ContactInputsProps) {
  const { t } = useTranslation();
  const set = (index: number, value: string) => onChange(values.map((old, i) => (i === index ? value : old)));
  return (
    <Stack gap={6}>
      {values.map((value, index) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: inputs are positions in a list the user edits
        <Group key={index} gap="xs" align="flex-start" wrap="nowrap">
          <TextInput
            style={{ flex: 1 }}
            label={index === 0 ? label : undefined}
            aria-label={index === 0 ? undefined : `${label} ${index + 1}`}
            type={field === 'emails' ? 'email' : 'tel'}
            value={value}
            onChange={(e) => set(index, e.currentTarget.value)}
            error={errors[`${field}.${index}`]}
            data-testid={`${field}-${index}`}
          />
          {values.length > 1 ? (
            <ActionIcon
              variant="subtle"
              color="gray"
              mt={index === 0 ? 28 : 4}
              aria-label={t('leads.form.remove', { value: value || label })}
              onClick={() => onChange(values.filter((_, i) => i !== index))}
            >
              <IconX size={16} />
            </ActionIcon>
          ) : null}
        </Group>
      ))}
      {values.length < MAX ? (
        <Button
          variant="subtle"
          size="compact-sm"
          leftSection={<IconPlus size={14} />}
          onClick={() => onChange([...values, ''])}
          style={{ alignSelf: 'flex-start' }}
        >
          {addLabel}
        </Button>
      ) : null}
    </Stack>
  );
}
