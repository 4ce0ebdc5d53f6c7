import { Type } from 'typebox';

/** Shared building blocks for request/response schemas. Objects refuse unknown fields. */
export const Id = Type.String({ format: 'uuid', description: 'UUIDv7 identifier' });
export const Timestamp = Type.String({ format: 'date-time', description: 'ISO 8601, UTC' });
export const DateOnly = Type.String({ format: 'date', description: 'YYYY-MM-DD' });
export const Email = Type.String({ format: 'email', maxLength: 254 });
/** Text a person reads as a name: not blank (`'  '` is refused). */
export function NameText(maxLength: number) {
  return Type.String({ minLength: 1, maxLength, pattern: '\\S' });
}

export const IdParams = Type.Object({ id: Id }, { additionalProperties: false });

export const FieldError = Type.Object({
  field: Type.String({ description: 'the field, e.g. email or params.id' }),
  code: Type.String({ description: 'stable reason code, e.g. required, in_use, password_too_short' }),
  message: Type.String({ description: 'the reason in English' }),
});
export const Problem = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldError)),
  },
  { $id: 'Problem', description: 'RFC 9457 problem details (application/problem+json)' },
);

export const ProblemRef = Type.Ref('Problem');

/** Standard error responses for an authenticated route. */
export const authErrors = {
  400: ProblemRef,
  401: ProblemRef,
  403: ProblemRef,
} as const;
