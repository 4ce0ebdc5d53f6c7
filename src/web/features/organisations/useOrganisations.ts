import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type OrganisationMergeInput } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { LEADS_KEY } from '../leads/useLeads';
import { PEOPLE_KEY } from '../people/usePeople';

export const ORGANISATIONS_KEY = ['organisations'] as const;
export const organisationKey = (id: string | null) => [...ORGANISATIONS_KEY, 'detail', id] as const;

export function useOrganisation(id: string | null) {
  return useQuery({
    queryKey: organisationKey(id),
    queryFn: () => api.organisations.get(id ?? ''),
    enabled: id !== null,
    staleTime: 60_000,
  });
}

/** Leads and people show their organisation, so a change of organisations refreshes them as well. */
function useOrganisationsChanged() {
  const queryClient = useQueryClient();
  return () => {
    for (const queryKey of [ORGANISATIONS_KEY, PEOPLE_KEY, LEADS_KEY])
      void queryClient.invalidateQueries({ queryKey });
  };
}

export function useOrganisationNotDuplicate(id: string) {
  const changed = useOrganisationsChanged();
  return useMutation({
    mutationFn: (otherId: string) => api.organisations.notDuplicate(id, otherId),
    onSuccess: changed,
  });
}

export function useMergeOrganisations() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OrganisationMergeInput) => api.organisations.merge(input),
    onSuccess: () => {
      // why: the merged organisation answers 404 from now on; asking again while the merge screen is
      // still shown would flash "not found", so organisations are only marked stale.
      void queryClient.invalidateQueries({ queryKey: ORGANISATIONS_KEY, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
}

/** Undoes an organisation merge and says how it went (the Undo of the merge notification). */
export function useUndoOrganisationMergeAction() {
  const { t } = useTranslation();
  const changed = useOrganisationsChanged();
  const undo = useMutation({
    mutationFn: (mergeId: string) => api.organisations.undoMerge(mergeId),
    onSuccess: changed,
  });
  return async (mergeId: string) => {
    try {
      const result = await undo.mutateAsync(mergeId);
      notifySuccess(t('organisationMerge.unmerged', { count: result.organisations.length }));
    } catch (error) {
      notifyProblem(error);
    }
  };
}
