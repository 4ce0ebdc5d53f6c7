// The generator's organisation and person rows, shaped as the app stores them.
import {
  EN_CITIES,
  EN_ORG_1,
  EN_ORG_2,
  enFirst,
  enLast,
  FREE_MAIL,
  INDUSTRIES,
  JOB_TITLES,
  LT_CITIES,
  LT_LEGAL_FORMS,
  ltMan,
  ltSurname,
  ltWoman,
  ORG_WORDS_1,
  ORG_WORDS_2,
  SIZES,
} from './data.mjs';
import { derive, emailKey, isValidEmail, normalisePhone, searchKey } from './derive.mjs';
import { chance, idAt, int, pick } from './random.mjs';

/**
 * The lead's organisation: 60% of leads have one; a third of those bring a new one (≈ N/5 in all),
 * added to `out.organisations` and `g.orgs`, the others reuse one. → `{ id, name, domain }` or null.
 */
export function organisationFor(out, g, createdMs, created) {
  if (!chance(0.6)) return null;
  if (g.orgs.length > 0 && !chance(1 / 3)) return g.orgs[int(g.orgs.length)];
  const lt = chance(0.8);
  const n = g.orgSeq++;
  const name = lt
    ? `${pick(LT_LEGAL_FORMS)} „${pick(ORG_WORDS_1)} ${pick(ORG_WORDS_2)}“`
    : `${pick(EN_ORG_1)} ${pick(EN_ORG_2)} Ltd`;
  const slug = searchKey(name)
    .replace(/^(uab|ab|mb|vsi) /, '')
    .replace(/[^a-z0-9]+/g, '');
  const website = chance(0.85) ? `https://www.${slug}${n.toString(36)}.${lt ? 'lt' : 'co.uk'}` : null;
  const code = lt ? String(300_000_000 + n) : String(10_000_000 + n);
  const id = idAt(createdMs - 1);
  const { domain, searchText } = derive.organisation(name, website);
  out.organisations.push([
    id,
    name,
    code,
    lt && chance(0.7) ? `LT${100_000_000_000 + n}` : null,
    website,
    domain,
    chance(0.8) ? SIZES() : null,
    pick(INDUSTRIES),
    lt ? 'LT' : 'GB',
    lt ? LT_CITIES() : EN_CITIES(),
    '{}',
    searchText,
    null,
    created,
    created,
    null,
  ]);
  const org = { id, name, domain };
  g.orgs.push(org);
  return org;
}

/** A Lithuanian name: surnames take the man's, the married or the unmarried woman's form. */
function ltName() {
  const forms = ltSurname();
  if (chance(0.5)) return [ltMan(), forms[0]];
  return [ltWoman(), chance(0.6) ? forms[1] : forms[2]];
}

const ascii = new Map(); // name → its e-mail form ("Žygimantas" → "zygimantas")
function mailName(name) {
  let a = ascii.get(name);
  if (a === undefined) {
    a = searchKey(name).replace(/[^a-z0-9]/g, '');
    ascii.set(name, a);
  }
  return a;
}

/**
 * The lead's person, Lithuanian (80%) or English, with one e-mail and one phone, added to
 * `out.people`, `out.person_emails` and `out.person_phones`. → `{ id, person }`.
 */
export function addPerson(out, i, org, createdMs, created) {
  const lt = chance(0.8);
  const [firstName, lastName] = lt ? ltName() : [enFirst(), enLast()];
  const local = `${mailName(firstName)}.${mailName(lastName)}${i}`;
  const email = `${local}@${org?.domain && chance(0.7) ? org.domain : FREE_MAIL()}`;
  const phone = lt
    ? `+3706${String(i % 10_000_000).padStart(7, '0')}`
    : `+4474${String(i % 100_000_000).padStart(8, '0')}`;
  if (i < 2000 && (normalisePhone(phone) !== phone || !isValidEmail(email) || emailKey(email) !== email)) {
    throw new Error(`generated contact the app would not store as is: ${email} ${phone}`);
  }
  const id = idAt(createdMs);
  const person = { firstName, lastName, emails: [email], phones: [phone] };
  const derived = derive.person(person, org?.name ?? null);
  out.people.push([
    id,
    firstName,
    lastName,
    chance(0.4) ? pick(JOB_TITLES) : null,
    org?.id ?? null,
    lt ? 'lt' : 'en',
    null,
    lt ? 'LT' : 'GB',
    chance(0.7) ? (lt ? LT_CITIES() : EN_CITIES()) : null,
    '{}',
    derived.searchText,
    null,
    created,
    created,
    null,
  ]);
  out.person_emails.push([idAt(createdMs), id, email, derived.emailKeys[0], 0]);
  out.person_phones.push([idAt(createdMs), id, phone, 0]);
  return { id, person };
}
