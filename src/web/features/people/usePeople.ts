import { useMutation, useMutationState, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { api, type MergeInput, type PersonDetail, type PersonInput } from '../../lib/api';
import { notifyProblem, notifySuccess } from '../../lib/problems';
import { LEADS_KEY } from '../leads/useLeads';

export const PEOPLE_KEY = ['people'] as const;
export const personKey = (id: string) => [...PEOPLE_KEY, 'detail', id] as const;

/** A person with their leads and duplicate candidates. */
export function usePerson(id: string) {
  return useQuery({ queryKey: personKey(id), queryFn: () => api.people.get(id) });
}

/** Leads show their person's name and contacts, so a change of people refreshes them as well. */
function usePeopleChanged() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY });
    void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
  };
}

export function useUpdatePerson(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PersonInput) => api.people.update(id, input),
    onSuccess: ({ person, duplicates }) => {
      queryClient.setQueryData(personKey(id), (old: PersonDetail | undefined) =>
        old ? { ...old, person, duplicates } : old,
      );
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
}

export function useNotDuplicate(id: string) {
  const changed = usePeopleChanged();
  return useMutation({
    mutationFn: (otherId: string) => api.people.notDuplicate(id, otherId),
    onSuccess: changed,
  });
}

export function useMergePeople() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergeInput) => api.people.merge(input),
    onSuccess: () => {
      // why: the merged people answer 404 from now on; asking again while the merge screen is still
      // shown would flash "not found", so people are only marked stale and fetched where next shown.
      void queryClient.invalidateQueries({ queryKey: PEOPLE_KEY, refetchType: 'none' });
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    },
  });
}

const UNDO_MERGE_KEY = [...PEOPLE_KEY, 'undo-merge'] as const;

export function useUndoMerge() {
  const changed = usePeopleChanged();
  return useMutation({
    mutationKey: UNDO_MERGE_KEY,
    mutationFn: (mergeId: string) => api.people.undoMerge(mergeId),
    onSuccess: changed,
  });
}

/** Whether this merge was undone in this tab (from the page's button or a notification's Undo). */
export function useMergeUndone(mergeId: string | null): boolean {
  const undone = useMutationState({
    filters: { mutationKey: UNDO_MERGE_KEY, status: 'success' },
    select: (mutation) => mutation.state.variables as string,
  });
  return mergeId !== null && undone.includes(mergeId);
}

/** Undoes a merge and says how it went; shared by the person page and the Undo of a notification. */
export function useUndoMergeAction() {
  const { t } = useTranslation();
  const undo = useUndoMerge();
  return async (mergeId: string) => {
    try {
      const result = await undo.mutateAsync(mergeId);
      notifySuccess(t('people.unmerged', { count: result.people.length }));
    } catch (error) {
      notifyProblem(error);
    }
  };
}
