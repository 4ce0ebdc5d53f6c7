import { createHmac, timingSafeEqual } from 'node:crypto';
import { AppError, fieldError } from '../../../domain/errors/app-error.js';
import { applyMapping } from '../../../domain/integrations/mapping.js';
import { parseSignatureHeader } from '../../../domain/integrations/signature.js';
import type { Deps } from '../../context.js';
import { newId } from '../../db/ids.js';
import { MinuteCounter } from '../forms/form-guards.js';
import { findIntegration, type Integration, insertEvent } from './integrations.repository.js';
import { previousSecretValidUntil } from './integrations.service.js';
import { openSecret } from './secret-box.js';
import { kickWebhookInbox } from './webhook-inbox.js';
import { readWebhookLead } from './webhook-lead.js';

/** Signed events one integration may deliver per minute (per instance, see MinuteCounter) before 429. */
export const WEBHOOK_MAX_PER_MINUTE = 600;
/** Longest sender's event id kept: an id, not a document. */
export const MAX_EVENT_ID_LENGTH = 200;

const perIntegration = new MinuteCounter();

/** One delivery as it reached us: the exact bytes (the signature covers them) and the header. */
export interface WebhookDelivery {
  body: Buffer;
  signature: string | undefined;
  /** Reads JSON text; throws an AppError when it is not JSON (fastify's parser: no `__proto__` keys). */
  parseJson: (text: string) => unknown;
}

export type WebhookReceipt = { id: string; status: 'accepted' | 'test' } | { id: string; duplicate: true };

/**
 * Whether the header carries the HMAC-SHA256 of these bytes under the integration's secret, or
 * under the previous one while its grace after a rotation lasts. Compared in constant time.
 */
export function signatureMatches(
  deps: Deps,
  integration: Integration,
  body: Buffer,
  header: string | undefined,
): boolean {
  const given = parseSignatureHeader(header);
  if (!given) return false;
  const digest = Buffer.from(given.hex, 'hex');
  const sealed = [integration.secretEnc];
  if (integration.secretPrevEnc && previousSecretValidUntil(integration, deps.now().getTime())) {
    sealed.push(integration.secretPrevEnc);
  }
  let match = false;
  for (const s of sealed) {
    const expected = createHmac('sha256', openSecret(deps.config.sessionSecret, s)).update(body).digest();
    // why no early return: both candidates cost the same whichever one matches.
    match = timingSafeEqual(expected, digest) || match;
  }
  return match;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The problem for a body that is not JSON text. */
export function notJson(): AppError {
  return new AppError('validation', 'The body is not valid JSON (UTF-8)', {
    errors: [fieldError('body', 'invalid_format')],
  });
}

/**
 * A sender's event, checked in this order: an unknown or inactive integration → 404; a missing,
 * malformed or wrong signature → 401; too many this minute → 429; not JSON → 400; no event id
 * where the mapping looks → 400 `eventId`; mapped values the lead write path would refuse → 400
 * naming each target field. Nothing is stored for any of them. Otherwise the event is stored
 * once per event id (`202`, or `200 { duplicate: true }` for a repeat: the replay defence) and
 * the inbox worker makes the lead right after. A test event is stored as such and never a lead.
 */
export async function receiveWebhook(
  deps: Deps,
  integrationId: string,
  delivery: WebhookDelivery,
): Promise<WebhookReceipt> {
  const integration = await findIntegration(deps.db, integrationId);
  if (!integration?.active) throw new AppError('not_found', 'No such webhook');
  if (!signatureMatches(deps, integration, delivery.body, delivery.signature)) {
    throw new AppError(
      'unauthenticated',
      'Missing or wrong X-Piltuvas-Signature: expected sha256=<hex HMAC-SHA256 of the raw body, keyed with the integration secret>',
    );
  }
  const now = deps.now();
  // why after the signature: only signed events can store anything, and counting unsigned ones
  // would let anyone who knows the URL lock the genuine sender out.
  const hits = perIntegration.hit(integration.id, now.getTime());
  if (hits.count > WEBHOOK_MAX_PER_MINUTE) {
    throw new AppError('rate_limited', 'This webhook is receiving too many events; try again shortly', {
      retryAfterSeconds: hits.retryAfterSeconds,
    });
  }
  let text: string;
  try {
    text = UTF8.decode(delivery.body);
  } catch {
    throw notJson();
  }
  const mapped = applyMapping(integration.mapping, delivery.parseJson(text));
  if (mapped.eventId === null) {
    throw new AppError('validation', 'The event has no id where the mapping looks for one (eventId)', {
      errors: [fieldError('eventId', 'required')],
    });
  }
  if (mapped.eventId.length > MAX_EVENT_ID_LENGTH) {
    throw new AppError('validation', `The event id is longer than ${MAX_EVENT_ID_LENGTH} characters`, {
      errors: [fieldError('eventId', 'too_long')],
    });
  }
  const receivedAt = now.toISOString();
  const { errors } = await readWebhookLead(deps.db, mapped.values, receivedAt);
  if (errors.length) {
    const detail = errors.map((e) => `${e.field} ${e.message}`).join('; ');
    throw new AppError('validation', `The event cannot become a lead: ${detail}`, { errors });
  }
  const stored = await insertEvent(deps.db, {
    id: newId(),
    integrationId: integration.id,
    eventId: mapped.eventId,
    status: mapped.test ? 'test' : 'pending',
    body: text,
    receivedAt,
  });
  if (stored.duplicate) return { id: stored.id, duplicate: true };
  if (!mapped.test) kickWebhookInbox(deps);
  return { id: stored.id, status: mapped.test ? 'test' : 'accepted' };
}
