import { useCallback, useState } from 'react';

/**
 * Open/closed state of a modal about one value (the user being edited, the token to revoke). The value
 * outlives `close()` so the modal's title and text do not change while it fades out.
 */
export function useModalState<T>() {
  const [state, setState] = useState<{ opened: boolean; value: T | null }>({ opened: false, value: null });
  const open = useCallback((value: T) => setState({ opened: true, value }), []);
  const close = useCallback(() => setState((old) => ({ ...old, opened: false })), []);
  return { opened: state.opened, value: state.value, open, close };
}
