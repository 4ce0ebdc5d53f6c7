import { type Static, Type } from 'typebox';
import { MAX_TEMPERATURE_DAYS } from '../../../domain/leads/temperature.js';

const Days = (description: string) =>
  Type.Integer({ minimum: 0, maximum: MAX_TEMPERATURE_DAYS, description });

export const TemperatureSettingsSchema = Type.Object({
  hotWithinDays: Days('A purchase date up to this many days ahead (or past) makes a lead hot'),
  warmWithinDays: Days('Up to this many days ahead warm (not less than hotWithinDays); later dates are cold'),
});
export type TemperatureSettingsDto = Static<typeof TemperatureSettingsSchema>;

export const TemperatureSettingsBody = Type.Object(
  {
    hotWithinDays: TemperatureSettingsSchema.properties.hotWithinDays,
    warmWithinDays: TemperatureSettingsSchema.properties.warmWithinDays,
  },
  { additionalProperties: false },
);
