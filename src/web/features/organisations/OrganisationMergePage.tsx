import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { ORGANISATION_MERGE_FIELDS } from '../../../domain/people/merge';
import { MergeScreen } from '../../components/merge/MergeScreen';
import { showUndoNotification } from '../../components/UndoNotification';
import type { OrganisationMergeField } from '../../lib/api';
import { formatCountry } from '../../lib/format';
import { useMergeOrganisations, useOrganisation, useUndoOrganisationMergeAction } from './useOrganisations';

const FIELDS = ORGANISATION_MERGE_FIELDS satisfies readonly OrganisationMergeField[];

const LABELS = {
  name: 'leads.form.organisationName',
  companyCode: 'leads.form.companyCode',
  vatCode: 'organisationMerge.vatCode',
  website: 'leads.form.website',
  size: 'organisationMerge.size',
  industry: 'organisationMerge.industry',
  city: 'people.city',
  country: 'people.country',
} as const satisfies Record<OrganisationMergeField, string>;

/**
 * Compares two organisations field by field and merges the second into the first. Reached from a
 * lead's duplicates (`?lead=<id>`), it goes back to that lead.
 */
export function OrganisationMergePage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const { id = '', otherId = '' } = useParams();
  const [params] = useSearchParams();
  const leadId = params.get('lead');
  const backTo = leadId ? `/leads/${encodeURIComponent(leadId)}` : '/leads';
  const survivor = useOrganisation(id);
  const other = useOrganisation(otherId);
  const merge = useMergeOrganisations();
  const undo = useUndoOrganisationMergeAction();

  return (
    <MergeScreen
      survivor={survivor.data}
      other={other.data}
      pending={survivor.isPending || other.isPending}
      error={survivor.error ?? other.error}
      kind={{
        fields: FIELDS,
        labels: LABELS,
        renderValue: (field, organisation) => {
          const value = organisation[field] ?? '';
          if (field === 'country') return formatCountry(value);
          if (field === 'size') return t('organisationMerge.employees', { size: value });
          return value;
        },
        texts: {
          title: 'organisationMerge.title',
          back: leadId ? 'organisationMerge.back' : 'leads.backToList',
          explain: 'organisationMerge.explain',
          confirmTitle: 'organisationMerge.confirmTitle',
          confirmText: 'organisationMerge.confirmText',
        },
        backTo,
        merging: merge.isPending,
        onMerge: async (input) => {
          const { mergeId, organisation, movedLeads, movedPeople } = await merge.mutateAsync(input);
          navigate(backTo);
          showUndoNotification({
            message: t('organisationMerge.done', {
              name: organisation.name,
              leads: movedLeads,
              people: movedPeople,
            }),
            onUndo: () => undo(mergeId),
          });
        },
      }}
    />
  );
}
