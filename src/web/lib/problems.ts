import { notifications } from '@mantine/notifications';
import { i18n } from '../i18n';
import { isApiError } from './api';

/** Turning API problems into what a person sees: messages under fields, or one notification. */

export type FieldErrors = Record<string, string>;

const REQUEST_PARTS = new Set(['body', 'query', 'params', 'querystring']);

function partsOf(field: string): string[] {
  const parts = field.split(/[./]/).filter(Boolean);
  const start = parts.findIndex((part) => !REQUEST_PARTS.has(part));
  return start === -1 ? [field] : parts.slice(start);
}

/** The form field a problem names: `body.email` → `email`, `body.grants.0` → `grants`, `name` → `name`. */
function formFieldOf(field: string): string {
  return partsOf(field)[0] ?? field;
}

/** The whole path a problem names, for nested forms: `body.person.emails.0` → `person.emails.0`. */
function fieldPathOf(field: string): string {
  return partsOf(field).join('.');
}

function collectFieldErrors(error: unknown, keyOf: (field: string) => string): FieldErrors {
  if (!isApiError(error) || !error.problem.errors) return {};
  const result: FieldErrors = {};
  for (const { field, code, message } of error.problem.errors) {
    // The server's code is translated; its English message is the fallback for codes this UI does not know.
    result[keyOf(field)] ??= i18n.t(`fieldErrors.${code}` as 'fieldErrors.invalid', {
      defaultValue: message.charAt(0).toUpperCase() + message.slice(1),
    });
  }
  return result;
}

/** The `errors[]` of a problem keyed by field, for Mantine inputs' `error` props. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  return collectFieldErrors(error, formFieldOf);
}

/** The `errors[]` of a problem keyed by the whole path (`person.emails.0`), for forms with nested parts. */
export function fieldErrorsByPath(error: unknown): FieldErrors {
  return collectFieldErrors(error, fieldPathOf);
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

/**
 * Shows a failure as a red notification, unless each of its messages already sits under a field shown:
 * `shown` lists form fields (`email`), or decides on whole paths (`person.emails.0`) for nested forms.
 */
export function notifyProblem(
  error: unknown,
  shown: readonly string[] | ((path: string) => boolean) = [],
): void {
  if (isApiError(error, 401)) return; // the app is already on its way to the login page
  const fields = Object.keys(typeof shown === 'function' ? fieldErrorsByPath(error) : fieldErrorsOf(error));
  const isShown = typeof shown === 'function' ? shown : (field: string) => shown.includes(field);
  if (fields.length > 0 && fields.every(isShown)) return;
  notifications.show({ color: 'red', title: i18n.t('app.error'), message: problemMessage(error) });
}

/**
 * A refused action with no form to show field messages under (a dragged card, a bulk change): the
 * messages the server gave per field become the notification's text.
 */
export function notifyRefusal(error: unknown): void {
  if (isApiError(error, 401)) return;
  const messages = [...new Set(Object.values(fieldErrorsOf(error)))];
  notifications.show({
    color: 'red',
    title: messages.length ? problemMessage(error) : i18n.t('app.error'),
    message: messages.length ? messages.join(' ') : problemMessage(error),
  });
}

export function notifySuccess(message: string): void {
  notifications.show({ color: 'green', title: i18n.t('app.done'), message });
}
