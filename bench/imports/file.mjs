// The CSV to import, written to disk as it is generated (never held whole in memory), the same on
// every run: the leads bench's seeded PRNG and word lists (bench/leads/random.mjs, data.mjs).
//
// Each row is one of: a new person (~45 %), a person already in the database (~45 %: a seeded
// person's e-mail, name and phone, read back from the database), a repeat of an earlier row's
// e-mail (~5 %: as written, upper-cased or with a +tag, which the app's e-mail key ignores) or an
// invalid row (~5 %: a bad e-mail address, or a ragged row missing its last column). About 1 % of
// the valid rows carry a quoted job title holding a comma or a line break.
import { once } from 'node:events';
import { createWriteStream, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  EN_CITIES,
  EN_ORG_1,
  EN_ORG_2,
  enFirst,
  enLast,
  FREE_MAIL,
  JOB_TITLES,
  LT_CITIES,
  LT_LEGAL_FORMS,
  ltMan,
  ltSurname,
  ltWoman,
  ORG_WORDS_1,
  ORG_WORDS_2,
} from '../leads/data.mjs';
import { emailKey, isValidEmail, normalisePhone, searchKey } from '../leads/derive.mjs';
import { chance, int, pick, rand, reseed } from '../leads/random.mjs';
import { HEADER, LEADS, QUOTED_SHARE, ROWS, SHARES } from './config.mjs';

const FRESH = 0;
const EXISTING = 1;
const REPEAT = 2;
const INVALID = 3;
const RING = 5000; // repeats copy one of the last RING valid rows
const CHECKED = 2000; // the first rows are checked against the app's own e-mail and phone rules

const gcd = (a, b) => (b === 0 ? a : gcd(b, a % b));

/** Lead numbers 0…LEADS-1 in a scattered order without repeats: offset + k·step (mod LEADS). */
function leadOrder() {
  const offset = int(LEADS);
  let step = Math.floor(LEADS * 0.6180339887);
  while (gcd(step, LEADS) !== 1) step += 1;
  return (k) => (offset + (k % LEADS) * step) % LEADS;
}

const ascii = new Map();
function mailName(name) {
  let a = ascii.get(name);
  if (a === undefined) {
    a = searchKey(name).replace(/[^a-z0-9]/g, '');
    ascii.set(name, a);
  }
  return a;
}

function name(lt) {
  if (!lt) return [enFirst(), enLast()];
  const forms = ltSurname();
  return chance(0.5) ? [ltMan(), forms[0]] : [ltWoman(), chance(0.6) ? forms[1] : forms[2]];
}

function company(lt) {
  return lt
    ? `${pick(LT_LEGAL_FORMS)} „${pick(ORG_WORDS_1)} ${pick(ORG_WORDS_2)}“`
    : `${pick(EN_ORG_1)} ${pick(EN_ORG_2)} Ltd`;
}

function domainOf(org) {
  return `${searchKey(org)
    .replace(/^(uab|ab|mb|vsi) /, '')
    .replace(/[^a-z0-9]+/g, '')}.${org.endsWith('Ltd') ? 'co.uk' : 'lt'}`;
}

/** A new person's phone, unique in the file and unlike any seeded one, written as people write it. */
function phoneOf(lt, j) {
  if (lt) {
    if (j >= 1_000_000) return '';
    const national = `6${9_000_000 + j}`; // seeded ones are 6 + (lead number, 7 digits) < 69…
    const r = rand();
    if (r < 0.6) return `+370${national}`;
    return r < 0.85
      ? `+370 ${national.slice(0, 3)} ${national.slice(3)}`
      : `8 ${national.slice(0, 3)} ${national.slice(3)}`;
  }
  const national = `749${String(j % 10_000_000).padStart(7, '0')}`; // seeded: 74 00…
  return chance(0.6) ? `+44${national}` : `+44 ${national.slice(0, 4)} ${national.slice(4)}`;
}

const titled = (s) => s.replace(/(^|[.])([a-z])/g, (_, a, b) => a + b.toUpperCase());

function quotedTitle(title) {
  return chance(0.5)
    ? `${title}, ${pick(['valdybos narys', 'Baltijos šalys', 'part-time'])}`
    : `${title}\n${pick(['(laikinai)', 'Vilniaus filialas', 'EMEA'])}`;
}

function csvCell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** What each row is; drawn first, so the seeded people to read back are known before writing. */
function drawKinds() {
  const kinds = new Uint8Array(ROWS);
  const count = [0, 0, 0, 0];
  for (let r = 0; r < ROWS; r++) {
    const x = rand();
    let kind =
      x < SHARES.fresh
        ? FRESH
        : x < SHARES.fresh + SHARES.existing
          ? EXISTING
          : x < SHARES.fresh + SHARES.existing + SHARES.repeat
            ? REPEAT
            : INVALID;
    if (kind === REPEAT && count[FRESH] + count[EXISTING] === 0) kind = FRESH; // nothing to repeat yet
    kinds[r] = kind;
    count[kind] += 1;
  }
  return { kinds, count };
}

/**
 * Writes the file into `dir`. `readSeeded(wanted)` → Map(lead number → { email, firstName,
 * lastName, phone }) of the seeded people whose numbers `wanted` accepts (bench/imports/db.mjs).
 * → { path, bytes, rows, kinds: { fresh, existing, repeat, invalid, badEmail, ragged, quoted },
 * expected: { created, matched, rejected }, samples: { existing, fresh } (e-mail keys) }.
 */
