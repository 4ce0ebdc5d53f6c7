import { type Static, Type } from 'typebox';
import { GRANTS, LOCALES, ROLES } from '../../../domain/accounts/user.js';
import { DateOnly, Email, Id, NameText, Timestamp } from '../../schemas/common.js';

export const RoleSchema = Type.Enum(ROLES, { description: 'admin | manager | rep | marketer' });
export const LocaleSchema = Type.Enum(LOCALES, { description: 'lt | en' });
export const GrantSchema = Type.Enum(GRANTS, {
  description: 'deal_amounts: a marketer may see deal amounts',
});
const Name = NameText(200);
const TimeZone = Type.String({
  minLength: 1,
  maxLength: 64,
  description: 'IANA time zone, e.g. Europe/Vilnius',
});
const Password = Type.String({ minLength: 1, maxLength: 256 });

export const UserSchema = Type.Object(
  {
    id: Id,
    email: Type.String(),
    name: Type.String(),
    role: RoleSchema,
    teamId: Type.Union([Id, Type.Null()]),
    locale: Type.Union([LocaleSchema, Type.Null()], {
      description: 'null until chosen; the first sign-in adopts the browser language',
    }),
    timeZone: Type.String(),
    active: Type.Boolean(),
    outOfOfficeFrom: Type.Union([DateOnly, Type.Null()]),
    outOfOfficeUntil: Type.Union([DateOnly, Type.Null()]),
    capacity: Type.Union([Type.Integer(), Type.Null()], {
      description: 'the most open leads routing gives them; null: no limit',
    }),
    grants: Type.Array(GrantSchema),
    lastLoginAt: Type.Union([Timestamp, Type.Null()]),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'User' },
);
export type UserDto = Static<typeof UserSchema>;

export const UserList = Type.Object({ items: Type.Array(Type.Ref('User')) });

export const CreateUserBody = Type.Object(
  {
    email: Email,
    name: Name,
    role: RoleSchema,
    password: Type.Optional(Password),
    teamId: Type.Optional(Type.Union([Id, Type.Null()])),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(TimeZone),
    grants: Type.Optional(Type.Array(GrantSchema, { uniqueItems: true, maxItems: GRANTS.length })),
  },
  { additionalProperties: false },
);
export type CreateUserInput = Static<typeof CreateUserBody>;

export const CreatedUser = Type.Object({
  user: Type.Ref('User'),
  generatedPassword: Type.Optional(Type.String({ description: 'Shown once when no password was given' })),
});

export const UpdateUserBody = Type.Object(
  {
    email: Type.Optional(Email),
    name: Type.Optional(Name),
    role: Type.Optional(RoleSchema),
    teamId: Type.Optional(Type.Union([Id, Type.Null()])),
    locale: Type.Optional(LocaleSchema),
    timeZone: Type.Optional(TimeZone),
    active: Type.Optional(Type.Boolean()),
    outOfOfficeFrom: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    outOfOfficeUntil: Type.Optional(Type.Union([DateOnly, Type.Null()])),
    capacity: Type.Optional(
      Type.Union([Type.Integer(), Type.Null()], {
        description: 'the most open leads routing gives them; null: no limit',
      }),
    ),
    grants: Type.Optional(Type.Array(GrantSchema, { uniqueItems: true, maxItems: GRANTS.length })),
    password: Type.Optional(Password),
  },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateUserInput = Static<typeof UpdateUserBody>;

export const UserEnvelope = Type.Object({ user: Type.Ref('User') });

/** What a lookup of assignable people shows: no e-mail, no role details. */
export const AssignableUser = Type.Object({
  id: Id,
  name: Type.String(),
  teamId: Type.Union([Id, Type.Null()]),
});
