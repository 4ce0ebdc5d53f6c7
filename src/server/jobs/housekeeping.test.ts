import { expect, it } from 'vitest';
import { describeEachDialect } from '../../../test/dialects.js';
import { useTestApp } from '../../../test/harness.js';
import { sha256 } from '../modules/auth/secrets.js';
import { runHousekeeping } from './housekeeping.js';

describeEachDialect('housekeeping', (dialect) => {
  const t = useTestApp(dialect);

  it('deletes expired sessions and stale throttle rows, and keeps live ones', async () => {
    const user = await t.newUser();
    const live = await t.login(user.email);
    await t.login(user.email);
    const liveId = sha256(live.cookie.split(';')[0]!.split('=')[1]!);
    await t.deps.db
      .updateTable('sessions')
      .set({ expires_at: '2000-01-01T00:00:00.000Z' })
      .where('user_id', '=', user.id)
      .where('id', '!=', liveId)
      .execute();
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'old@example.lt', password: 'wrong password' },
    });
    await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload: { email: 'fresh@example.lt', password: 'wrong password' },
    });
    await t.deps.db
      .updateTable('login_throttle')
      .set({ window_started_at: '2000-01-01T00:00:00.000Z' })
      .where('email', '=', 'old@example.lt')
      .execute();

    const result = await runHousekeeping(t.deps);
    expect(result.sessions).toBe(1);
    const throttles = await t.deps.db.selectFrom('login_throttle').select('email').execute();
    expect(throttles.map((r) => r.email)).toEqual(['fresh@example.lt']);
    const me = await t.app.inject({
      method: 'GET',
      url: '/api/v1/auth/me',
      headers: { cookie: live.cookie },
    });
    expect(me.statusCode).toBe(200);
  });
});
