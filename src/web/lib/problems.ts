import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n';
import { isApiError } from './api';

/** Turning API problems into what a person sees: messages under fields, or one notification. */

export type FieldErrors = Record<string, string>;

const REQUEST_PARTS = new Set(['body', 'query', 'params', 'querystring']);

/** The form field a problem names: `body.email` → `email`, `body.grants.0` → `grants`, `name` → `name`. */
function formFieldOf(field: string): string {
  const parts = field.split(/[./]/).filter(Boolean);
  const start = parts.findIndex((part) => !REQUEST_PARTS.has(part));
  return start === -1 ? field : (parts[start] ?? field);
}

/** The `errors[]` of a problem keyed by field, for Mantine inputs' `error` props. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!isApiError(error) || !error.problem.errors) return {};
  const result: FieldErrors = {};
  for (const { field, code, message } of error.problem.errors) {
    // The server's code is translated; its English message is the fallback for codes this UI does not know.
    result[formFieldOf(field)] ??= i18n.t(`fieldErrors.${code}` as 'fieldErrors.invalid', {
      defaultValue: message.charAt(0).toUpperCase() + message.slice(1),
    });
  }
  return result;
}

/** The sentence that explains a failure as a whole (`detail`, else `title`, else a generic one). */
export function problemMessage(error: unknown): string {
  if (isApiError(error)) {
    const code = error.problem.type.replace(/^urn:piltuvas:problem:/, '');
    const fallback = error.problem.detail || error.problem.title || i18n.t('app.unexpectedError');
    return i18n.t(`problems.${code}` as 'problems.internal', { defaultValue: fallback });
  }
  return i18n.t('app.unexpectedError');
}

/** Shows a failure as a red notification, unless each of its messages already sits under a field shown. */
export function notifyProblem(error: unknown, shownFields: readonly string[] = []): void {
  if (isApiError(error, 401)) return; // the app is already on its way to the login page
  const fields = Object.keys(fieldErrorsOf(error));
  if (fields.length > 0 && fields.every((field) => shownFields.includes(field))) return;
  notifications.show({ color: 'red', title: i18n.t('app.error'), message: problemMessage(error) });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', title: i18n.t('app.done'), message });
}
