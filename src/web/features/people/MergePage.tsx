import { SimpleGrid, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { MergeScreen } from '../../components/merge/MergeScreen';
import { showUndoNotification } from '../../components/UndoNotification';
import type { MergeField, PersonDto } from '../../lib/api';
import { formatCountry } from '../../lib/format';
import { useOrganisation } from '../organisations/useOrganisations';
import { MERGE_FIELDS, unitedContacts } from './merge-fields';
import { useMergePeople, usePerson, useUndoMergeAction } from './usePeople';

const LABELS = {
  firstName: 'leads.form.firstName',
  lastName: 'leads.form.lastName',
  jobTitle: 'leads.form.jobTitle',
  organisationId: 'leads.organisation',
  preferredLanguage: 'people.preferredLanguage',
  address: 'people.address',
  city: 'people.city',
  country: 'people.country',
} as const;

function OrganisationName({ id }: { id: string }) {
  const organisation = useOrganisation(id);
  return <>{organisation.data?.name ?? '…'}</>;
}

/** A person's field as one reads it: an organisation's name, a language's name … */
function PersonFieldValue({ field, person }: { field: MergeField; person: PersonDto }) {
  const { t } = useTranslation();
  const value = person[field] ?? '';
  if (field === 'organisationId') return <OrganisationName id={value} />;
  if (field === 'preferredLanguage' && (value === 'lt' || value === 'en'))
    return <>{t(`language.${value}`)}</>;
  if (field === 'country') return <>{formatCountry(value)}</>;
  return <>{value}</>;
}

/** E-mails and phones are never chosen between: both people's are kept. */
function UnitedContacts({ survivor, other }: { survivor: PersonDto; other: PersonDto }) {
  const { t } = useTranslation();
  const contacts = unitedContacts(survivor, other);
  return (
    <>
      <SimpleGrid cols={{ base: 1, xs: 2 }}>
        <div data-testid="merge-emails">
          <Text size="sm" fw={500}>
            {t('leads.email')}
          </Text>
          <Text size="sm">{contacts.emails.join(', ') || t('common.none')}</Text>
        </div>
        <div data-testid="merge-phones">
          <Text size="sm" fw={500}>
            {t('leads.phone')}
          </Text>
          <Text size="sm">{contacts.phones.join(', ') || t('common.none')}</Text>
        </div>
      </SimpleGrid>
      <Text size="xs" c="dimmed">
        {t('merge.contactsUnited')}
      </Text>
    </>
  );
}

/** Compares two people field by field and merges the second into the first. */
export function MergePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '', otherId = '' } = useParams();
  const survivor = usePerson(id);
  const other = usePerson(otherId);
  const merge = useMergePeople();
  const undo = useUndoMergeAction();

  return (
    <MergeScreen
      survivor={survivor.data?.person}
      other={other.data?.person}
      pending={survivor.isPending || other.isPending}
      error={survivor.error ?? other.error}
      kind={{
        fields: MERGE_FIELDS,
        labels: LABELS,
        renderValue: (field, person) => <PersonFieldValue field={field} person={person} />,
        texts: {
          title: 'merge.title',
          back: 'merge.back',
          explain: 'merge.explain',
          confirmTitle: 'merge.confirmTitle',
          confirmText: 'merge.confirmText',
        },
        backTo: `/people/${id}`,
        united: (a, b) => <UnitedContacts survivor={a} other={b} />,
        merging: merge.isPending,
        onMerge: async (input) => {
          const { mergeId, person, movedLeads } = await merge.mutateAsync(input);
          navigate(`/people/${person.id}?merge=${encodeURIComponent(mergeId)}`);
          showUndoNotification({
            message: t('merge.done', { name: person.name, count: movedLeads }),
            onUndo: () => undo(mergeId),
          });
        },
      }}
    />
  );
}
