import { Radio, SimpleGrid, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { differs, type MergeRecord } from './merge-choices';

interface MergeFieldChoiceProps<F extends string, R extends MergeRecord<F>> {
  field: F;
  label: string;
  survivor: R;
  other: R;
  chosenId: string;
  onChoose: (recordId: string) => void;
  /** The field's value as a person reads it (an organisation's name, a country's name …); never called for an empty one. */
  renderValue: (field: F, record: R) => ReactNode;
}

/** One compared field: the same value is shown once; different values are a choice of one. */
export function MergeFieldChoice<F extends string, R extends MergeRecord<F>>({
  field,
  label,
  survivor,
  other,
  chosenId,
  onChoose,
  renderValue,
}: MergeFieldChoiceProps<F, R>) {
  const { t } = useTranslation();
  const value = (record: R) =>
    record[field] === null || record[field] === '' ? t('common.none') : renderValue(field, record);
  if (!differs(field, survivor, other)) {
    return (
      <div data-testid={`merge-field-${field}`}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm">
          {value(survivor)}{' '}
          <Text span size="xs" c="dimmed">
            {t('merge.same')}
          </Text>
        </Text>
      </div>
    );
  }
  return (
    <Radio.Group label={label} value={chosenId} onChange={onChoose} data-testid={`merge-field-${field}`}>
      <SimpleGrid cols={{ base: 1, xs: 2 }} mt={4}>
        {[survivor, other].map((record) => (
          <Radio key={record.id} value={record.id} label={value(record)} description={record.name} />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
