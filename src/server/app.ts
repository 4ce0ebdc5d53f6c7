import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { AppError } from '../domain/errors/app-error.js';
import type { Deps } from './context.js';
import { publicRequestEnded, publicRequestStarted } from './modules/capture/inbox.js';
import { chatEmbedRoutes } from './modules/chat/chat.embed.routes.js';
import { publicChatRoutes } from './modules/chat/chat.public.routes.js';
import { publicTrackingRoutes } from './modules/engagement/engagement.public.routes.js';
import { onFormInboxError, stopFormInbox } from './modules/forms/form-inbox.js';
import { embedRoutes, publicFormsRoutes } from './modules/forms/forms.public.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import { onImportsError, stopImports } from './modules/imports/import.job.js';
import { apiRoutes } from './modules/index.js';
import { onWebhookInboxError, stopWebhookInbox } from './modules/integrations/webhook-inbox.js';
import { publicWebhooksRoutes } from './modules/integrations/webhooks.public.routes.js';
import { publicReferralRoutes } from './modules/referrals/referrals.public.routes.js';
import { onRescoreError, stopRescore } from './modules/scoring/scoring.runs.js';
import { authPlugin } from './plugins/auth.js';
import { errorsPlugin } from './plugins/errors.js';
import { openapiPlugin } from './plugins/openapi.js';
import { securityHeadersPlugin } from './plugins/security-headers.js';
import { staticPlugin } from './plugins/static.js';
import { validatorCompiler } from './plugins/validation.js';
import { closeBroadcaster, openBroadcaster } from './pubsub/index.js';

export interface AppOptions {
  deps: Deps;
  /** The process logger (pino); none in tests. */
  logger?: FastifyBaseLogger;
  /** Where the built SPA lives (dist/web by default). */
  webRoot?: string;
  /** Called for every route as it is registered (the OpenAPI test checks none is undocumented). */
  onRoute?: (route: { method: string | string[]; url: string; hidden: boolean }) => void;
}

// Same path from src/server (tests) and dist/server (built): <root>/dist/web.
const DEFAULT_WEB_ROOT = fileURLToPath(new URL('../../dist/web', import.meta.url));

export const BODY_LIMIT_BYTES = 1024 * 1024;

/** Builds the HTTP app around its dependencies. No listening, no migrations: main.ts does that. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { deps } = options;
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT_BYTES,
    trustProxy: deps.config.trustProxy,
  }).withTypeProvider<TypeBoxTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);

  if (options.onRoute) {
    const report = options.onRoute;
    app.addHook('onRoute', (r) => report({ method: r.method, url: r.url, hidden: Boolean(r.schema?.hide) }));
  }
  await app.register(errorsPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(cookie);
  await app.register(rateLimit, {
    global: false,
    errorResponseBuilder: (_request, context) =>
      new AppError('rate_limited', `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s`, {
        retryAfterSeconds: Math.ceil(context.ttl / 1000),
      }),
  });
  await app.register(openapiPlugin);
  openBroadcaster(deps, (error) => app.log.error({ err: error }, 'broadcast failed'));
  // Open event streams end in preClose (plugins/sse.ts), before this.
  app.addHook('onClose', async () => closeBroadcaster(deps));
  await app.register(authPlugin, { deps });
  await app.register(healthRoutes, { deps });
  await app.register(
    async (api) => {
      for (const routes of apiRoutes) await api.register(routes, { deps });
    },
    { prefix: '/api/v1' },
  );
  // Background work (leads from the inboxes, imports) steps aside while visitors are answered.
  // Event streams stay open for minutes: counted, they would hold the drains back for good.
  const isPublic = (url: string) => {
    const path = url.split('?', 1)[0] ?? '';
    return path.startsWith('/api/public/') && !path.endsWith('/events');
  };
  app.addHook('onRequest', async (request, reply) => {
    if (!isPublic(request.url)) return;
    publicRequestStarted();
    // 'close' comes exactly once per response: sent, or its connection gone.
    reply.raw.once('close', publicRequestEnded);
  });
  // Public capture endpoints: no session, their own body parsers, limits and origin checks.
  await app.register(publicFormsRoutes, { deps, prefix: '/api/public' });
  await app.register(publicWebhooksRoutes, { deps, prefix: '/api/public' });
  await app.register(publicChatRoutes, { deps, prefix: '/api/public' });
  await app.register(embedRoutes, { deps });
  await app.register(chatEmbedRoutes, { deps });
  await app.register(publicTrackingRoutes, { deps });
  await app.register(publicReferralRoutes, { deps });
  onFormInboxError(deps, (error) => app.log.error({ err: error }, 'form inbox failed'));
  // Submissions already stored stay pending for the next start; only the running drain is awaited.
  app.addHook('onClose', async () => stopFormInbox(deps));
  onImportsError(deps, (error) => app.log.error({ err: error }, 'import failed'));
  app.addHook('onClose', async () => stopImports(deps));
  onWebhookInboxError(deps, (error) => app.log.error({ err: error }, 'webhook inbox failed'));
  app.addHook('onClose', async () => stopWebhookInbox(deps));
  onRescoreError(deps, (error) => app.log.error({ err: error }, 'rescore failed'));
  app.addHook('onClose', async () => stopRescore(deps));
  await app.register(staticPlugin, { webRoot: options.webRoot ?? DEFAULT_WEB_ROOT });
  return app;
}
