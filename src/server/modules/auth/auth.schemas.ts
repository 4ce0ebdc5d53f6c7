import { type Static, Type } from 'typebox';
import { LOCALES } from '../../../domain/accounts/user.js';
import { NameText } from '../../schemas/common.js';
import { LocaleSchema } from '../users/users.schemas.js';

export const LoginBody = Type.Object(
  {
    email: Type.String({ minLength: 1, maxLength: 254 }),
    password: Type.String({ minLength: 1, maxLength: 256 }),
    locale: Type.Optional(
      Type.Enum(LOCALES, {
        description: 'The language shown on the sign-in page; kept if the user has none yet',
      }),
    ),
  },
  { additionalProperties: false },
);
export type LoginInput = Static<typeof LoginBody>;

export const SessionEnvelope = Type.Object({
  user: Type.Ref('User'),
  csrfToken: Type.Optional(
    Type.String({ description: 'Send as X-CSRF-Token on cookie-authenticated writes' }),
  ),
});

export const UpdateMeBody = Type.Object(
  {
    name: Type.Optional(NameText(200)),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateMeInput = Static<typeof UpdateMeBody>;

export const ChangePasswordBody = Type.Object(
  {
    currentPassword: Type.String({ minLength: 1, maxLength: 256 }),
    newPassword: Type.String({ minLength: 1, maxLength: 256 }),
  },
  { additionalProperties: false },
);
export type ChangePasswordInput = Static<typeof ChangePasswordBody>;
