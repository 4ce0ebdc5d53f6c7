import { useDebouncedCallback } from '@mantine/hooks';
import { useState } from 'react';

/**
 * A text input bound to a filter in the address: what is typed is sent after a pause, and a change of
 * the address itself (back button, a link, "clear") shows in the input.
 */
export function useDebouncedText(
  value: string,
  commit: (value: string) => void,
): [string, (next: string) => void] {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
  }
  const debounced = useDebouncedCallback(commit, 300);
  return [
    text,
    (next) => {
      setText(next);
      debounced(next);
    },
  ];
}
