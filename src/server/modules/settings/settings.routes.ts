import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Deps } from '../../context.js';
import { runTemperatureCheck } from '../../jobs/temperatures.js';
import { callerOf } from '../../plugins/auth.js';
import { authErrors } from '../../schemas/common.js';
import { slaSettings, updateSlaSettings } from '../routing/sla.service.js';
import { SlaSettingsSchema, TemperatureSettingsBody, TemperatureSettingsSchema } from './settings.schemas.js';
import { temperatureSettings, updateTemperatureSettings } from './settings.service.js';

const tags = ['settings'];

export const settingsRoutes: FastifyPluginAsyncTypebox<{ deps: Deps }> = async (app, { deps }) => {
  app.get(
    '/settings/temperature',
    {
      schema: {
        tags,
        summary: 'How far ahead a purchase date makes a lead hot, then warm (days)',
        response: { 200: TemperatureSettingsSchema, ...authErrors },
      },
    },
    async () => temperatureSettings(deps.db),
  );

  app.put(
    '/settings/temperature',
    {
      config: { admin: 'settings' as const },
      schema: {
        tags,
        summary:
          'Change the temperature thresholds (admin); lead temperatures follow, changes go to lead history',
        body: TemperatureSettingsBody,
        response: { 200: TemperatureSettingsSchema, ...authErrors },
      },
    },
    async (request) => {
      const settings = await updateTemperatureSettings(deps, callerOf(request), request.body);
      // The lead histories follow now rather than at the job's next run; the answer does not wait.
      runTemperatureCheck(deps).catch((err: unknown) =>
        request.log.error({ err }, 'temperature check after a threshold change failed'),
      );
      return settings;
    },
  );

  app.get(
    '/settings/sla',
    {
      schema: {
        tags,
        summary: 'Working days, hours, public holidays and first-response targets (speed-to-lead)',
        response: { 200: SlaSettingsSchema, ...authErrors },
      },
    },
    async () => slaSettings(deps.db),
  );

  app.put(
    '/settings/sla',
    {
      config: { admin: 'settings' as const },
      schema: {
        tags,
        summary: 'Change working time and first-response targets (admin); clocks started from now on follow',
        body: SlaSettingsSchema,
        response: { 200: SlaSettingsSchema, ...authErrors },
      },
    },
    async (request) => updateSlaSettings(deps, callerOf(request), request.body),
  );
};
