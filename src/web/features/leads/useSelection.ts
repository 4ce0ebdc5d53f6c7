import { useState } from 'react';

const NONE: ReadonlySet<string> = new Set();

/**
 * Rows ticked for a bulk change. The selection belongs to one list (`scope`, e.g. its query): when the
 * filters change it is gone, so no lead hidden by the new filters is changed unseen.
 */
export function useSelection(scope: string) {
  const [state, setState] = useState<{ scope: string; ids: ReadonlySet<string> }>({ scope, ids: NONE });
  const ids = state.scope === scope ? state.ids : NONE;
  const select = (changed: readonly string[], on: boolean) => {
    const next = new Set(ids);
    for (const id of changed) {
      if (on) next.add(id);
      else next.delete(id);
    }
    setState({ scope, ids: next });
  };
  const clear = () => setState({ scope, ids: NONE });
  return { ids, select, clear };
}
