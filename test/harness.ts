import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import type { Role } from '../src/domain/accounts/user.js';
import { buildApp } from '../src/server/app.js';
import { type Config, parseConfig } from '../src/server/config.js';
import type { Deps } from '../src/server/context.js';
import type { DialectName } from '../src/server/db/connect.js';
import { createToken } from '../src/server/modules/tokens/tokens.service.js';
import type { UserDto } from '../src/server/modules/users/users.schemas.js';
import { createUser } from '../src/server/modules/users/users.service.js';
import { CSRF_COOKIE, SESSION_COOKIE } from '../src/server/plugins/auth.js';
import { freshDb, type TestDb } from './dialects.js';

export const TEST_PASSWORD = 'correct horse battery staple';

export interface Session {
  user: UserDto;
  /** Headers for cookie-authenticated calls, CSRF header included. */
  headers: Record<string, string>;
  cookie: string;
  csrf: string;
}

export interface TestApp {
  app: FastifyInstance;
  deps: Deps;
  db: TestDb;
  /** Every visible route as "METHOD /url", as registered. */
  routes: string[];
  /** A new user straight through the service (unique e-mail per call). */
  newUser(fields?: { role?: Role; teamId?: string | null; name?: string; email?: string }): Promise<UserDto>;
  /** Signs in through the HTTP API and returns the cookie and CSRF headers. */
  login(email: string, password?: string): Promise<Session>;
  /** A new user of that role, signed in. */
  signedIn(role: Role, fields?: { teamId?: string | null }): Promise<Session>;
  bearer(user: UserDto): Promise<{ headers: Record<string, string>; tokenId: string; secret: string }>;
}

let counter = 0;

export function testConfig(overrides: Partial<Config> = {}): Config {
  return {
    ...parseConfig({ PILTUVAS_DATA_DIR: '/tmp/piltuvas-unused' }),
    sessionSecret: 'x'.repeat(40),
    loginRateLimit: 10_000,
    formRateLimit: 10,
    // Real-port tests all come from 127.0.0.1; the chat start limit has its own test.
    chatStartRateLimit: 10_000,
    ...overrides,
  };
}

/** Registers beforeAll/afterAll that build the app on a fresh database of this dialect. */
export function useTestApp(dialect: DialectName, config: Partial<Config> = {}): TestApp {
  const ctx = {} as TestApp;
  beforeAll(async () => {
    const db = await freshDb(dialect);
    const deps: Deps = {
      db: db.db,
      dialect: db.dialect,
      schema: db.schema,
      config: testConfig(config),
      now: () => new Date(),
    };
    const routes: string[] = [];
    const onRoute = (r: { method: string | string[]; url: string; hidden: boolean }) => {
      if (r.hidden) return;
      for (const m of [r.method].flat()) if (m !== 'HEAD') routes.push(`${m} ${r.url}`);
    };
    const app = await buildApp({ deps, onRoute });
    await app.ready();
    Object.assign(ctx, { app, deps, db, routes });
  });
  afterAll(async () => {
    await ctx.app?.close();
    await ctx.db?.dispose();
  });

  ctx.newUser = async (fields = {}) => {
    counter += 1;
    const email = fields.email ?? `user${counter}.${Date.now()}@example.lt`;
    const { user } = await createUser(
      ctx.deps,
      { user: null, channel: 'system' },
      {
        email,
        name: fields.name ?? `Test User ${counter}`,
        role: fields.role ?? 'rep',
        password: TEST_PASSWORD,
        ...(fields.teamId !== undefined ? { teamId: fields.teamId } : {}),
      },
    );
    return user;
  };

  ctx.login = async (email, password = TEST_PASSWORD) => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email, password },
    });
    if (res.statusCode !== 200) throw new Error(`login failed: ${res.statusCode} ${res.body}`);
    return sessionFrom(res);
  };

  ctx.signedIn = async (role, fields = {}) => {
    const user = await ctx.newUser({ role, ...fields });
    return ctx.login(user.email);
  };

  ctx.bearer = async (user) => {
    const { token, secret } = await createToken(
      ctx.deps,
      { user: null, channel: 'system' },
      { name: 'test', userId: user.id },
    );
    return { headers: { authorization: `Bearer ${secret}` }, tokenId: token.id, secret };
  };
  return ctx;
}

export function cookieValue(res: LightMyRequestResponse, name: string): string | undefined {
  return res.cookies.find((c) => c.name === name)?.value;
}

function sessionFrom(res: LightMyRequestResponse): Session {
  const token = cookieValue(res, SESSION_COOKIE)!;
  const csrf = cookieValue(res, CSRF_COOKIE)!;
  const cookie = `${SESSION_COOKIE}=${token}; ${CSRF_COOKIE}=${csrf}`;
  return { user: res.json().user, cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}

/** Asserts the RFC 9457 shape and returns the body. */
export function problem(res: LightMyRequestResponse): {
  type: string;
  title: string;
  status: number;
  detail?: string;
  errors?: { field: string; code: string; message: string }[];
} {
  if (!res.headers['content-type']?.toString().startsWith('application/problem+json')) {
    throw new Error(`expected application/problem+json, got ${res.headers['content-type']}: ${res.body}`);
  }
  const body = res.json();
  if (body.status !== res.statusCode || typeof body.type !== 'string' || typeof body.title !== 'string') {
    throw new Error(`not a problem body: ${res.body}`);
  }
  return body;
}
