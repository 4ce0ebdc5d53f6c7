import { parseRetryAfter, type ServerFieldError } from './submission.js';
import type { Entries } from './types.js';

/** What one POST came to: stored (201/202 alike — a bot is never told it was quarantined), refused, or try later. */
export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'rejected'; detail: string | null; errors: ServerFieldError[] }
  | { kind: 'retry'; reason: 'rate' | 'network'; after: number | null };

export type FetchLike = (
  url: string,
  init: RequestInit,
) => Promise<Pick<Response, 'status' | 'headers' | 'text'>>;

const REQUEST_TIMEOUT_MS = 30_000;

/** A response read as an outcome: 2xx accepted, 429 and 408/5xx retried (after `Retry-After` when given), other 4xx refused. */
export function readOutcome(status: number, retryAfter: string | null, body: string, now: number): Outcome {
  if (status >= 200 && status < 300) return { kind: 'accepted' };
  const after = parseRetryAfter(retryAfter, now);
  if (status === 429) return { kind: 'retry', reason: 'rate', after };
  if (status === 408 || status >= 500) return { kind: 'retry', reason: 'network', after };
  const problem = parseProblem(body);
  return {
    kind: 'rejected',
    detail: typeof problem.detail === 'string' && problem.detail.trim() ? problem.detail.trim() : null,
    errors: Array.isArray(problem.errors)
      ? problem.errors.filter((error): error is ServerFieldError => typeof error?.field === 'string')
      : [],
  };
}

function parseProblem(body: string): { detail?: unknown; errors?: Array<ServerFieldError | null> } {
  try {
    const parsed = JSON.parse(body);
    return typeof parsed === 'object' && parsed !== null ? parsed : {};
  } catch {
    // why: a proxy's HTML error page has no detail to show; the generic "could not be submitted" stands.
    return {};
  }
}

/**
 * POSTs the body urlencoded — a CORS simple request: no preflight, no custom header, no cookies — and reads the
 * outcome. A network failure, a timeout, or a response CORS hides from us counts as "retry".
 */
export async function send(
  endpoint: string,
  body: Entries,
  fetchFn: FetchLike,
  now: () => number,
): Promise<Outcome> {
  try {
    const response = await fetchFn(endpoint, {
      method: 'POST',
      body: new URLSearchParams(body),
      credentials: 'omit',
      mode: 'cors',
      // why: the visitor may close the tab right after clicking; the stored copy is retried anyway (same _cid).
      keepalive: true,
      ...(typeof AbortSignal.timeout === 'function'
        ? { signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }
        : {}),
    });
    return readOutcome(response.status, response.headers.get('Retry-After'), await response.text(), now());
  } catch {
    // why: fetch rejects only when no response could be read; the submission is kept and retried.
    return { kind: 'retry', reason: 'network', after: null };
  }
}
