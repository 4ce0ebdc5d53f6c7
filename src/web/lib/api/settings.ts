import type { TemperatureSettingsDto } from '../../../server/modules/settings/settings.schemas';
import { request } from './client';

/** Organisation-wide settings: anyone signed in reads them, administrators change them. */

export type { TemperatureSettingsDto };

export const settingsApi = {
  temperature: () => request<TemperatureSettingsDto>('GET', '/settings/temperature'),
  updateTemperature: (input: TemperatureSettingsDto) =>
    request<TemperatureSettingsDto>('PUT', '/settings/temperature', input),
};
