import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { CSRF_COOKIE, callerOf, SESSION_COOKIE } from '../../plugins/auth.js';
import { authErrors, ProblemRef } from '../../schemas/common.js';
import { UserEnvelope } from '../users/users.schemas.js';
import { ChangePasswordBody, LoginBody, SessionEnvelope, UpdateMeBody } from './auth.schemas.js';
import { changePassword, login, logout, updateMe } from './auth.service.js';
import { csrfTokenFor } from './secrets.js';

const tags = ['auth'];

function setSessionCookies(
  reply: FastifyReply,
  deps: Deps,
  token: string,
  csrf: string,
  expires: Date,
): void {
  const common = { path: '/', sameSite: 'lax' as const, secure: deps.config.secureCookies, expires };
  reply.setCookie(SESSION_COOKIE, token, { ...common, httpOnly: true });
  // Readable by the page on purpose: the SPA echoes it in X-CSRF-Token (double submit, HMAC-bound).
  reply.setCookie(CSRF_COOKIE, csrf, { ...common, httpOnly: false });
}

export const authRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.post(
    '/auth/login',
    {
      config: { access: 'public', rateLimit: { max: deps.config.loginRateLimit, timeWindow: '1 minute' } },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password; sets the session cookie',
        body: LoginBody,
        response: {
          200: SessionEnvelope,
          400: ProblemRef,
          401: ProblemRef,
          403: ProblemRef,
          429: ProblemRef,
        },
      },
    },
    async (request, reply) => {
      const result = await login(deps, request.body, {
        ip: request.ip ?? null,
        userAgent: request.headers['user-agent'] ?? null,
        acceptLanguage: request.headers['accept-language'],
      });
      setSessionCookies(reply, deps, result.sessionToken, result.csrfToken, result.expiresAt);
      return { user: result.user, csrfToken: result.csrfToken };
    },
  );

  app.post(
    '/auth/logout',
    { schema: { tags, summary: 'End the current session', response: { 204: Type.Null(), ...authErrors } } },
    async (request, reply) => {
      const token = request.auth?.sessionToken;
      if (token) await logout(deps, token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' }).clearCookie(CSRF_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'The signed-in user (session cookie or Bearer token)',
        response: { 200: SessionEnvelope, ...authErrors },
      },
    },
    async (request) => {
      const { user, sessionToken } = request.auth!;
      return sessionToken
        ? { user, csrfToken: csrfTokenFor(deps.config.sessionSecret, sessionToken) }
        : { user };
    },
  );

  app.patch(
    '/auth/me',
    {
      schema: {
        tags,
        summary: 'Change your own name, language or time zone',
        body: UpdateMeBody,
        response: { 200: UserEnvelope, ...authErrors },
      },
    },
    async (request) => ({ user: await updateMe(deps, callerOf(request), request.body) }),
  );

  app.post(
    '/auth/password',
    {
      schema: {
        tags,
        summary: 'Change your own password; your other sessions end',
        body: ChangePasswordBody,
        response: { 204: Type.Null(), ...authErrors },
      },
    },
    async (request, reply) => {
      await changePassword(deps, callerOf(request), request.body, request.auth?.sessionToken);
      return reply.code(204).send(null);
    },
  );
};
