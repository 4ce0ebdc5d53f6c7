/** Roles a person can hold. Data, not scattered switches: the access policy reads it. */
export const ROLES = ['admin', 'manager', 'rep', 'marketer'] as const;
export type Role = (typeof ROLES)[number];

export const LOCALES = ['lt', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

/** Extra rights an admin may grant on top of a role, e.g. a marketer seeing deal amounts. */
export const GRANTS = ['deal_amounts'] as const;
export type Grant = (typeof GRANTS)[number];

export const DEFAULT_TIME_ZONE = 'Europe/Vilnius';

export interface User {
  id: string;
  email: string;
  name: string;
  role: Role;
  teamId: string | null;
  /** null until chosen: the first sign-in adopts the browser's language. */
  locale: Locale | null;
  timeZone: string;
  active: boolean;
  outOfOfficeFrom: string | null;
  outOfOfficeUntil: string | null;
  /** The most open leads routing gives them (null: no limit). */
  capacity: number | null;
  grants: Grant[];
  lastLoginAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface Team {
  id: string;
  name: string;
  managerId: string | null;
  createdAt: string;
  updatedAt: string;
}

/** Normalises an e-mail for identity: trims and lower-cases (`' Ana@X.LT '` → `'ana@x.lt'`). */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** True when the zone is an IANA time zone this runtime knows (`'Europe/Vilnius'` → true). */
export function isValidTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: zone });
    return true;
  } catch {
    // why: Intl throws RangeError for unknown zones; that is exactly the answer we want.
    return false;
  }
}

/** Picks the UI language from a browser's Accept-Language header (`'lt-LT,en;q=0.8'` → `'lt'`). */
export function localeFromAcceptLanguage(header: string | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback;
  const ranked = header
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { lang: tag.toLowerCase().split('-')[0] ?? '', q: q ? Number(q.trim().slice(2)) : 1 };
    })
    .filter((entry) => entry.lang && Number.isFinite(entry.q))
    .sort((a, b) => b.q - a.q);
  const hit = ranked.find((entry) => (LOCALES as readonly string[]).includes(entry.lang));
  return (hit?.lang as Locale | undefined) ?? fallback;
}
