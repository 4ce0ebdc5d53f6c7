import { isRecord } from '../../../domain/integrations/json-pointer';

/** Why a received event did not become a lead, as the server stored it (`{ code, message, errors }`). */
export interface EventProblem {
  /** A problem code (`validation`, `not_found` …) or '' when the server stored plain text. */
  code: string;
  message: string;
  /** The mapping targets it names (`person.email`) with their field error codes. */
  fields: { field: string; code: string; message: string }[];
}

const text = (value: unknown) => (typeof value === 'string' ? value : '');

/**
 * An event's `error` column read for display; anything not in the stored JSON shape is shown as
 * it is. Example: `'{"code":"validation","message":"No","errors":[{"field":"person.email","code":"invalid_format","message":"bad"}]}'`
 * → `{ code: 'validation', message: 'No', fields: [{ field: 'person.email', code: 'invalid_format', message: 'bad' }] }`.
 */
export function eventProblem(error: string | null): EventProblem | null {
  if (error === null || error.trim() === '') return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(error);
  } catch {
    return { code: '', message: error, fields: [] };
  }
  if (!isRecord(parsed)) return { code: '', message: error, fields: [] };
  const record = parsed as Record<string, unknown>;
  const errors = Array.isArray(record.errors) ? record.errors : [];
  return {
    code: text(record.code),
    message: text(record.message),
    fields: errors.filter(isRecord).map((e) => {
      const item = e as Record<string, unknown>;
      return { field: text(item.field), code: text(item.code), message: text(item.message) };
    }),
  };
}
