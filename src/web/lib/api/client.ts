import type { FieldError } from '../../../domain/errors/app-error';

/**
 * The one function in the web app that calls `fetch`: JSON in and out, the CSRF header on changes,
 * problem+json turned into `ApiError`. The feature clients beside it (`people.ts`, `leads.ts` …) and
 * `lib/api.ts`, which gathers them into `api`, only describe endpoints.
 */

export type { FieldError };
/** RFC 9457 problem details, as every error response of the server carries. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: FieldError[];
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** Seconds from the Retry-After header, when the server sent one (e.g. a login lockout). */
    readonly retryAfter: number | null = null,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }
}

export function isApiError(error: unknown, status?: number): error is ApiError {
  return error instanceof ApiError && (status === undefined || error.status === status);
}

const BASE = '/api/v1';
const CSRF_COOKIE = 'piltuvas_csrf';
/** Requests whose 401 is an expected answer rather than an expired session. */
const QUIET_401 = new Set(['/auth/login', '/auth/me']);

let lastCsrfToken: string | undefined;
let onUnauthorized: () => void = () => {};

/** Registers what happens when the session turns out to be gone (the app sends the user to login). */
export function setUnauthorizedHandler(handler: () => void): void {
  onUnauthorized = handler;
}

function readCookie(name: string): string | undefined {
  const prefix = `${name}=`;
  const hit = document.cookie.split('; ').find((part) => part.startsWith(prefix));
  return hit === undefined ? undefined : decodeURIComponent(hit.slice(prefix.length));
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/**
 * One API call. A `FormData` body (a file upload) goes as multipart/form-data: the browser writes its
 * Content-Type with the boundary, so none is set here; anything else goes as JSON.
 */
export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const multipart = body instanceof FormData;
  if (body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE) ?? lastCsrfToken;
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : multipart ? body : JSON.stringify(body),
  });
  if (!response.ok) throw await toApiError(response, path);
  if (response.status === 204) return undefined as T;
  const data = (await response.json()) as T;
  if (data && typeof data === 'object' && 'csrfToken' in data && typeof data.csrfToken === 'string') {
    lastCsrfToken = data.csrfToken;
  }
  return data;
}

async function toApiError(response: Response, path: string): Promise<ApiError> {
  if (response.status === 401 && !QUIET_401.has(path)) onUnauthorized();
  let problem: Problem = { type: 'about:blank', title: response.statusText, status: response.status };
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = { ...problem, ...((await response.json()) as Partial<Problem>) };
    } catch {
      // why: a broken error body must not hide the status; the status-only problem stands.
    }
  }
  const retryAfter = Number(response.headers.get('Retry-After'));
  return new ApiError(
    response.status,
    problem,
    Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter : null,
  );
}

/** The address of an API path for the browser to open itself (a download link sends the session cookie). */
export const apiUrl = (path: string) => `${BASE}${path}`;

/** An id as a path segment. */
export const id = (value: string) => encodeURIComponent(value);

type QueryScalar = string | number | boolean | null | undefined;
type QueryValue = QueryScalar | readonly QueryScalar[];

/**
 * `withQuery('/leads', { q: 'ona', cursor: undefined })` → `/leads?q=ona` (empty values left out);
 * a list repeats its key: `{ cf: ['a:1', 'b:2'] }` → `cf=a%3A1&cf=b%3A2`.
 */
export function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item !== undefined && item !== null && item !== '') search.append(key, String(item));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

export interface ItemList<T> {
  items: T[];
}
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
