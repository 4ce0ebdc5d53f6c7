import type { Deps } from '../../context.js';
import { countUsers } from './users.repository.js';
import { createUser } from './users.service.js';

export const DEFAULT_ADMIN_EMAIL = 'admin@piltuvas.local';

export interface BootstrapResult {
  email: string;
  /** Present only when it was generated: print it once. */
  generatedPassword?: string;
}

/**
 * First run: with no users at all, creates the first admin from PILTUVAS_ADMIN_EMAIL/PASSWORD or
 * with a generated password. Any existing user means it does nothing — a restart never re-creates
 * or changes the admin. Two instances racing are settled by the unique e-mail index.
 */
export async function bootstrapAdmin(deps: Deps): Promise<BootstrapResult | null> {
  if ((await countUsers(deps.db)) > 0) return null;
  const email = deps.config.adminEmail ?? DEFAULT_ADMIN_EMAIL;
  try {
    const input = { email, name: 'Administrator', role: 'admin' as const };
    const created = await createUser(
      deps,
      { user: null, channel: 'system' },
      {
        ...input,
        ...(deps.config.adminPassword ? { password: deps.config.adminPassword } : {}),
      },
    );
    return created.generatedPassword ? { email, generatedPassword: created.generatedPassword } : { email };
  } catch (error) {
    // why: another instance created the first admin at the same moment; that one wins.
    if ((await countUsers(deps.db)) > 0) return null;
    throw error;
  }
}
