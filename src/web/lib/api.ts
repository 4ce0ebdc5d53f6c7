import type { ChangePasswordInput, LoginInput, UpdateMeInput } from '../../server/modules/auth/auth.schemas';
import type { CreateTeamInput, TeamDto, UpdateTeamInput } from '../../server/modules/teams/teams.schemas';
import type { CreateTokenInput, TokenDto } from '../../server/modules/tokens/tokens.schemas';
import type { CreateUserInput, UpdateUserInput, UserDto } from '../../server/modules/users/users.schemas';
import { campaignsApi, productsApi, sourcesApi } from './api/catalogue';
import { chatApi } from './api/chat';
import { type ItemList, id, isApiError, request } from './api/client';
import { contentApi } from './api/content';
import { customFieldsApi } from './api/custom-fields';
import { formsApi } from './api/forms';
import { importsApi } from './api/imports';
import { integrationsApi } from './api/integrations';
import { activitiesApi, leadsApi, viewsApi } from './api/leads';
import { notificationsApi } from './api/notifications';
import { organisationsApi, peopleApi } from './api/people';
import { routingApi } from './api/routing';
import { scoringApi } from './api/scoring';
import { settingsApi } from './api/settings';

/**
 * The typed client of the Piltuvas HTTP API. Only `api/client.ts` calls `fetch`; the feature files
 * in `api/` describe their endpoints, and this module gathers them into one `api` object.
 */

export * from './api/catalogue';
export * from './api/chat';
export {
  ApiError,
  type FieldError,
  type ItemList,
  isApiError,
  type Page,
  type Problem,
  setUnauthorizedHandler,
} from './api/client';
export * from './api/content';
export * from './api/custom-fields';
export * from './api/forms';
export * from './api/imports';
export * from './api/integrations';
export * from './api/leads';
export * from './api/notifications';
export * from './api/people';
export * from './api/routing';
export * from './api/scoring';
export * from './api/settings';
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
export interface UserEnvelope {
  user: UserDto;
}
/** Someone a lead may be handed to, as `/users/assignable` lists them (no e-mail, no role). */
export type AssignableUserDto = Pick<UserDto, 'id' | 'name' | 'teamId'>;
export interface CreatedUser {
  user: UserDto;
  generatedPassword?: string;
}
export interface CreatedToken {
  token: TokenDto;
  secret: string;
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
    /** The people the caller may hand a lead to (a rep: themselves; a manager: their teams; an admin: all). */
    assignable: () => request<ItemList<AssignableUserDto>>('GET', '/users/assignable'),
    get: (userId: string) => request<UserEnvelope>('GET', `/users/${id(userId)}`),
    create: (input: CreateUserInput) => request<CreatedUser>('POST', '/users', input),
    update: (userId: string, input: UpdateUserInput) =>
      request<UserEnvelope>('PATCH', `/users/${id(userId)}`, input),
  },
  teams: {
    list: () => request<ItemList<TeamDto>>('GET', '/teams'),
    /** Teams whose leads the caller may see (a manager: theirs; a rep: none), for pickers and filters. */
    choices: () => request<ItemList<{ id: string; name: string }>>('GET', '/teams/choices'),
    create: (input: CreateTeamInput) => request<TeamDto>('POST', '/teams', input),
    update: (teamId: string, input: UpdateTeamInput) =>
      request<TeamDto>('PATCH', `/teams/${id(teamId)}`, input),
  },
  tokens: {
    list: () => request<ItemList<TokenDto>>('GET', '/tokens'),
    create: (input: CreateTokenInput) => request<CreatedToken>('POST', '/tokens', input),
    revoke: (tokenId: string) => request<void>('DELETE', `/tokens/${id(tokenId)}`),
  },
  leads: leadsApi,
  activities: activitiesApi,
  views: viewsApi,
  people: peopleApi,
  organisations: organisationsApi,
  sources: sourcesApi,
  products: productsApi,
  campaigns: campaignsApi,
  customFields: customFieldsApi,
  notifications: notificationsApi,
  settings: settingsApi,
  forms: formsApi,
  imports: importsApi,
  integrations: integrationsApi,
  content: contentApi,
  chat: chatApi,
  scoring: scoringApi,
  routing: routingApi,
};
