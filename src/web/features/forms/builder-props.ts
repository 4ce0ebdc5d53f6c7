import type { FieldErrors } from '../../lib/problems';
import type { FormValues } from './form-values';

/** What each section of the form builder gets: the values, the messages under inputs, a setter. */
export interface SectionProps {
  values: FormValues;
  errors: FieldErrors;
  setField: <K extends keyof FormValues & string>(field: K, value: FormValues[K]) => void;
  /** Someone who may read forms but not change them. */
  readOnly: boolean;
}
