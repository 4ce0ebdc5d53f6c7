import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { type Action, type AdminResource, can } from '../../domain/access/policy.js';
import { AppError } from '../../domain/errors/app-error.js';
import type { ActorContext, Deps } from '../context.js';
import { type Authenticated, authenticateSession, authenticateToken } from '../modules/auth/authenticate.js';
import { csrfTokenFor, safeEqual } from '../modules/auth/secrets.js';

export const SESSION_COOKIE = 'piltuvas_session';
export const CSRF_COOKIE = 'piltuvas_csrf';
export const CSRF_HEADER = 'x-csrf-token';

/**
 * Who may call a route. Secure by default: every route under `/api/v1` needs a signed-in user
 * unless it says `config: { access: 'public' }`. Administration routes name their resource
 * (`config: { admin: 'user' }`) and the access policy decides, like everywhere else.
 */
export type Access = 'public' | 'user';

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access;
    admin?: AdminResource;
  }
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const METHOD_ACTIONS: Record<string, Action> = {
  POST: 'create',
  PUT: 'update',
  PATCH: 'update',
  DELETE: 'delete',
};

/** Decided on the matched route pattern, never the raw URL (`/%61pi/v1/users` is the same route). */
function routeAccess(request: FastifyRequest): Access {
  const configured = request.routeOptions.config?.access;
  if (configured) return configured;
  return request.routeOptions.url?.startsWith('/api/v1/') ? 'user' : 'public';
}

/** The request's caller as the database says now (a long-lived event stream asks again later). */
export async function resolveAuth(deps: Deps, request: FastifyRequest): Promise<Authenticated | null> {
  const header = request.headers.authorization;
  if (header) {
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    return (match?.[1] && (await authenticateToken(deps, match[1]))) || null;
  }
  const token = request.cookies[SESSION_COOKIE];
  return (token && (await authenticateSession(deps, token))) || null;
}

/** The signed-in caller for a service call; routes behind `access: 'user'` always have one. */
export function callerOf(request: FastifyRequest): ActorContext {
  const auth = request.auth;
  if (!auth) throw new AppError('unauthenticated', 'Sign in first');
  return { user: auth.user, actor: auth.actor, channel: auth.via === 'session' ? 'ui' : 'api' };
}

export const authPlugin = fp(async (app: FastifyInstance, opts: { deps: Deps }) => {
  const { deps } = opts;
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (request.is404 || !request.routeOptions.url?.startsWith('/api/')) return;
    request.auth = await resolveAuth(deps, request);
    const access = routeAccess(request);
    if (access === 'public') return;
    const auth = request.auth;
    if (!auth) throw new AppError('unauthenticated', 'Sign in first: no valid session or API token');
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      const expected = csrfTokenFor(deps.config.sessionSecret, auth.sessionToken ?? '');
      if (typeof sent !== 'string' || !safeEqual(sent, expected)) {
        throw new AppError(
          'csrf',
          `Missing or wrong ${CSRF_HEADER} header for a cookie-authenticated change`,
        );
      }
    }
    const admin = request.routeOptions.config?.admin;
    if (admin && !can(auth.actor, METHOD_ACTIONS[request.method] ?? 'read', admin)) {
      throw new AppError('forbidden', 'Only administrators may do this');
    }
  });
});
