import type { FieldError } from '../../domain/errors/app-error';
import type { ChangePasswordInput, LoginInput, UpdateMeInput } from '../../server/modules/auth/auth.schemas';
import type { CreateTeamInput, TeamDto, UpdateTeamInput } from '../../server/modules/teams/teams.schemas';
import type { CreateTokenInput, TokenDto } from '../../server/modules/tokens/tokens.schemas';
import type { CreateUserInput, UpdateUserInput, UserDto } from '../../server/modules/users/users.schemas';

/** The typed client of the Piltuvas HTTP API: the only module in the web app that calls `fetch`. */

export type {
  ChangePasswordInput,
  CreateTeamInput,
  CreateTokenInput,
  CreateUserInput,
  LoginInput,
  TeamDto,
  TokenDto,
  UpdateMeInput,
  UpdateTeamInput,
  UpdateUserInput,
  UserDto,
};

// Envelopes are declared here: TypeBox `Type.Ref` fields infer loosely on the server side.
export interface Session {
  user: UserDto;
  csrfToken?: string;
}
export interface ItemList<T> {
  items: T[];
}
export interface UserEnvelope {
  user: UserDto;
}
export interface CreatedUser {
  user: UserDto;
  generatedPassword?: string;
}
export interface CreatedToken {
  token: TokenDto;
  secret: string;
}

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

type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  if (method !== 'GET') {
    const csrf = readCookie(CSRF_COOKIE) ?? lastCsrfToken;
    if (csrf) headers['X-CSRF-Token'] = csrf;
  }
  const response = await fetch(`${BASE}${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
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

const id = (value: string) => encodeURIComponent(value);

export const api = {
  auth: {
    login: (input: LoginInput) => request<Session>('POST', '/auth/login', input),
    logout: () => request<void>('POST', '/auth/logout'),
    /** The current session, or null when nobody is logged in. */
    me: async (): Promise<Session | null> => {
      try {
        return await request<Session>('GET', '/auth/me');
      } catch (error) {
        if (isApiError(error, 401)) return null;
        throw error;
      }
    },
    updateMe: (input: UpdateMeInput) => request<UserEnvelope>('PATCH', '/auth/me', input),
    changePassword: (input: ChangePasswordInput) => request<void>('POST', '/auth/password', input),
  },
  users: {
    list: () => request<ItemList<UserDto>>('GET', '/users'),
    get: (userId: string) => request<UserEnvelope>('GET', `/users/${id(userId)}`),
    create: (input: CreateUserInput) => request<CreatedUser>('POST', '/users', input),
    update: (userId: string, input: UpdateUserInput) =>
      request<UserEnvelope>('PATCH', `/users/${id(userId)}`, input),
  },
  teams: {
    list: () => request<ItemList<TeamDto>>('GET', '/teams'),
    create: (input: CreateTeamInput) => request<TeamDto>('POST', '/teams', input),
    update: (teamId: string, input: UpdateTeamInput) =>
      request<TeamDto>('PATCH', `/teams/${id(teamId)}`, input),
  },
  tokens: {
    list: () => request<ItemList<TokenDto>>('GET', '/tokens'),
    create: (input: CreateTokenInput) => request<CreatedToken>('POST', '/tokens', input),
    revoke: (tokenId: string) => request<void>('DELETE', `/tokens/${id(tokenId)}`),
  },
};
