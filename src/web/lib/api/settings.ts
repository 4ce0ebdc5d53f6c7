import type {
  SlaSettingsDto,
  TemperatureSettingsDto,
} from '../../../server/modules/settings/settings.schemas';
import { request } from './client';

/** Organisation-wide settings: anyone signed in reads them, administrators change them. */

export type { SlaSettingsDto, TemperatureSettingsDto };

export const settingsApi = {
  temperature: () => request<TemperatureSettingsDto>('GET', '/settings/temperature'),
  updateTemperature: (input: TemperatureSettingsDto) =>
    request<TemperatureSettingsDto>('PUT', '/settings/temperature', input),
  sla: () => request<SlaSettingsDto>('GET', '/settings/sla'),
  updateSla: (input: SlaSettingsDto) => request<SlaSettingsDto>('PUT', '/settings/sla', input),
};
