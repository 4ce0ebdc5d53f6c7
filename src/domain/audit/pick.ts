/** The named fields of a record, for before/after audit values: `pick(user, ['name'])` → `{ name }`. */
export function pick<T extends object>(value: T, keys: readonly string[]): Partial<T> {
  return Object.fromEntries(
    keys.filter((k) => k in value).map((k) => [k, value[k as keyof T]]),
  ) as Partial<T>;
}
