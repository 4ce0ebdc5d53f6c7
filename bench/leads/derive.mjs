// The columns the app derives from what it is given, computed by the app's own compiled domain
// helpers (dist/), so seeded rows carry the same search texts, titles and keys as the app's.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { root } from '../../scripts/build.mjs';

const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
export const { searchKey, searchTerms } = await dist('domain/search/search-key.js');
const { personName, personSearchText } = await dist('domain/people/person.js');
export const { emailKey, domainOf, isValidEmail, normalisePhone } = await dist(
  'domain/people/contact-keys.js',
);
const { defaultLeadTitle, timeframeOf } = await dist('domain/leads/lead.js');
export const { DISQUALIFY_REASONS } = await dist('domain/leads/stages.js');
const { temperatureOf, todayIn } = await dist('domain/leads/temperature.js');
const { DEFAULT_TIME_ZONE } = await dist('domain/accounts/user.js');
/** Today where the bench's server counts days (its default zone), for leads.temperature. */
const today = todayIn(DEFAULT_TIME_ZONE, new Date());

/**
 * leads.search_text as the lead write path builds it (person, organisation, then the title).
 * `checkAgainstApp` compares it, and every other derived column, with a lead the app created.
 */
function leadSearchText(person, organisationName, title) {
  const nobody = { firstName: '', lastName: '', emails: [], phones: [] };
  const base = personSearchText(person ?? nobody, organisationName);
  return `${base} ${personSearchText({ ...nobody, firstName: title })}`.trim();
}

/** The columns the app derives from what it is given; the generator and the check share them. */
export const derive = {
  organisation: (name, website) => ({
    domain: website ? domainOf(website) : null,
    searchText: searchKey(name),
  }),
  person: (person, orgName) => ({
    searchText: personSearchText(person, orgName),
    emailKeys: person.emails.map(emailKey),
  }),
  lead: (person, orgName) => {
    const title = defaultLeadTitle(personName(person), orgName);
    return { title, searchText: leadSearchText(person, orgName, title) };
  },
  createdEvent: () => JSON.stringify({ event: 'created', personReused: false }),
  /** leads.temperature: the one the app writes to the lead's history (default thresholds). */
  temperature: (timeframe) => temperatureOf(timeframeOf(timeframe), today),
  /** lead_terms rows, written by the app with every search text. */
  terms: (searchText) => searchTerms(searchText),
};
