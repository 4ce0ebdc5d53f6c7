import type {
  CreateIntegrationInput,
  IntegrationDto,
  IntegrationWithSecretDto,
  UpdateIntegrationInput,
  WebhookEventDto,
  WebhookEventStatus,
} from '../../../server/modules/integrations/integrations.schemas';
import { type ItemList, id, type Page, request, withQuery } from './client';

/**
 * Inbound webhooks (integrations): marketers and admins read and change them; nobody else may.
 * The signing secret comes back only from create and rotate-secret, once.
 */

export type {
  CreateIntegrationInput,
  IntegrationDto,
  IntegrationWithSecretDto,
  UpdateIntegrationInput,
  WebhookEventDto,
  WebhookEventStatus,
};
export type IntegrationKind = IntegrationDto['kind'];

export interface WebhookEventQuery {
  status?: WebhookEventStatus | undefined;
  limit?: number | undefined;
  /** `nextCursor` of the previous page. */
  before?: string | undefined;
}

export const integrationsApi = {
  list: () => request<ItemList<IntegrationDto>>('GET', '/integrations'),
  get: (integrationId: string) => request<IntegrationDto>('GET', `/integrations/${id(integrationId)}`),
  create: (input: CreateIntegrationInput) =>
    request<IntegrationWithSecretDto>('POST', '/integrations', input),
  update: (integrationId: string, input: UpdateIntegrationInput) =>
    request<IntegrationDto>('PATCH', `/integrations/${id(integrationId)}`, input),
  /** A new secret, shown this once; the previous one keeps working for a day. */
  rotateSecret: (integrationId: string) =>
    request<IntegrationWithSecretDto>('POST', `/integrations/${id(integrationId)}/rotate-secret`),
  /** Received events, newest first, without their bodies. */
  events: (integrationId: string, query: WebhookEventQuery) =>
    request<Page<WebhookEventDto>>(
      'GET',
      withQuery(`/integrations/${id(integrationId)}/events`, { ...query }),
    ),
};
