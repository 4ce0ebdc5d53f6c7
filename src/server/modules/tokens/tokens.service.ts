import { AppError, invalidField } from '../../../domain/errors/app-error.js';
import { type Caller, callerId, type Deps } from '../../context.js';
import { newId } from '../../db/ids.js';
import { recordAudit } from '../audit/audit.repository.js';
import { randomToken, sha256 } from '../auth/secrets.js';
import { findUserById } from '../users/users.repository.js';
import { findToken, insertToken, listTokens, revokeToken as revokeTokenRow } from './tokens.repository.js';
import type { TokenDto } from './tokens.schemas.js';

export { listTokens };

/** Token secrets look like `pvt_…`; the prefix helps people recognise them in lists and leaks. */
const TOKEN_PREFIX = 'pvt_';

/** Creates a named API token for a user (the caller when not given). The secret is returned once. */
export async function createToken(
  deps: Deps,
  caller: Caller,
  input: { name: string; userId?: string },
): Promise<{ token: TokenDto; secret: string }> {
  const userId = input.userId ?? callerId(caller);
  if (!userId) throw invalidField('userId', 'required');
  const secret = `${TOKEN_PREFIX}${randomToken(32)}`;
  const id = newId();
  const now = deps.now().toISOString();
  const token = await deps.db.transaction().execute(async (trx) => {
    const owner = await findUserById(trx, userId);
    if (!owner) throw invalidField('userId', 'not_found');
    if (!owner.active) throw invalidField('userId', 'user_disabled');
    await insertToken(trx, {
      id,
      userId,
      name: input.name.trim(),
      tokenHash: sha256(secret),
      prefix: secret.slice(0, TOKEN_PREFIX.length + 6),
      createdBy: callerId(caller),
      createdAt: now,
    });
    const created = (await findToken(trx, id))!;
    await recordAudit(trx, caller, {
      entityType: 'api_token',
      entityId: id,
      action: 'create',
      after: created,
      at: now,
    });
    return created;
  });
  return { token, secret };
}

/** Revokes a token; it stops working on the next request. Revoking twice is harmless. */
export async function revokeToken(deps: Deps, caller: Caller, id: string): Promise<void> {
  const now = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await findToken(trx, id);
    if (!before) throw new AppError('not_found', 'No such token');
    if (before.revokedAt) return;
    await revokeTokenRow(trx, id, now);
    await recordAudit(trx, caller, {
      entityType: 'api_token',
      entityId: id,
      action: 'revoke',
      before: { revokedAt: null },
      after: { revokedAt: now },
      at: now,
    });
  });
}
