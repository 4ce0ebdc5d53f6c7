import type { Kysely } from 'kysely';
import type { Actor } from '../domain/access/policy.js';
import type { User } from '../domain/accounts/user.js';
import type { Config } from './config.js';
import type { DialectName } from './db/connect.js';
import type { Database } from './db/database.js';

/** How a change reached us: written with every audit row and lead history entry. */
export type Channel = 'ui' | 'api' | 'import' | 'automation' | 'cli' | 'system' | CaptureChannel;

/** The public ways a lead arrives without a signed-in user (issue #4). */
export type CaptureChannel = 'form' | 'chat' | 'webhook' | 'tracking' | 'referral';

/** What every service needs from the outside world; time comes from `now` so tests can move it. */
export interface Deps {
  db: Kysely<Database>;
  dialect: DialectName;
  /** PostgreSQL schema when not public (tests use one per suite). */
  schema?: string | undefined;
  config: Config;
  now: () => Date;
}

/** Who is acting and through which channel: passed to every service call that changes data. */
export interface ActorContext {
  user: User;
  actor: Actor;
  channel: Channel;
}

/** Acting as the system itself (first-run bootstrap, CLI, jobs). */
export interface SystemContext {
  user: null;
  channel: Channel;
}

/**
 * A capture channel acting for nobody: a visitor's form submission, a chat, a webhook event. The
 * origin (which form, widget or integration) goes with every audit row and timeline entry.
 */
export interface CaptureContext {
  user: null;
  channel: CaptureChannel;
  origin: { kind: 'form' | 'chat_widget' | 'integration' | 'content' | 'referral_link'; id: string };
}

export type Caller = ActorContext | SystemContext | CaptureContext;

export function callerId(caller: Caller): string | null {
  return caller.user?.id ?? null;
}
