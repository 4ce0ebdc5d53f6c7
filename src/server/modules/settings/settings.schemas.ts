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

export const SlaSettingsSchema = Type.Object(
  {
    workdays: Type.Array(Type.Integer({ minimum: 1, maximum: 7 }), {
      minItems: 1,
      maxItems: 7,
      description: 'ISO weekdays: 1 Monday … 7 Sunday',
    }),
    dayStart: Type.Integer({
      minimum: 0,
      maximum: 1439,
      description: 'minutes after midnight, e.g. 540 for 9:00',
    }),
    dayEnd: Type.Integer({ minimum: 1, maximum: 1440 }),
    holidays: Type.Array(Type.String({ format: 'date' }), {
      maxItems: 400,
      description: 'public holidays: not worked',
    }),
    targets: Type.Object(
      {
        hot: Type.Integer({ minimum: 1, description: 'working minutes to the first contact' }),
        warm: Type.Integer({ minimum: 1 }),
        cold: Type.Integer({ minimum: 1 }),
      },
      { additionalProperties: false },
    ),
    reroute: Type.Optional(
      Type.Boolean({
        default: false,
        description:
          'a missed first response also re-routes the lead by the routing rules, past the owner who missed it (the team manager is told either way)',
      }),
    ),
  },
  { additionalProperties: false },
);
export type SlaSettingsDto = Static<typeof SlaSettingsSchema>;
