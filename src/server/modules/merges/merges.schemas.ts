import { type TOptional, Type } from 'typebox';
import { MAX_MERGED } from '../../../domain/people/merge.js';
import { Id } from '../../schemas/common.js';

/**
 * The request of a merge of people or organisations: a survivor, the records merged into it and,
 * per field, whose value to keep (`whose` names the record kind in the OpenAPI description).
 */
export function mergeBody<const F extends string>(fields: readonly F[], whose: string) {
  const choices = Object.fromEntries(fields.map((f) => [f, Type.Optional(Id)])) as {
    [K in F]: TOptional<typeof Id>;
  };
  return Type.Object(
    {
      survivorId: Id,
      mergedIds: Type.Array(Id, { minItems: 1, maxItems: MAX_MERGED, uniqueItems: true }),
      values: Type.Optional(
        Type.Object(choices, {
          additionalProperties: false,
          description: `Per field, the id of the ${whose} whose value to keep`,
        }),
      ),
    },
    { additionalProperties: false },
  );
}

export const MergeIdParams = Type.Object({ mergeId: Id }, { additionalProperties: false });
