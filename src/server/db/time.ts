/** The one timestamp form stored everywhere: ISO 8601 UTC with milliseconds. */
export function toDbTime(date: Date): string {
  return date.toISOString();
}

export function nowIso(): string {
  return new Date().toISOString();
}
