import type { Actor } from '../../../domain/access/policy.js';
import type { User } from '../../../domain/accounts/user.js';
import type { Deps } from '../../context.js';
import { findLiveToken, touchToken } from '../tokens/tokens.repository.js';
import { managedTeamIds, toUser } from '../users/users.repository.js';
import { sha256 } from './secrets.js';
import { findLiveSession, touchSession } from './sessions.repository.js';

export const SESSION_IDLE_MS = 14 * 24 * 3600_000;
/** Last-seen times are written at most this often, so reads stay reads. */
const TOUCH_EVERY_MS = 5 * 60_000;

export interface Authenticated {
  user: User;
  actor: Actor;
  via: 'session' | 'token';
  sessionToken?: string;
}

export async function actorFor(deps: Deps, user: User): Promise<Actor> {
  const managed = user.role === 'manager' ? await managedTeamIds(deps.db, user.id) : [];
  return { id: user.id, role: user.role, teamId: user.teamId, managedTeamIds: managed, grants: user.grants };
}

/** Resolves a session cookie token to its active user; expired, unknown or disabled → undefined. */
export async function authenticateSession(deps: Deps, token: string): Promise<Authenticated | undefined> {
  const now = deps.now();
  const id = sha256(token);
  const found = await findLiveSession(deps.db, id, now.toISOString());
  if (!found?.user.active) return undefined;
  if (now.getTime() - Date.parse(found.lastSeenAt) > TOUCH_EVERY_MS) {
    await touchSession(
      deps.db,
      id,
      now.toISOString(),
      new Date(now.getTime() + SESSION_IDLE_MS).toISOString(),
    );
  }
  const user = toUser(found.user);
  return { user, actor: await actorFor(deps, user), via: 'session', sessionToken: token };
}

/** Resolves a Bearer API token to its active user; revoked, unknown or disabled → undefined. */
export async function authenticateToken(deps: Deps, secret: string): Promise<Authenticated | undefined> {
  const found = await findLiveToken(deps.db, sha256(secret));
  if (!found?.user.active) return undefined;
  const now = deps.now();
  if (!found.lastUsedAt || now.getTime() - Date.parse(found.lastUsedAt) > 60_000) {
    await touchToken(deps.db, found.tokenId, now.toISOString());
  }
  const user = toUser(found.user);
  return { user, actor: await actorFor(deps, user), via: 'token' };
}
