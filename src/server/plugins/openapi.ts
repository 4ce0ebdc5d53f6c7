import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { sharedSchemas } from '../modules/index.js';
import { Problem } from '../schemas/common.js';

/** Shared schemas, the OpenAPI document at /api/openapi.json and its UI at /api/docs. */
export const openapiPlugin = fp(async (app: FastifyInstance) => {
  for (const schema of [Problem, ...sharedSchemas]) app.addSchema(schema);
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Piltuvas API',
        version: '1',
        description:
          'Lead and sales management. Authenticate with the session cookie (and X-CSRF-Token on changes) or `Authorization: Bearer <API token>`. Errors are application/problem+json.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          session: { type: 'apiKey', in: 'cookie', name: 'piltuvas_session' },
        },
      },
      security: [{ bearer: [] }, { session: [] }],
    },
    refResolver: { buildLocalReference: (json, _base, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true }, config: { access: 'public' } }, async () =>
    app.swagger(),
  );
});
