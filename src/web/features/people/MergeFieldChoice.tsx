import { Radio, SimpleGrid, Text } from '@mantine/core';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { intlLocale } from '../../i18n';
import type { MergeField, PersonDto } from '../../lib/api';
import { differs } from './merge-fields';
import { useOrganisation } from './usePeople';

function OrganisationName({ id }: { id: string }) {
  const organisation = useOrganisation(id);
  return <>{organisation.data?.name ?? '…'}</>;
}

function countryName(code: string): string {
  try {
    return `${new Intl.DisplayNames([intlLocale()], { type: 'region' }).of(code.toUpperCase()) ?? code} (${code})`;
  } catch {
    // why: a code the browser does not know is still worth showing as it is.
    return code;
  }
}

/** A field's value as a person reads it: an organisation's name, a language's name … */
function FieldValue({ field, person, t }: { field: MergeField; person: PersonDto; t: TFunction }) {
  const value = person[field];
  if (value === null || value === '') return <>{t('common.none')}</>;
  if (field === 'organisationId') return <OrganisationName id={value} />;
  if (field === 'preferredLanguage' && (value === 'lt' || value === 'en'))
    return <>{t(`language.${value}`)}</>;
  if (field === 'country') return <>{countryName(value)}</>;
  return <>{value}</>;
}

interface MergeFieldChoiceProps {
  field: MergeField;
  label: string;
  survivor: PersonDto;
  other: PersonDto;
  chosenId: string;
  onChoose: (personId: string) => void;
}

/** One compared field: the same value is shown once; different values are a choice of one. */
export function MergeFieldChoice({
  field,
  label,
  survivor,
  other,
  chosenId,
  onChoose,
}: MergeFieldChoiceProps) {
  const { t } = useTranslation();
  if (!differs(field, survivor, other)) {
    return (
      <div data-testid={`merge-field-${field}`}>
        <Text size="sm" fw={500}>
          {label}
        </Text>
        <Text size="sm">
          <FieldValue field={field} person={survivor} t={t} />{' '}
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
        {[survivor, other].map((person) => (
          <Radio
            key={person.id}
            value={person.id}
            label={<FieldValue field={field} person={person} t={t} />}
            description={person.name}
          />
        ))}
      </SimpleGrid>
    </Radio.Group>
  );
}
