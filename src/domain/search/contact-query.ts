import { type CountryCode, emailKey, isValidEmail, normalisePhone } from '../people/contact-keys.js';

/** A search that is one whole e-mail address or phone number: answered from the contacts, exactly. */
export type ContactQuery = { kind: 'email'; key: string } | { kind: 'phone'; phone: string };

/** How a typed phone number starts: international, or a national trunk prefix (8 or 0), or a bracket. */
const PHONE_START = /^[+(08]/u;

/**
 * Reads a typed search as a contact when it is one: an e-mail address (matched by its duplicate
 * key, plus-addressing ignored) or a phone number written as people write them (`+370 612 34567`,
 * `8 612 34567`, `(8-612) 34567`) — which the word index cannot find, as it keeps phones in E.164
 * only. A bare run of digits is not taken for a phone: it may be a company code.
 * Examples: `contactQuery('Jonas+x@Acme.lt')` → `{ kind: 'email', key: 'jonas@acme.lt' }`;
 * `contactQuery('8 612 34567')` → `{ kind: 'phone', phone: '+37061234567' }`; `contactQuery('jonas')` → undefined.
 */
export function contactQuery(q: string, defaultCountry: CountryCode = 'LT'): ContactQuery | undefined {
  const text = q.trim();
  if (isValidEmail(text)) return { kind: 'email', key: emailKey(text) };
  if (!PHONE_START.test(text)) return undefined;
  const phone = normalisePhone(text, defaultCountry);
  return phone ? { kind: 'phone', phone } : undefined;
}