export async function writeImportFile(dir, readSeeded) {
  reseed();
  const { kinds, count } = drawKinds();
  const order = leadOrder();
  const existingRows = count[EXISTING];
  const wanted = new Uint8Array(LEADS);
  for (let k = 0; k < Math.min(existingRows, LEADS); k++) wanted[order(k)] = 1;
  const seeded = await readSeeded((i) => i < LEADS && wanted[i] === 1);
  if (seeded.size < Math.min(existingRows, LEADS)) {
    throw new Error(
      `the database holds ${seeded.size} of the ${Math.min(existingRows, LEADS)} seeded people the file reuses: not a database seeded by bench/leads with BENCH_LEADS=${LEADS}?`,
    );
  }

  const path = join(dir, `import-${ROWS}-rows-into-${LEADS}.csv`);
  const out = createWriteStream(path);
  const stats = { badEmail: 0, ragged: 0, quoted: 0 };
  const samples = { existing: [], fresh: [] };
  const ring = [];
  let fresh = 0;
  let used = 0;
  let lines = [HEADER.map(csvCell).join(',')];
  const flush = async () => {
    if (!out.write(`${lines.join('\r\n')}\r\n`)) await once(out, 'drain');
    lines = [];
  };

  for (let r = 0; r < ROWS; r++) {
    const kind = kinds[r];
    const lt = chance(0.8);
    let [firstName, lastName] = name(lt);
    const org = chance(0.6) ? company(lt) : '';
    let jobTitle = chance(0.4) ? pick(JOB_TITLES) : '';
    const city = chance(0.7) ? (lt ? LT_CITIES() : EN_CITIES()) : '';
    let email;
    let phone = '';
    let valid = true;
    let ragged = false;

    if (kind === FRESH || kind === INVALID) {
      const domain = org && chance(0.5) ? domainOf(org) : FREE_MAIL();
      const local = `${mailName(firstName)}.${mailName(lastName)}`;
      if (kind === FRESH) {
        email = `${local}.i${fresh}@${domain}`; // seeded: first.last{n}@ — never this form
        phone = chance(0.7) ? phoneOf(lt, fresh) : '';
        fresh += 1;
        if (samples.fresh.length < 500) samples.fresh.push(emailKey(email));
      } else if (chance(0.5)) {
        valid = false;
        stats.badEmail += 1;
        const bad = int(4);
        email =
          bad === 0
            ? `${local}.r${r}.${domain}`
            : bad === 1
              ? `${local}.r${r}@@${domain}`
              : bad === 2
                ? `${local}.r${r}@${domain.split('.')[0]}`
                : `${firstName} ${lastName} <${local}.r${r}@${domain}>`;
      } else {
        valid = false;
        ragged = true;
        stats.ragged += 1;
        email = `${local}.r${r}@${domain}`;
      }
    } else if (kind === EXISTING) {
      const p = seeded.get(order(used++));
      firstName = p.firstName;
      lastName = p.lastName;
      email = chance(0.1) ? titled(p.email) : p.email;
      phone = p.phone && chance(0.6) ? p.phone : '';
      if (samples.existing.length < 500) samples.existing.push(emailKey(p.email));
    } else {
      const earlier = ring[int(ring.length)];
      firstName = earlier.firstName;
      lastName = earlier.lastName;
      const x = rand();
      const at = earlier.email.lastIndexOf('@');
      email =
        x < 0.6
          ? earlier.email
          : x < 0.8 || earlier.email.slice(0, at).includes('+')
            ? earlier.email.toUpperCase()
            : `${earlier.email.slice(0, at)}+${pick(['news', 'list', 'crm'])}${earlier.email.slice(at)}`;
    }
    if (valid && chance(QUOTED_SHARE)) {
      jobTitle = quotedTitle(jobTitle || pick(JOB_TITLES));
      stats.quoted += 1;
    }
    if (kind === FRESH || kind === EXISTING) {
      const entry = { firstName, lastName, email };
      if (ring.length < RING) ring.push(entry);
      else ring[r % RING] = entry;
    }
    if (r < CHECKED) {
      const phoneOk = phone === '' || normalisePhone(phone) !== null;
      if (kind !== INVALID && !(isValidEmail(email) && phoneOk))
        throw new Error(`row ${r + 1} should be valid but the app would refuse it: ${email} ${phone}`);
      if (kind === INVALID && !ragged && isValidEmail(email))
        throw new Error(`row ${r + 1} should have a bad e-mail but the app would take it: ${email}`);
    }
    const cells = [firstName, lastName, email, phone, org, jobTitle, city];
    lines.push((ragged ? cells.slice(0, -1) : cells).map(csvCell).join(','));
    if (lines.length >= 2000) await flush();
  }
  await flush();
  out.end();
  await once(out, 'finish');

  return {
    path,
    bytes: statSync(path).size,
    rows: ROWS,
    kinds: {
      fresh: count[FRESH],
      existing: count[EXISTING],
      repeat: count[REPEAT],
      invalid: count[INVALID],
      ...stats,
    },
    // existing rows beyond LEADS wrap round and repeat an earlier existing row: still matched
    expected: {
      created: count[FRESH],
      matched: count[EXISTING] + count[REPEAT],
      rejected: count[INVALID],
    },
    wrapped: Math.max(0, existingRows - LEADS),
    samples,
  };
}
