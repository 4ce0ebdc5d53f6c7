/** The merge screen's rules, for people and organisations alike: what differs, what is chosen at first, what is sent. */

/** A record the merge screen compares: its id, the name it is shown by, and the compared fields. */
export type MergeRecord<F extends string> = { id: string; name: string } & { [K in F]: string | null };

/** Per field, the id of the record whose value is kept. */
export type MergeChoices<F extends string> = Record<F, string>;

/** What a merge endpoint takes: `mergedIds` merge into `survivorId`, keeping the chosen value of each field. */
export interface MergeRequest<F extends string> {
  survivorId: string;
  mergedIds: string[];
  values?: Partial<Record<F, string>>;
}

const isEmpty = (value: unknown) => value === null || value === undefined || value === '';

/** Values that differ need a choice; equal ones (both empty included) do not. */
export function differs<F extends string>(field: F, a: MergeRecord<F>, b: MergeRecord<F>): boolean {
  const left = a[field];
  const right = b[field];
  return !(isEmpty(left) && isEmpty(right)) && left !== right;
}

/** The survivor's value where it has one, else the other's (the server's default too). */
export function initialChoices<F extends string>(
  fields: readonly F[],
  survivor: MergeRecord<F>,
  other: MergeRecord<F>,
): MergeChoices<F> {
  return Object.fromEntries(
    fields.map((field) => [
      field,
      isEmpty(survivor[field]) && !isEmpty(other[field]) ? other.id : survivor.id,
    ]),
  ) as MergeChoices<F>;
}

/** The merge request: `other` merges into `survivor`, keeping the chosen value of each differing field. */
export function mergeRequest<F extends string>(
  fields: readonly F[],
  survivor: MergeRecord<F>,
  other: MergeRecord<F>,
  choices: MergeChoices<F>,
): MergeRequest<F> {
  const values: Partial<Record<F, string>> = {};
  for (const field of fields) if (differs(field, survivor, other)) values[field] = choices[field];
  return { survivorId: survivor.id, mergedIds: [other.id], values };
}
