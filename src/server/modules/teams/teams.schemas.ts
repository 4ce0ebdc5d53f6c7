import { type Static, Type } from 'typebox';
import { Id, NameText, Timestamp } from '../../schemas/common.js';

export const TeamSchema = Type.Object(
  {
    id: Id,
    name: Type.String(),
    managerId: Type.Union([Id, Type.Null()]),
    memberCount: Type.Integer({ minimum: 0 }),
    createdAt: Timestamp,
    updatedAt: Timestamp,
  },
  { $id: 'Team' },
);
export type TeamDto = Static<typeof TeamSchema>;

export const TeamList = Type.Object({ items: Type.Array(Type.Ref('Team')) });

/** A team as a picker shows it: only what any caller whose leads it holds may know. */
export const TeamChoiceList = Type.Object({
  items: Type.Array(Type.Object({ id: Id, name: Type.String() })),
});

const TeamName = NameText(120);

export const CreateTeamBody = Type.Object(
  { name: TeamName, managerId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false },
);
export type CreateTeamInput = Static<typeof CreateTeamBody>;

export const UpdateTeamBody = Type.Object(
  { name: Type.Optional(TeamName), managerId: Type.Optional(Type.Union([Id, Type.Null()])) },
  { additionalProperties: false, minProperties: 1 },
);
export type UpdateTeamInput = Static<typeof UpdateTeamBody>;
