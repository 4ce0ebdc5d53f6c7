import { useCallback, useState } from 'react';
import type { FieldErrors } from './problems';

/** Minimal controlled-form state: values, per-field errors, and a setter that clears a field's error. */
export function useFormState<T extends Record<string, unknown>>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});

  const setField = useCallback(<K extends keyof T & string>(field: K, value: T[K]) => {
    setValues((old) => ({ ...old, [field]: value }));
    setErrors((old) => {
      if (!(field in old)) return old;
      const { [field]: _cleared, ...rest } = old;
      return rest;
    });
  }, []);

  const reset = useCallback((next: T) => {
    setValues(next);
    setErrors({});
  }, []);

  return { values, setField, errors, setErrors, reset };
}
