import { useCallback, useState } from 'react';
import { type FieldErrors, fieldErrorsOf, notifyProblem } from './problems';

/**
 * Minimal controlled-form state: values, per-field errors, a setter that clears a field's error,
 * and `send`, which runs the submission once and puts the server's field errors under the inputs
 * (`mapErrors` may move them to the input that shows them) or into a notification.
 */
export function useFormState<T extends Record<string, unknown>>(initial: T | (() => T)) {
  const [values, setValues] = useState<T>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [submitting, setSubmitting] = useState(false);

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

  const send = useCallback(
    async (
      work: () => Promise<unknown>,
      shownFields: readonly string[],
      mapErrors = (e: FieldErrors) => e,
    ) => {
      setSubmitting(true);
      try {
        await work();
      } catch (error) {
        setErrors(mapErrors(fieldErrorsOf(error)));
        notifyProblem(error, shownFields);
      } finally {
        setSubmitting(false);
      }
    },
    [],
  );

  return { values, setField, errors, setErrors, reset, submitting, send };
}
