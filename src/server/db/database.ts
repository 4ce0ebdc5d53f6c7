/**
 * Table types. Portable across SQLite and PostgreSQL: ids are application-generated UUIDv7
 * text, timestamps ISO 8601 UTC text, booleans 0/1 integers, JSON as text, money integer cents.
 */
export interface Database {
  teams: TeamsTable;
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  settings: SettingsTable;
}

export interface TeamsTable {
  id: string;
  name: string;
  manager_id: string | null;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  email: string;
  name: string;
  password_hash: string;
  role: string;
  team_id: string | null;
  locale: string | null;
  time_zone: string;
  active: number;
  out_of_office_from: string | null;
  out_of_office_until: string | null;
  grants: string;
  last_login_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionsTable {
  /** sha256 of the cookie token: a leaked table cannot be replayed. */
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  prefix: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  /** The normalised e-mail tried, whether or not such a user exists. */
  email: string;
  failures: number;
  window_started_at: string;
  locked_until: string | null;
}

export interface AuditLogTable {
  id: string;
  occurred_at: string;
  actor_id: string | null;
  channel: string;
  entity_type: string;
  entity_id: string;
  action: string;
  before_json: string | null;
  after_json: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}
