import { type Static, Type } from 'typebox';

export const ReferralLinkResult = Type.Object({
  token: Type.String(),
  url: Type.String({ description: 'the personal link to share: <app>/r/{token}' }),
});
export type ReferralLinkDto = Static<typeof ReferralLinkResult>;

export const ReferralTokenParams = Type.Object(
  { token: Type.String({ maxLength: 200 }) },
  { additionalProperties: false },
);
