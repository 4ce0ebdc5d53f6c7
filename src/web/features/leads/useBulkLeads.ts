import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { showUndoNotification } from '../../components/UndoNotification';
import { api, type BulkInput, type UserDto } from '../../lib/api';
import { notifyRefusal, notifySuccess } from '../../lib/problems';
import { useCurrentUser } from '../auth/useSession';
import { skipSummary } from './bulk-text';
import { LEADS_KEY } from './useLeads';

/** A bulk change may touch any lead on screen, so every list and lead is asked for again. */
function useLeadsChanged() {
  const queryClient = useQueryClient();
  return () => void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
}

/**
 * Who leads may be assigned to here. Only admins may list users; others assign to themselves (or to
 * nobody), and the server checks each lead anyway.
 */
export function useAssignableUsers(): UserDto[] {
  const me = useCurrentUser();
  const users = useQuery({
    queryKey: ['users'],
    queryFn: async () => (await api.users.list()).items,
    enabled: me.role === 'admin',
    staleTime: 60_000,
  });
  if (me.role !== 'admin') return [me];
  return (users.data ?? []).filter((user) => user.active);
}

/** Runs a bulk change and tells how it went: "3 changed, 1 skipped" with why, and an Undo. */
export function useBulkAction() {
  const { t } = useTranslation();
  const changed = useLeadsChanged();
  const bulk = useMutation({ mutationFn: (input: BulkInput) => api.leads.bulk(input), onSuccess: changed });
  const undo = useMutation({
    mutationFn: (bulkId: string) => api.leads.undoBulk(bulkId),
    onSuccess: changed,
  });

  const undoBulk = async (bulkId: string) => {
    try {
      const result = await undo.mutateAsync(bulkId);
      notifySuccess(t('bulk.undone', { restored: result.restored, skipped: result.skipped.length }));
    } catch (error) {
      notifyRefusal(error);
    }
  };

  /** Resolves true when the server took the request (some leads may still have been skipped). */
  return async (input: BulkInput): Promise<boolean> => {
    try {
      const { bulkId, done, skipped } = await bulk.mutateAsync(input);
      const message = t('bulk.result', { done, skipped: skipped.length });
      const details = skipSummary(skipped, t);
      if (done > 0) showUndoNotification({ message, details, onUndo: () => undoBulk(bulkId) });
      else notifications.show({ color: 'yellow', title: message, message: details.join(' ') });
      return true;
    } catch (error) {
      notifyRefusal(error);
      return false;
    }
  };
}
