import { type Static, Type } from 'typebox';
import { Id, NameText, Timestamp } from '../../schemas/common.js';

export const TokenSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    userId: Id,
    userName: Type.String(),
    prefix: Type.String({ description: 'First characters of the token, to recognise it' }),
    createdAt: Timestamp,
    lastUsedAt: Type.Union([Timestamp, Type.Null()]),
    revokedAt: Type.Union([Timestamp, Type.Null()]),
  },
  { $id: 'ApiToken' },
);
export type TokenDto = Static<typeof TokenSchema>;

export const TokenList = Type.Object({ items: Type.Array(Type.Ref('ApiToken')) });

export const CreateTokenBody = Type.Object(
  {
    name: NameText(120),
    userId: Type.Optional(Id),
  },
  { additionalProperties: false },
);
export type CreateTokenInput = Static<typeof CreateTokenBody>;

export const CreatedToken = Type.Object({
  token: Type.Ref('ApiToken'),
  secret: Type.String({ description: 'The bearer token. Shown once; only its hash is stored.' }),
});
