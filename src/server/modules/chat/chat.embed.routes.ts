import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Deps } from '../../context.js';
import { ProblemRef } from '../../schemas/common.js';
import { lazyBundle } from '../capture/embed-bundle.js';
import { scriptJson } from '../forms/forms.public.routes.js';
import { appOrigin } from '../forms/forms.routes.js';
import { publicWidget } from './chat.widgets.service.js';

const chatBundle = lazyBundle('chat.js');

/**
 * The chat widget's script, served from the app's origin to any site: a line that pushes the widget's configuration
 * (its id, the public chat API's address, its greeting) onto `window.PiltuvasChat`, then the chat bundle
 * (src/embed/chat.ts). An archived or unknown widget answers 404, so a page that still has the line shows no chat.
 */
export const chatEmbedRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  const NameParams = Type.Object(
    {
      name: Type.String({ pattern: '^[0-9a-fA-F-]{36}\\.js$', description: '<chat widget id>.js' }),
    },
    { additionalProperties: false },
  );
  app.get(
    '/embed/chat/:name',
    {
      config: { embeddable: true },
      schema: {
        tags: ['public chat'],
        summary: 'The chat widget script to paste into a site (<widget id>.js)',
        params: NameParams,
        produces: ['application/javascript'],
        response: { 404: ProblemRef },
      },
    },
    async (request, reply) => {
      const widgetId = request.params.name.replace(/\.js$/, '').toLowerCase();
      const widget = await publicWidget(deps, widgetId);
      const origin = appOrigin(request);
      const config = { widgetId: widget.id, api: `${origin}/api/public/chat`, widget };
      const push = `(window.PiltuvasChat=window.PiltuvasChat||[]).push(${scriptJson(config)});\n`;
      return reply
        .header('Cache-Control', 'no-store')
        .header('X-Content-Type-Options', 'nosniff')
        .type('application/javascript; charset=utf-8')
        .send(push + chatBundle());
    },
  );
};
