import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

/** Accounts, teams, sessions, API tokens, login throttle and the audit log. */
export const foundation: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    const isSqlite = dialect === 'sqlite';
    await db.schema
      .createTable('teams')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      // why: SQLite accepts a reference to a table created a moment later; PostgreSQL gets it below.
      .addColumn('manager_id', 'text', (c) => (isSqlite ? c.references('users.id') : c))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('teams_name_unique').on('teams').column('name').unique().execute();

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.references('teams.id'))
      // null: not chosen yet, the browser's language is adopted at the first sign-in
      .addColumn('locale', 'text')
      .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Europe/Vilnius'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('out_of_office_from', 'text')
      .addColumn('out_of_office_until', 'text')
      .addColumn('grants', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('last_login_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('users_email_unique').on('users').column('email').unique().execute();
    await db.schema.createIndex('users_team_idx').on('users').column('team_id').execute();
    if (!isSqlite) {
      await db.schema
        .alterTable('teams')
        .addForeignKeyConstraint('teams_manager_fk', ['manager_id'], 'users', ['id'])
        .execute();
    }

    await db.schema
      .createTable('sessions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text', (c) => c.notNull())
      .addColumn('ip', 'text')
      .addColumn('user_agent', 'text')
      .execute();
    await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();
    await db.schema.createIndex('sessions_expires_idx').on('sessions').column('expires_at').execute();

    await db.schema
      .createTable('api_tokens')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('prefix', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_used_at', 'text')
      .addColumn('revoked_at', 'text')
      .execute();
    await db.schema
      .createIndex('api_tokens_hash_unique')
      .on('api_tokens')
      .column('token_hash')
      .unique()
      .execute();
    await db.schema.createIndex('api_tokens_user_idx').on('api_tokens').column('user_id').execute();

    await db.schema
      .createTable('login_throttle')
      .addColumn('email', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('window_started_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();

    await db.schema
      .createTable('audit_log')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.references('users.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('entity_type', 'text', (c) => c.notNull())
      .addColumn('entity_id', 'text', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('before_json', 'text')
      .addColumn('after_json', 'text')
      .execute();
    await db.schema
      .createIndex('audit_log_entity_idx')
      .on('audit_log')
      .columns(['entity_type', 'entity_id', 'occurred_at'])
      .execute();
    await db.schema
      .createIndex('audit_log_time_idx')
      .on('audit_log')
      .columns(['occurred_at', 'id'])
      .execute();
  },
});
