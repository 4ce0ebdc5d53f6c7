import { AppError } from '../../../domain/errors/app-error.js';
import { applyMapping } from '../../../domain/integrations/mapping.js';
import { linkedinConsents } from '../../../domain/integrations/presets.js';
import type { CaptureContext, Deps } from '../../context.js';
import type { Db } from '../../db/database.js';
import { insertConsent } from '../capture/capture.repository.js';
import { captureLead } from '../capture/capture.service.js';
import { drainInbox, InboxRunner } from '../capture/inbox.js';
import {
  findIntegration,
  type Integration,
  toWebhookEvent,
  type WebhookEvent,
} from './integrations.repository.js';
import { readWebhookLead } from './webhook-lead.js';

/**
 * One stored event becomes a lead (or an activity on a known person's open lead) in the
 * transaction that marks it processed — never twice, never half. The integration as it is now
 * decides mapping, owner, source and campaign; values that no longer fit (the mapping or a custom
 * field changed since) mark the event failed with the reasons, for a person to look at.
 */
async function processOne(
  trx: Db,
  deps: Deps,
  e: WebhookEvent,
  integrations: Map<string, Integration | undefined>,
): Promise<{ leadId: string; personId: string | null }> {
  if (!integrations.has(e.integrationId)) {
    integrations.set(e.integrationId, await findIntegration(trx, e.integrationId));
  }
  const integration = integrations.get(e.integrationId);
  if (!integration) throw new AppError('not_found', 'The integration was removed');
  const caller: CaptureContext = {
    user: null,
    channel: 'webhook',
    origin: { kind: 'integration', id: integration.id },
  };
  // why JSON.parse: the body passed fastify's stricter parser when it was received.
  const payload: unknown = JSON.parse(e.body);
  const mapped = applyMapping(integration.mapping, payload);
  const { lead, errors } = await readWebhookLead(trx, mapped.values, e.receivedAt);
  if (errors.length) throw new AppError('validation', 'The event no longer fits the mapping', { errors });
  const result = await captureLead(trx, deps, caller, {
    lead: {
      ...lead.lead,
      sourceId: integration.sourceId,
      campaignId: integration.campaignId,
      ownerId: integration.ownerId,
      sourceDetail: lead.lead.sourceDetail ?? integration.name,
    },
    touches: lead.touch ? { first: lead.touch, last: lead.touch } : null,
    visitorId: null,
    consent: null,
    event: {
      name: 'webhook_received',
      data: {
        integrationName: integration.name,
        eventId: e.eventId,
        kind: integration.kind,
        ...(lead.message ? { message: lead.message } : {}),
        ...(Object.keys(lead.unused).length ? { unused: lead.unused } : {}),
      },
    },
  });
  if (result.personId) {
    const at = deps.now().toISOString();
    for (const c of linkedinConsents(payload)) {
      await insertConsent(
        trx,
        caller,
        {
          personId: result.personId,
          purpose: `integration:${integration.id}:consent:${c.consentId}`,
          granted: c.accepted,
          // why not the checkbox text: LinkedIn sends only the consent's id; its wording lives in the form.
          wording: `LinkedIn lead form consent ${c.consentId} (${integration.name})`,
          language: null,
          ipHash: null,
        },
        at,
      );
    }
  }
  return { leadId: result.leadId, personId: result.personId };
}

/** Works through the pending events until none is left; returns how many it handled. */
export async function drainWebhookInbox(deps: Deps): Promise<number> {
  const integrations = new Map<string, Integration | undefined>();
  return drainInbox(deps, 'webhook_events', toWebhookEvent, (trx, e) =>
    processOne(trx, deps, e, integrations),
  );
}

const runner = new InboxRunner('webhook-inbox', drainWebhookInbox);

/** Drains the webhook inbox now (see InboxRunner); the public endpoint calls it after storing. */
export const kickWebhookInbox = (deps: Deps): void => runner.kick(deps);
export const stopWebhookInbox = (deps: Deps): Promise<void> => runner.stop(deps);
export const webhookInboxIdle = (deps: Deps): Promise<void> => runner.idle(deps);
export const onWebhookInboxError = (deps: Deps, report: (error: unknown) => void): void =>
  runner.onError(deps, report);
