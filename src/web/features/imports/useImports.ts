import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, type ImportDto, type ImportSettingsInput } from '../../lib/api';
import { LEADS_KEY } from '../leads/useLeads';
import { isActive } from './import-view';

/** List imports: the list, one import followed while it works, and its actions. */

export const IMPORTS_KEY = ['imports'] as const;
const LIST_KEY = [...IMPORTS_KEY, 'list'] as const;
const importKey = (importId: string) => [...IMPORTS_KEY, 'one', importId] as const;
const MAPPINGS_KEY = [...IMPORTS_KEY, 'mappings'] as const;
/** How often a working import is asked about. */
const POLL_MS = 1000;

export function useImportList() {
  return useQuery({
    queryKey: LIST_KEY,
    queryFn: async () => (await api.imports.list()).items,
    // why: the list shows progress too; while any import works it refreshes, then stops.
    refetchInterval: (query) => (query.state.data?.some((i) => isActive(i.status)) ? POLL_MS * 2 : false),
  });
}

/**
 * One import, asked about every second while it is queued, running or undoing. When it stops,
 * the list and the leads (which it may have changed) are refreshed.
 */
export function useImport(importId: string) {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: importKey(importId),
    queryFn: () => api.imports.get(importId),
    refetchInterval: (q) => (q.state.data && isActive(q.state.data.status) ? POLL_MS : false),
  });
  const status = query.data?.status;
  const previous = useRef(status);
  useEffect(() => {
    const was = previous.current;
    previous.current = status;
    if (was !== undefined && status !== undefined && was !== status && !isActive(status)) {
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
      void queryClient.invalidateQueries({ queryKey: LEADS_KEY });
    }
  }, [status, queryClient]);
  return query;
}

export function useCreateImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, settings }: { file: File; settings: ImportSettingsInput }) =>
      api.imports.create(file, settings),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
      void queryClient.invalidateQueries({ queryKey: MAPPINGS_KEY });
    },
  });
}

/** The mappings the server remembers per header layout (see saved-mappings.ts). */
export const savedMappingsQuery = {
  queryKey: MAPPINGS_KEY,
  queryFn: async () => (await api.imports.savedMappings()).items,
};

export type ImportAction = 'run' | 'undo' | 'cancel';

/** Run after a dry run, undo, or cancel: the answer is the import's new state, shown at once. */
export function useImportAction(importId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (action: ImportAction) => api.imports[action](importId),
    onSuccess: (imp: ImportDto) => {
      queryClient.setQueryData(importKey(importId), imp);
      void queryClient.invalidateQueries({ queryKey: LIST_KEY });
    },
  });
}
