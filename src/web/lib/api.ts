import type { Static } from 'typebox';
import type { FieldError } from '../../domain/errors/app-error';
import type { ActivitySchema, CreateActivityInput } from '../../server/modules/activities/activities.schemas';
import type { ChangePasswordInput, LoginInput, UpdateMeInput } from '../../server/modules/auth/auth.schemas';
import type { CampaignDto, CampaignListQueryInput } from '../../server/modules/campaigns/campaigns.schemas';
import type { ProductDto } from '../../server/modules/catalogue/catalogue.schemas';
import type {
  CreateLeadInput,
  LeadDto,
  LeadListItem,
  LeadListQueryInput,
  StageInput,
  UpdateLeadInput,
} from '../../server/modules/leads/leads.schemas';
import type {
  DuplicateCandidate,
  OrganisationSchema,
  PersonSchema,
} from '../../server/modules/people/people.schemas';
import type { SourceDto } from '../../server/modules/sources/sources.schemas';
import type { CreateTeamInput, TeamDto, UpdateTeamInput } from '../../server/modules/teams/teams.schemas';
import type { CreateTokenInput, TokenDto } from '../../server/modules/tokens/tokens.schemas';
import type { CreateUserInput, UpdateUserInput, UserDto } from '../../server/modules/users/users.schemas';

/** The typed client of the Piltuvas HTTP API: the only module in the web app that calls `fetch`. */

export type {
  CampaignDto,
  ChangePasswordInput,
  CreateActivityInput,
  CreateLeadInput,
  CreateTeamInput,
  CreateTokenInput,
  CreateUserInput,
  DuplicateCandidate,
  LeadListItem,
  LeadListQueryInput,
  LoginInput,
  ProductDto,
  SourceDto,
  StageInput,
  TeamDto,
  TokenDto,
  UpdateLeadInput,
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
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export interface LeadPage extends Page<LeadListItem> {
  /** Matches, counted up to a cap (`capped`: there are more than `value`); only when asked for. */
  count?: { value: number; capped: boolean };
}
export type PersonDto = Static<typeof PersonSchema>;
export type OrganisationDto = Static<typeof OrganisationSchema>;
export type ActivityDto = Static<typeof ActivitySchema>;
export type Lead = Omit<LeadDto, 'person' | 'organisation' | 'duplicates'> & {
  person: PersonDto | null;
  organisation: OrganisationDto | null;
  /** Possible duplicates of the person or organisation, sent back on create. */
  duplicates?: DuplicateCandidate[];
};

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

type QueryValue = string | number | boolean | null | undefined;

/** `withQuery('/leads', { q: 'ona', cursor: undefined })` → `/leads?q=ona` (empty values left out). */
function withQuery(path: string, params: Record<string, QueryValue>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}

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
  leads: {
    list: (query: LeadListQueryInput) => request<LeadPage>('GET', withQuery('/leads', { ...query })),
    get: (leadId: string) => request<Lead>('GET', `/leads/${id(leadId)}`),
    create: (input: CreateLeadInput) => request<Lead>('POST', '/leads', input),
    update: (leadId: string, input: UpdateLeadInput) => request<Lead>('PATCH', `/leads/${id(leadId)}`, input),
    changeStage: (leadId: string, input: StageInput) =>
      request<Lead>('POST', `/leads/${id(leadId)}/stage`, input),
    remove: (leadId: string) => request<Lead>('DELETE', `/leads/${id(leadId)}`),
    restore: (leadId: string) => request<Lead>('POST', `/leads/${id(leadId)}/restore`),
  },
  activities: {
    list: (leadId: string, cursor?: string) =>
      request<Page<ActivityDto>>('GET', withQuery(`/leads/${id(leadId)}/activities`, { cursor })),
    create: (leadId: string, input: CreateActivityInput) =>
      request<ActivityDto>('POST', `/leads/${id(leadId)}/activities`, input),
    setDone: (leadId: string, activityId: string, done: boolean) =>
      request<ActivityDto>('PATCH', `/leads/${id(leadId)}/activities/${id(activityId)}`, { done }),
  },
  sources: {
    list: () => request<ItemList<SourceDto>>('GET', '/sources'),
  },
  products: {
    list: () => request<ItemList<ProductDto>>('GET', '/products'),
  },
  campaigns: {
    list: (query: CampaignListQueryInput) =>
      request<Page<CampaignDto>>('GET', withQuery('/campaigns', { ...query })),
  },
};
