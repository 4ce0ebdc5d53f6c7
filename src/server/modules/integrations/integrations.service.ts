import { can } from '../../../domain/access/policy.js';
import { AppError, Validation } from '../../../domain/errors/app-error.js';
import { validateMapping, type WebhookMapping } from '../../../domain/integrations/mapping.js';
import { PRESETS, WEBHOOK_PRESET_KINDS } from '../../../domain/integrations/presets.js';
import type { ActorContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { recordAudit, recordUpdate } from '../audit/audit.repository.js';
import { checkReferences } from '../leads/lead-rules.js';
import { findUserById } from '../users/users.repository.js';
import {
  type EventSummary,
  eventSummaries,
  findIntegration,
  type Integration,
  insertIntegration,
  listEvents as listEventRows,
  listIntegrations as listIntegrationRows,
  saveIntegration,
  type WebhookEvent,
} from './integrations.repository.js';
import type {
  CreateIntegrationInput,
  IntegrationDto,
  IntegrationWithSecretDto,
  UpdateIntegrationInput,
  WebhookEventDto,
} from './integrations.schemas.js';
import { newWebhookSecret, sealSecret } from './secret-box.js';

/** How long the secret before a rotation keeps working, so a sender can switch without losing events. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;
/** The header as senders write it (Node hands it over in lower case, see WEBHOOK_SIGNATURE_HEADER). */
const SIGNATURE_HEADER = 'X-Piltuvas-Signature';

function assertMarketing(caller: ActorContext): void {
  // why 'update' even for reads: an integration's mapping and endpoint are how leads get in, so
  // unlike campaigns (which everyone reads) only the people who may change them see them.
  if (!can(caller.actor, 'update', 'campaign'))
    throw new AppError('forbidden', 'Only marketers and administrators manage integrations');
}

/** Until when the previous secret is accepted, or null when there is none (any more). */
export function previousSecretValidUntil(i: Integration, nowMs: number): string | null {
  if (!i.secretPrevEnc || !i.rotatedAt) return null;
  const until = Date.parse(i.rotatedAt) + PREVIOUS_SECRET_GRACE_MS;
  return until > nowMs ? new Date(until).toISOString() : null;
}

function toDto(
  i: Integration,
  summary: EventSummary | undefined,
  appOrigin: string,
  nowMs: number,
): IntegrationDto {
  return {
    id: i.id,
    name: i.name,
    kind: i.kind,
    active: i.active,
    mapping: i.mapping as unknown as Record<string, unknown>,
    sourceId: i.sourceId,
    campaignId: i.campaignId,
    ownerId: i.ownerId,
    endpoint: `${appOrigin}/api/public/webhooks/${i.id}`,
    signatureHeader: SIGNATURE_HEADER,
    secretRotatedAt: i.rotatedAt,
    previousSecretValidUntil: previousSecretValidUntil(i, nowMs),
    counts: summary?.counts ?? { pending: 0, processed: 0, failed: 0, test: 0 },
    lastEvent: (summary?.last ?? null) as IntegrationDto['lastEvent'],
    createdAt: i.createdAt,
    updatedAt: i.updatedAt,
  };
}

/** What the audit log keeps of an integration: everything but the secrets. */
function auditView(i: Integration) {
  return {
    name: i.name,
    kind: i.kind,
    active: i.active,
    mapping: i.mapping,
    sourceId: i.sourceId,
    campaignId: i.campaignId,
    ownerId: i.ownerId,
  };
}

/** The clean mapping, or null after naming each problem as `mapping.<path>`. */
function checkedMapping(raw: unknown, v: Validation): WebhookMapping | null {
  const check = validateMapping(raw);
  if (check.ok) return check.mapping;
  for (const e of check.errors) v.add(e.field === 'mapping' ? 'mapping' : `mapping.${e.field}`, e.code);
  return null;
}

async function checkSettings(db: Db, i: Integration, v: Validation): Promise<void> {
  await checkReferences(db, i, v);
  if (i.ownerId) {
    const owner = await findUserById(db, i.ownerId);
    if (!owner) v.add('ownerId', 'not_found');
    else if (!owner.active) v.add('ownerId', 'user_disabled');
  }
  v.throwIfAny();
}

export async function createIntegration(
  deps: Deps,
  caller: ActorContext,
  input: CreateIntegrationInput,
  appOrigin: string,
): Promise<IntegrationWithSecretDto> {
  assertMarketing(caller);
  const v = new Validation();
  const mapping = checkedMapping(input.mapping ?? PRESETS[input.kind].mapping, v);
  const now = deps.now();
  const secret = newWebhookSecret();
  const integration: Integration = {
    id: newId(),
    name: input.name.trim(),
    kind: input.kind,
    active: input.active ?? true,
    secretEnc: sealSecret(deps.config.sessionSecret, secret),
    secretPrevEnc: null,
    rotatedAt: null,
    mapping: mapping ?? PRESETS[input.kind].mapping,
    sourceId: input.sourceId ?? null,
    campaignId: input.campaignId ?? null,
    ownerId: input.ownerId ?? null,
    createdBy: caller.user.id,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  return deps.db.transaction().execute(async (trx) => {
    await checkSettings(trx, integration, v);
    await insertIntegration(trx, integration);
    await recordAudit(trx, caller, {
      entityType: 'integration',
      entityId: integration.id,
      action: 'create',
      after: auditView(integration),
      at: integration.createdAt,
    });
    return { ...toDto(integration, undefined, appOrigin, now.getTime()), secret };
  });
}

export async function updateIntegration(
  deps: Deps,
  caller: ActorContext,
  id: string,
  input: UpdateIntegrationInput,
  appOrigin: string,
): Promise<IntegrationDto> {
  assertMarketing(caller);
  const v = new Validation();
  const mapping = input.mapping === undefined ? undefined : checkedMapping(input.mapping, v);
  const now = deps.now();
  return deps.db.transaction().execute(async (trx) => {
    const before = await findIntegration(trx, id);
    if (!before) throw new AppError('not_found', 'No such integration');
    const after: Integration = {
      ...before,
      ...(input.name !== undefined ? { name: input.name.trim() } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(mapping ? { mapping } : {}),
      ...(input.sourceId !== undefined ? { sourceId: input.sourceId } : {}),
      ...(input.campaignId !== undefined ? { campaignId: input.campaignId } : {}),
      ...(input.ownerId !== undefined ? { ownerId: input.ownerId } : {}),
      updatedAt: now.toISOString(),
    };
    await checkSettings(trx, after, v);
    await saveIntegration(trx, after);
    await recordUpdate(trx, caller, 'integration', id, {
      before: auditView(before),
      after: auditView(after),
      keys: Object.keys(input),
      at: after.updatedAt,
    });
    const counts = (await eventSummaries(trx, [id])).get(id);
    return toDto(after, counts, appOrigin, now.getTime());
  });
}

/**
 * A new secret, shown once. The one it replaces keeps working for a day (PREVIOUS_SECRET_GRACE_MS)
 * so the sender can be switched over without losing events; a second rotation within that day
 * ends the grace of the first.
 */
export async function rotateSecret(
  deps: Deps,
  caller: ActorContext,
  id: string,
  appOrigin: string,
): Promise<IntegrationWithSecretDto> {
  assertMarketing(caller);
  const now = deps.now();
  const secret = newWebhookSecret();
  return deps.db.transaction().execute(async (trx) => {
    const before = await findIntegration(trx, id);
    if (!before) throw new AppError('not_found', 'No such integration');
    const after: Integration = {
      ...before,
      secretEnc: sealSecret(deps.config.sessionSecret, secret),
      secretPrevEnc: before.secretEnc,
      rotatedAt: now.toISOString(),
      updatedAt: now.toISOString(),
    };
    await saveIntegration(trx, after);
    await recordAudit(trx, caller, {
      entityType: 'integration',
      entityId: id,
      action: 'rotate_secret',
      before: { rotatedAt: before.rotatedAt },
      after: { rotatedAt: after.rotatedAt },
      at: after.updatedAt,
    });
    const counts = (await eventSummaries(trx, [id])).get(id);
    return { ...toDto(after, counts, appOrigin, now.getTime()), secret };
  });
}

export async function listIntegrations(
  deps: Deps,
  caller: ActorContext,
  appOrigin: string,
): Promise<IntegrationDto[]> {
  assertMarketing(caller);
  const rows = await listIntegrationRows(deps.db);
  const counts = await eventSummaries(
    deps.db,
    rows.map((i) => i.id),
  );
  const nowMs = deps.now().getTime();
  return rows.map((i) => toDto(i, counts.get(i.id), appOrigin, nowMs));
}

export async function getIntegration(
  deps: Deps,
  caller: ActorContext,
  id: string,
  appOrigin: string,
): Promise<IntegrationDto> {
  assertMarketing(caller);
  const integration = await findIntegration(deps.db, id);
  if (!integration) throw new AppError('not_found', 'No such integration');
  const counts = (await eventSummaries(deps.db, [id])).get(id);
  return toDto(integration, counts, appOrigin, deps.now().getTime());
}

function eventDto(e: WebhookEvent): WebhookEventDto {
  return {
    id: e.id,
    integrationId: e.integrationId,
    eventId: e.eventId,
    status: e.status,
    leadId: e.leadId,
    attempts: e.attempts,
    error: e.error,
    receivedAt: e.receivedAt,
    processedAt: e.processedAt,
  };
}

/** The events an integration received, newest first: what became of each (lead, test, failed and why). */
export async function listEvents(
  deps: Deps,
  caller: ActorContext,
  integrationId: string,
  q: { status?: string | undefined; limit?: number | undefined; before?: string | undefined },
): Promise<{ items: WebhookEventDto[]; nextCursor: string | null }> {
  assertMarketing(caller);
  if (!(await findIntegration(deps.db, integrationId)))
    throw new AppError('not_found', 'No such integration');
  const limit = q.limit ?? 50;
  const [at, id] = (q.before ?? '').split('|');
  const rows = await listEventRows(deps.db, integrationId, {
    status: q.status,
    limit,
    before: at && id ? { at, id } : undefined,
  });
  const last = rows.at(-1);
  return {
    items: rows.map(eventDto),
    nextCursor: rows.length === limit && last ? `${last.receivedAt}|${last.id}` : null,
  };
}

/** The presets, for the mapping screen: each kind's starting mapping and a payload it reads. */
export function listPresets(caller: ActorContext) {
  assertMarketing(caller);
  return WEBHOOK_PRESET_KINDS.map((kind) => ({
    kind,
    mapping: PRESETS[kind].mapping as unknown as Record<string, unknown>,
    example: PRESETS[kind].example,
  }));
}
