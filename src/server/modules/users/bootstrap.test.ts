import { afterEach, expect, it } from 'vitest';
import { describeEachDialect, freshDb, type TestDb } from '../../../../test/dialects.js';
import { testConfig } from '../../../../test/harness.js';
import type { Deps } from '../../context.js';
import { verifyPassword } from '../auth/secrets.js';
import { bootstrapAdmin, DEFAULT_ADMIN_EMAIL } from './bootstrap.js';
import { findCredentials, listUsers } from './users.repository.js';

describeEachDialect('first run', (dialect) => {
  let db: TestDb | undefined;
  afterEach(async () => db?.dispose());

  async function depsWith(adminEmail?: string, adminPassword?: string): Promise<Deps> {
    db ??= await freshDb(dialect);
    return {
      db: db.db,
      dialect: db.dialect,
      config: testConfig({ adminEmail, adminPassword }),
      now: () => new Date(),
    };
  }

  it('creates the first admin from PILTUVAS_ADMIN_EMAIL and PILTUVAS_ADMIN_PASSWORD', async () => {
    db = undefined;
    const deps = await depsWith('boss@example.lt', 'the boss password');
    expect(await bootstrapAdmin(deps)).toEqual({ email: 'boss@example.lt' });
    const creds = await findCredentials(deps.db, 'boss@example.lt');
    expect(creds?.user.role).toBe('admin');
    expect(await verifyPassword(creds!.passwordHash, 'the boss password')).toBe(true);
    const audit = await deps.db.selectFrom('audit_log').selectAll().executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ channel: 'system', action: 'create', actor_id: null });
  });

  it('generates a password when none is configured, and never re-creates or changes the admin', async () => {
    db = undefined;
    const deps = await depsWith();
    const first = await bootstrapAdmin(deps);
    expect(first?.email).toBe(DEFAULT_ADMIN_EMAIL);
    expect(first?.generatedPassword).toMatch(/^\S{20}$/);
    const before = await findCredentials(deps.db, DEFAULT_ADMIN_EMAIL);
    const restart = await bootstrapAdmin({
      ...deps,
      config: testConfig({ adminEmail: 'other@example.lt', adminPassword: 'another password' }),
    });
    expect(restart).toBeNull();
    expect(await listUsers(deps.db)).toHaveLength(1);
    const after = await findCredentials(deps.db, DEFAULT_ADMIN_EMAIL);
    expect(after?.passwordHash).toBe(before?.passwordHash);
  });
});
