// Leads at scale (issue #3): seeds BENCH_LEADS leads (default 1,000,000) with one person each (one
// e-mail, one phone), ~N/5 organisations and ~3×N activities, on SQLite and — when reachable —
// PostgreSQL, then times the lead screens through HTTP, one request at a time, as a rep and as the
// admin: p50 / p95 / max per case against the goal p95 < 20 ms (the goal is SQLite's).
//
// The server is the BUILT app (`dist/cli/piltuvas.js start`) as a child process on loopback. It
// creates the database (migrations) and the users, teams, products and campaigns through its own
// API; the bulk rows are then written with raw prepared statements (SQLite) or 1000-row INSERTs
// (PostgreSQL), shaped as the app writes them: UUIDv7 ids, ISO timestamps, search texts from the
// app's compiled domain helpers — checked column by column against a lead made through the API.
// PostgreSQL gets a fresh database (CREATE DATABASE bench_leads_…), dropped at the end.
//
//   BENCH_LEADS=20000 node bench/leads.bench.mjs        small run (seconds)
//   BENCH_LEADS     leads to seed (default 1000000)
//   BENCH_DB        sqlite,postgres (default both; PostgreSQL is skipped when unreachable)
//   BENCH_ROLES     rep,admin (default; `manager` may be added)
//   BENCH_REQUESTS  timed requests per case (default 200), BENCH_WARMUP (default 20)
//   BENCH_CASE_SECONDS  time budget per case (default 20; at least 20 requests are always timed)
//   BENCH_KEEP=1    keep the SQLite file / PostgreSQL database for inspection (prints where)
//   PILTUVAS_TEST_PG_URL  PostgreSQL server to use (default postgres://postgres@127.0.0.1:5432/test;
//                   needs the right to CREATE DATABASE)
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { ensureBuilt, root } from '../scripts/build.mjs';

const N = Number(process.env.BENCH_LEADS ?? 1_000_000);
const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 20);
const CASE_BUDGET_MS = Number(process.env.BENCH_CASE_SECONDS ?? 20) * 1000;
const MIN_SAMPLES = 20;
const DATABASES = (process.env.BENCH_DB ?? 'sqlite,postgres').split(',').map((s) => s.trim());
const ROLES = (process.env.BENCH_ROLES ?? 'rep,admin').split(',').map((s) => s.trim());
const KEEP = process.env.BENCH_KEEP === '1';
const PG_URL = process.env.PILTUVAS_TEST_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const GOAL_MS = 20;
const CHUNK = 10_000; // leads per generated chunk = per SQLite transaction of each table
const PG_ROWS = 1000; // rows per PostgreSQL INSERT statement
const ADMIN = { email: 'bench-admin@example.lt', password: 'bench password 123' };
const PASSWORD = 'bench password 123';
const DAY = 86_400_000;

if (!Number.isInteger(N) || N < 1000) throw new Error('BENCH_LEADS must be an integer ≥ 1000');

ensureBuilt();
const dist = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { searchKey } = await dist('domain/search/search-key.js');
const { personName, personSearchText } = await dist('domain/people/person.js');
const { emailKey, domainOf, isValidEmail, normalisePhone } = await dist('domain/people/contact-keys.js');
const { defaultLeadTitle } = await dist('domain/leads/lead.js');
const { DISQUALIFY_REASONS } = await dist('domain/leads/stages.js');

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
const derive = {
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
};

const log = (...a) => console.log(...a);
const fmt = (n) => Math.round(n).toLocaleString('en-US');
const secs = (ms) => `${(ms / 1000).toFixed(1)} s`;

// ---------------------------------------------------------------------------------------------
// Deterministic data
// ---------------------------------------------------------------------------------------------

/** sfc32: a small, fast, seedable PRNG, so every run seeds the same data. */
function prng(seed) {
  let a = 0x9e3779b9;
  let b = 0x243f6a88;
  let c = 0xb7e15162;
  let d = seed >>> 0;
  const next = () => {
    a >>>= 0;
    b >>>= 0;
    c >>>= 0;
    d >>>= 0;
    const t = (a + b + d) >>> 0;
    d = (d + 1) >>> 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) >>> 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) >>> 0;
    return t;
  };
  for (let i = 0; i < 15; i++) next();
  return next;
}
let next32 = prng(20261126);
/** Every database gets the same rows: the generator starts from the same seed each time. */
const reseed = () => {
  next32 = prng(20261126);
};
const rand = () => next32() / 4294967296;
const int = (n) => Math.floor(rand() * n);
const pick = (list) => list[int(list.length)];
const chance = (p) => rand() < p;
/** A weighted chooser: `weighted([['a', 3], ['b', 1]])()` → 'a' three times as often as 'b'. */
function weighted(pairs) {
  const total = pairs.reduce((s, [, w]) => s + w, 0);
  const cumulative = [];
  let acc = 0;
  for (const [, w] of pairs) {
    acc += w / total;
    cumulative.push(acc);
  }
  return () => {
    const r = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < r) lo = mid + 1;
      else hi = mid;
    }
    return pairs[lo][0];
  };
}
/** Zipf-like: the first entries are common, the last ones rare (as real names are). */
const zipf = (list, s = 0.9) => weighted(list.map((x, i) => [x, 1 / (i + 1) ** s]));

const randomBytes = new Uint8Array(16);
/** A UUIDv7 for an instant, with PRNG randomness: ids sort by creation time like the app's. */
function idAt(ms) {
  for (let i = 0; i < 16; i += 4) {
    const x = next32();
    randomBytes[i] = x & 255;
    randomBytes[i + 1] = (x >>> 8) & 255;
    randomBytes[i + 2] = (x >>> 16) & 255;
    randomBytes[i + 3] = x >>> 24;
  }
  return uuidv7({ msecs: Math.floor(ms), random: randomBytes });
}
const iso = (ms) => new Date(ms).toISOString();
const dateOnly = (ms) => new Date(ms).toISOString().slice(0, 10);

/** Words separated by `|` (so the lists stay compact whatever the formatter does). */
const words = (text) => text.split('|');
/** Word lists as `item:weight|item:weight`. */
const weightedWords = (text) =>
  weighted(
    words(text).map((w) => {
      const at = w.lastIndexOf(':');
      return [w.slice(0, at), Number(w.slice(at + 1))];
    }),
  );

// Lithuanian surnames as male / married woman / unmarried woman, the most common first.
const LT_SURNAMES = `Kazlauskas Kazlauskienė Kazlauskaitė|Jankauskas Jankauskienė Jankauskaitė
Petrauskas Petrauskienė Petrauskaitė|Stankevičius Stankevičienė Stankevičiūtė
Vasiliauskas Vasiliauskienė Vasiliauskaitė|Žukauskas Žukauskienė Žukauskaitė|Butkus Butkienė Butkutė
Paulauskas Paulauskienė Paulauskaitė|Urbonas Urbonienė Urbonaitė|Kavaliauskas Kavaliauskienė Kavaliauskaitė
Baranauskas Baranauskienė Baranauskaitė|Šimkus Šimkienė Šimkutė|Navickas Navickienė Navickaitė
Ramanauskas Ramanauskienė Ramanauskaitė|Savickas Savickienė Savickaitė|Rimkus Rimkienė Rimkutė
Žilinskas Žilinskienė Žilinskaitė|Adomaitis Adomaitienė Adomaitytė|Petraitis Petraitienė Petraitytė
Kairys Kairienė Kairytė|Mockus Mockienė Mockutė|Čepulis Čepulienė Čepulytė|Balčiūnas Balčiūnienė Balčiūnaitė
Sadauskas Sadauskienė Sadauskaitė|Grigas Grigienė Grigaitė|Žemaitis Žemaitienė Žemaitytė
Jonaitis Jonaitienė Jonaitytė|Dambrauskas Dambrauskienė Dambrauskaitė|Mažeika Mažeikienė Mažeikaitė
Šukys Šukienė Šukytė|Gudaitis Gudaitienė Gudaitytė|Tamošiūnas Tamošiūnienė Tamošiūnaitė
Lukoševičius Lukoševičienė Lukoševičiūtė|Vaitkus Vaitkienė Vaitkutė|Česnulevičius Česnulevičienė Česnulevičiūtė`
  .split(/[|\n]/)
  .map((forms) => forms.split(' '));
const LT_MEN = words(
  'Jonas|Tomas|Mantas|Lukas|Mindaugas|Darius|Andrius|Paulius|Žygimantas|Rokas|Dovydas|Kęstutis|Vytautas|Giedrius|Arūnas|Saulius|Algirdas|Justinas|Gintaras|Šarūnas|Ignas|Matas',
);
const LT_WOMEN = words(
  'Rūta|Eglė|Jūratė|Ona|Gražina|Aušra|Agnė|Greta|Ieva|Lina|Indrė|Gintarė|Rasa|Vaida|Živilė|Kristina|Dalia|Austėja|Emilija|Ugnė|Giedrė|Milda|Birutė|Žaneta',
);
const EN_FIRST = words(
  'James|Oliver|Emma|Olivia|John|Harry|Sophie|Amelia|William|Thomas|Chloë|Zoë|Jack|Grace|Renée|Isabella|Jonathan|Noël|Joan|Siân',
);
const EN_LAST = words(
  "Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|Evans|Walker|O'Brien|White|Roberts|Green|Hall|Brontë|Johnston",
);
const ltSurname = zipf(LT_SURNAMES);
const ltMan = zipf(LT_MEN);
const ltWoman = zipf(LT_WOMEN);
const enFirst = zipf(EN_FIRST);
const enLast = zipf(EN_LAST);

const LT_LEGAL_FORMS = words('UAB|UAB|UAB|AB|MB|VšĮ');
const ORG_WORDS_1 = words(
  'Baltijos|Šiaurės|Nemuno|Vilniaus|Kauno|Klaipėdos|Žalgirio|Gintarinė|Aukštaitijos|Žemaitijos|Rytų|Vakarų|Didžioji|Saulėta|Žalioji',
);
const ORG_WORDS_2 = words(
  'ąžuolas|saulė|vėtrūnas|medienos gaminiai|statybų sprendimai|prekyba|technologijos|logistika|energija|duomenų centras|rūta|sistemos|projektai|konsultacijos|baldai',
);
const EN_ORG_1 = words('Northwind|Bluebell|Ashford|Kestrel|Riverside|Harbour|Oakley|Brightwater');
const EN_ORG_2 = words('Trading|Systems|Logistics|Foods|Engineering|Analytics|Partners|Energy');
const LT_CITIES = zipf(
  words('Vilnius|Kaunas|Klaipėda|Šiauliai|Panevėžys|Alytus|Marijampolė|Utena|Telšiai|Tauragė'),
);
const EN_CITIES = zipf(words('London|Manchester|Dublin|Leeds|Bristol|Edinburgh'));
const INDUSTRIES = [
  ...words('IT|Gamyba|Prekyba|Statyba|Logistika|Finansai|Sveikatos priežiūra|Švietimas|Energetika'),
  null,
];
const SIZES = weightedWords('1-9:30|10-49:35|50-249:22|250-999:9|1000+:4');
const JOB_TITLES = words(
  'Direktorius|Pardavimų vadovė|IT vadovas|Finansininkė|Pirkimų specialistas|Rinkodaros vadovė|CEO|Head of Sales|Procurement Manager|Office Manager',
);
const FREE_MAIL = weightedWords('gmail.com:60|inbox.lt:15|yahoo.com:8|outlook.com:12|one.lt:5');
const TAGS = weightedWords('vip:5|renginys:4|grįžtantis:3|partneris:3|eksportas:2|skubu:2');
const COMPETITORS = words('Pipedrive|HubSpot|Salesforce|Zoho CRM|vietinis tiekėjas');
const NOTES = [
  'Domisi CRM diegimu, prašė pasiūlymo iki mėnesio pabaigos.',
  'Skambino dėl kainų, siųsti kainoraštį el. paštu.',
  'Susitikimas parodoje, aptarėme poreikius ir biudžetą.',
  'Sprendimą priims valdyba kitą ketvirtį.',
  'Asked for a demo with the sales team next week.',
  'Budget approved, waiting for procurement.',
  'Nori integracijos su buhalterijos programa.',
  'Follow up after the webinar; interested in the **Pro** plan.',
];
const TASK_SUBJECTS = words(
  'Paskambinti|Išsiųsti pasiūlymą|Suderinti demonstraciją|Send the contract|Priminti apie sąskaitą|Follow up',
);
const CALL_OUTCOMES = weightedWords('connected:50|no_answer:25|voicemail:12|busy:8|wrong_number:5');
const ACTIVITY_TYPE = weightedWords('note:40|call:35|task:25');
/** Activities beyond the 'created' event (and the stage event of a lead that moved): 2 on average. */
const EXTRA_ACTIVITIES = weighted([
  [0, 15],
  [1, 25],
  [2, 30],
  [3, 18],
  [4, 8],
  [6, 4],
]);
const STAGES = weightedWords('suspect:42|mql:20|sql:11|converted:8|disqualified:13|parked:6');
const CHANNELS = weightedWords('ui:80|api:12|import:8');
const SOURCE_WEIGHTS = Object.fromEntries(
  words(
    'web_form:20|website_chat:6|linkedin:9|social_network:6|email_marketing:7|customer_referral:8|webinar:5|trade_show:5|advertising:6|local_advertising:2|purchased_list:4|blog_post:3|networking:3|closed_lost_recovery:2|other:2',
  ).map((w) => [w.split(':')[0], Number(w.split(':')[1])]),
);

// ---------------------------------------------------------------------------------------------
// Tables as the migration made them (column order of our INSERTs)
// ---------------------------------------------------------------------------------------------

const cols = (text) => text.split(' ');
const COLUMNS = {
  organisations: cols(
    'id name company_code vat_code website domain size industry country city custom_fields search_text merged_into_id created_at updated_at deleted_at',
  ),
  people: cols(
    'id first_name last_name job_title organisation_id preferred_language address country city custom_fields search_text merged_into_id created_at updated_at deleted_at',
  ),
  person_emails: cols('id person_id email email_key position'),
  person_phones: cols('id person_id phone position'),
  leads: cols(
    'id person_id organisation_id title source_id source_detail campaign_id referred_by_person_id owner_id team_id timeframe stage stage_changed_at disqualify_reason disqualify_note revisit_on competitor score next_follow_up_at last_activity_at custom_fields search_text created_by created_at updated_at deleted_at',
  ),
  lead_products: cols('lead_id product_id'),
  lead_tags: cols('lead_id tag'),
  lead_history: cols('id lead_id at actor_id channel field from_value to_value'),
  activities: cols(
    'id lead_id person_id type subject body occurred_at due_at done_at assignee_id data channel created_by created_at updated_at deleted_at',
  ),
};
/** Insert order: parents before children. */
const TABLES = Object.keys(COLUMNS);

// ---------------------------------------------------------------------------------------------
// The generator: one chunk of leads with everything that belongs to them
// ---------------------------------------------------------------------------------------------

/**
 * Yields chunks `{ organisations: rows[], people: rows[], … }` (rows as arrays in COLUMNS order),
 * leads in creation order over the last three years. `ctx` holds the users, teams, sources,
 * products and campaigns the app created; `ownerCounts` is filled with live leads per owner.
 */
function* generate(ctx, ownerCounts, anchorMs) {
  reseed();
  const startMs = anchorMs - 3 * 365 * DAY;
  const stepMs = (anchorMs - DAY - startMs) / N;
  const ownerOf = weighted(ctx.reps.map((r) => [r, 0.5 + rand()]));
  const sourceOf = weighted(ctx.sources.map((s) => [s, SOURCE_WEIGHTS[s.key] ?? 0.5]));
  const orgs = []; // { id, name, domain } of the organisations created so far, for reuse
  const recentPeople = [];
  const ascii = new Map(); // name → its e-mail form ("Žygimantas" → "zygimantas")
  const mailName = (name) => {
    let a = ascii.get(name);
    if (a === undefined) {
      a = searchKey(name).replace(/[^a-z0-9]/g, '');
      ascii.set(name, a);
    }
    return a;
  };
  let orgSeq = 0;
  for (let base = 0; base < N; base += CHUNK) {
    const out = Object.fromEntries(TABLES.map((t) => [t, []]));
    const end = Math.min(N, base + CHUNK);
    for (let i = base; i < end; i++) {
      const createdMs = startMs + (i + rand()) * stepMs;
      const created = iso(createdMs);
      const owner = chance(0.02) ? null : ownerOf();
      const channel = CHANNELS();
      const actorId = owner?.id ?? ctx.adminId;

      // organisation: 60% of leads have one; a third of those bring a new one (≈ N/5 in all)
      let org = null;
      if (chance(0.6)) {
        if (orgs.length === 0 || chance(1 / 3)) {
          const lt = chance(0.8);
          const n = orgSeq++;
          const name = lt
            ? `${pick(LT_LEGAL_FORMS)} „${pick(ORG_WORDS_1)} ${pick(ORG_WORDS_2)}“`
            : `${pick(EN_ORG_1)} ${pick(EN_ORG_2)} Ltd`;
          const slug = searchKey(name)
            .replace(/^(uab|ab|mb|vsi) /, '')
            .replace(/[^a-z0-9]+/g, '');
          const website = chance(0.85) ? `https://www.${slug}${n.toString(36)}.${lt ? 'lt' : 'co.uk'}` : null;
          const code = lt ? String(300_000_000 + n) : String(10_000_000 + n);
          const orgId = idAt(createdMs - 1);
          const { domain, searchText } = derive.organisation(name, website);
          out.organisations.push([
            orgId,
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
          org = { id: orgId, name, domain };
          orgs.push(org);
        } else {
          org = orgs[int(orgs.length)];
        }
      }

      // person: Lithuanian (80%) or English names, one e-mail and one phone
      const lt = chance(0.8);
      let firstName;
      let lastName;
      if (lt) {
        const forms = ltSurname();
        if (chance(0.5)) {
          firstName = ltMan();
          lastName = forms[0];
        } else {
          firstName = ltWoman();
          lastName = chance(0.6) ? forms[1] : forms[2];
        }
      } else {
        firstName = enFirst();
        lastName = enLast();
      }
      const local = `${mailName(firstName)}.${mailName(lastName)}${i}`;
      const email = `${local}@${org?.domain && chance(0.7) ? org.domain : FREE_MAIL()}`;
      const phone = lt
        ? `+3706${String(i % 10_000_000).padStart(7, '0')}`
        : `+4474${String(i % 100_000_000).padStart(8, '0')}`;
      if (
        i < 2000 &&
        (normalisePhone(phone) !== phone || !isValidEmail(email) || emailKey(email) !== email)
      ) {
        throw new Error(`generated contact the app would not store as is: ${email} ${phone}`);
      }
      const personId = idAt(createdMs);
      const person = { firstName, lastName, emails: [email], phones: [phone] };
      const personDerived = derive.person(person, org?.name ?? null);
      out.people.push([
        personId,
        firstName,
        lastName,
        chance(0.4) ? pick(JOB_TITLES) : null,
        org?.id ?? null,
        lt ? 'lt' : 'en',
        null,
        lt ? 'LT' : 'GB',
        chance(0.7) ? (lt ? LT_CITIES() : EN_CITIES()) : null,
        '{}',
        personDerived.searchText,
        null,
        created,
        created,
        null,
      ]);
      out.person_emails.push([idAt(createdMs), personId, email, personDerived.emailKeys[0], 0]);
      out.person_phones.push([idAt(createdMs), personId, phone, 0]);

      // the lead
      const leadId = idAt(createdMs);
      const { title, searchText: leadSearch } = derive.lead(person, org?.name ?? null);
      const campaign = ctx.campaigns.length && chance(0.15) ? pick(ctx.campaigns) : null;
      const source = campaign?.sourceId ? ctx.sources.find((s) => s.id === campaign.sourceId) : sourceOf();
      const referredBy =
        source?.key === 'customer_referral' && recentPeople.length ? pick(recentPeople) : null;
      const ageDays = (anchorMs - createdMs) / DAY;
      // young leads are mostly still suspects; old ones have moved on
      const stage = ageDays < 7 && chance(0.7) ? 'suspect' : STAGES();
      const latest = anchorMs - 60_000;
      const stageChangedMs =
        stage === 'suspect' ? createdMs : Math.min(latest, createdMs + (1 + rand() * 60) * DAY);
      const timeframe = chance(0.4)
        ? null
        : chance(1 / 6)
          ? 'now'
          : dateOnly(anchorMs + (int(300) - 30) * DAY);
      const reason = stage === 'disqualified' ? pick(DISQUALIFY_REASONS) : null;
      const revisitOn = stage === 'parked' ? dateOnly(anchorMs + (int(210) - 30) * DAY) : null;
      const competitor =
        (stage === 'parked' || stage === 'disqualified') && chance(0.3) ? pick(COMPETITORS) : null;
      const open = stage === 'suspect' || stage === 'mql' || stage === 'sql';
      const followUp = open && chance(0.3) ? iso(anchorMs + (rand() * 45 - 15) * DAY) : null;
      const deleted = chance(0.005) ? iso(Math.min(latest, stageChangedMs + DAY)) : null;

      // activities: the 'created' event, a stage event when the lead moved, then notes, calls, tasks
      const acts = [];
      const systemEvent = (ms, data, json = JSON.stringify(data)) =>
        acts.push([
          idAt(ms),
          leadId,
          personId,
          'system',
          data.event,
          null,
          iso(ms),
          null,
          null,
          null,
          json,
          channel,
          actorId,
          iso(ms),
          iso(ms),
          null,
        ]);
      systemEvent(createdMs, { event: 'created' }, derive.createdEvent());
      const history = [];
      if (stage !== 'suspect') {
        const from = stage === 'sql' || stage === 'converted' ? 'mql' : 'suspect';
        const data = { event: 'stage_changed', from, to: stage };
        if (reason) data.reason = reason;
        if (revisitOn) data.revisitOn = revisitOn;
        if (competitor) data.competitor = competitor;
        systemEvent(stageChangedMs, data);
        history.push([
          idAt(stageChangedMs),
          leadId,
          iso(stageChangedMs),
          actorId,
          channel,
          'stage',
          from,
          stage,
        ]);
      }
      let lastActivityMs = createdMs;
      const extra = EXTRA_ACTIVITIES() - (stage === 'suspect' ? 0 : 1);
      const spanMs = Math.max(60_000, Math.min(latest, createdMs + 120 * DAY) - createdMs);
      for (let k = 0; k < Math.max(0, extra); k++) {
        const ms = createdMs + rand() * spanMs;
        const at = iso(ms);
        const type = ACTIVITY_TYPE();
        if (type === 'task') {
          const dueMs = ms + (1 + int(14)) * DAY;
          const doneMs = dueMs < latest && chance(0.8) ? Math.min(latest, dueMs - rand() * DAY) : null;
          if (doneMs) lastActivityMs = Math.max(lastActivityMs, doneMs);
          acts.push([
            idAt(ms),
            leadId,
            personId,
            'task',
            pick(TASK_SUBJECTS),
            null,
            at,
            iso(dueMs),
            doneMs ? iso(doneMs) : null,
            owner?.id ?? actorId,
            '{}',
            channel,
            actorId,
            at,
            doneMs ? iso(doneMs) : at,
            null,
          ]);
        } else if (type === 'call') {
          const outcome = CALL_OUTCOMES();
          const data = {
            direction: chance(0.7) ? 'outbound' : 'inbound',
            outcome,
            ...(outcome === 'connected' ? { durationSeconds: 30 + int(1200) } : {}),
          };
          lastActivityMs = Math.max(lastActivityMs, ms);
          acts.push([
            idAt(ms),
            leadId,
            personId,
            'call',
            null,
            chance(0.5) ? pick(NOTES) : null,
            at,
            null,
            null,
            null,
            JSON.stringify(data),
            channel,
            actorId,
            at,
            at,
            null,
          ]);
        } else {
          lastActivityMs = Math.max(lastActivityMs, ms);
          acts.push([
            idAt(ms),
            leadId,
            personId,
            'note',
            null,
            pick(NOTES),
            at,
            null,
            null,
            null,
            '{}',
            channel,
            actorId,
            at,
            at,
            null,
          ]);
        }
      }
      const updatedMs = Math.max(
        stageChangedMs,
        chance(0.3) ? Math.min(latest, createdMs + rand() * 200 * DAY) : createdMs,
        deleted ? Date.parse(deleted) : 0,
      );
      out.leads.push([
        leadId,
        personId,
        org?.id ?? null,
        title,
        source?.id ?? null,
        null,
        campaign?.id ?? null,
        referredBy,
        owner?.id ?? null,
        owner?.teamId ?? null,
        timeframe,
        stage,
        iso(stageChangedMs),
        reason,
        reason === 'other' ? 'Pasirinko kitą sprendimą' : null,
        revisitOn,
        competitor,
        0,
        followUp,
        iso(lastActivityMs),
        '{}',
        leadSearch,
        actorId,
        created,
        iso(updatedMs),
        deleted,
      ]);
      if (ctx.products.length && chance(0.35)) {
        const first = int(ctx.products.length);
        out.lead_products.push([leadId, ctx.products[first]]);
        if (chance(0.25)) out.lead_products.push([leadId, ctx.products[(first + 1) % ctx.products.length]]);
      }
      if (chance(0.08)) {
        const tags = [...new Set([TAGS(), TAGS()].slice(0, 1 + int(2)))];
        for (const tag of tags) out.lead_tags.push([leadId, tag]);
      }
      out.lead_history.push(...history);
      out.activities.push(...acts);
      if (!deleted && owner) ownerCounts.set(owner.id, (ownerCounts.get(owner.id) ?? 0) + 1);
      recentPeople.push(personId);
      if (recentPeople.length > 5000) recentPeople.splice(0, 1000);
    }
    // ids sort by time: inserting each chunk in id order keeps the primary-key b-trees local
    for (const t of ['activities', 'lead_history'])
      out[t].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    yield out;
  }
}

// ---------------------------------------------------------------------------------------------
// The server as a child process, and HTTP
// ---------------------------------------------------------------------------------------------

async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

async function startServer(dataDir, extraEnv = {}) {
  const port = await freePort();
  const child = spawn(process.execPath, [join(root, 'dist/cli/piltuvas.js'), 'start'], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      PILTUVAS_DATA_DIR: dataDir,
      PILTUVAS_ADMIN_EMAIL: ADMIN.email,
      PILTUVAS_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: 'warn',
      ...extraEnv,
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('server not ready in 120 s');
    const ready = await fetch(`http://127.0.0.1:${port}/readyz`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (ready) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    port,
    child,
    async stop() {
      if (child.exitCode !== null) return;
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
    },
  };
}

async function login(port, email, password) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
  if (res.status !== 200) throw new Error(`sign-in of ${email} failed: ${res.status} ${await res.text()}`);
  const body = await res.json();
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { cookie, csrf: body.csrfToken, user: body.user };
}

async function api(port, session, method, path, body) {
  const res = await fetch(`http://127.0.0.1:${port}/api/v1${path}`, {
    method,
    headers: {
      cookie: session.cookie,
      'x-csrf-token': session.csrf,
      ...(body ? { 'content-type': 'application/json' } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json;
}

/** One connection, one request at a time: latency, not throughput. */
const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
function timedGet(port, path, cookie) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const req = http.request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        agent,
        headers: { cookie, accept: 'application/json' },
      },
      (res) => {
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => {
          const ms = Number(process.hrtime.bigint() - started) / 1e6;
          const text = Buffer.concat(chunks).toString('utf8');
          if (res.statusCode !== 200)
            reject(new Error(`GET ${path}: ${res.statusCode} ${text.slice(0, 300)}`));
          else resolve({ ms, text });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end();
  });
}

// ---------------------------------------------------------------------------------------------
// What the app creates through its own API: users, teams, products, campaigns
// ---------------------------------------------------------------------------------------------

async function createAccounts(port) {
  const admin = await login(port, ADMIN.email, ADMIN.password);
  const call = (method, path, body) => api(port, admin, method, path, body);
  const managers = [];
  const teams = [];
  const teamNames = ['Vilniaus komanda', 'Kauno komanda', 'Klaipėdos komanda', 'Eksporto komanda'];
  for (let t = 0; t < 4; t++) {
    const { user } = await call('POST', '/users', {
      email: `manager${t + 1}@example.lt`,
      name: `Vadovas ${t + 1}`,
      role: 'manager',
      password: PASSWORD,
      locale: 'lt',
    });
    const team = await call('POST', '/teams', { name: teamNames[t], managerId: user.id });
    await call('PATCH', `/users/${user.id}`, { teamId: team.id });
    managers.push({ id: user.id, email: user.email, teamId: team.id });
    teams.push(team.id);
  }
  const reps = [];
  for (let r = 0; r < 40; r++) {
    const teamId = teams[r % 4];
    const { user } = await call('POST', '/users', {
      email: `rep${String(r + 1).padStart(2, '0')}@example.lt`,
      name: `Pardavėjas ${r + 1}`,
      role: 'rep',
      password: PASSWORD,
      teamId,
      locale: r % 5 === 0 ? 'en' : 'lt',
    });
    reps.push({ id: user.id, email: user.email, teamId });
  }
  const products = [];
  const catalogue = [
    ['CRM-START', 'Piltuvas Start', 2900],
    ['CRM-PRO', 'Piltuvas Pro', 7900],
    ['CRM-ENT', 'Piltuvas Enterprise', 19900],
    ['IMPL', 'Diegimas', 150000],
    ['TRAIN', 'Mokymai', 45000],
    ['SUPPORT', 'Palaikymas', 9900],
    ['INTEG', 'Integracija', 250000],
    ['CONSULT', 'Konsultacija', 12000],
  ];
  for (const [code, name, unitPriceCents] of catalogue) {
    products.push((await call('POST', '/products', { code, name, unitPriceCents })).id);
  }
  const sources = (await call('GET', '/sources')).items.map((s) => ({ id: s.id, key: s.key }));
  const byKey = (k) => sources.find((s) => s.key === k)?.id ?? null;
  const campaigns = [];
  const plan = [
    ['Pavasario vebinaras', 'webinar', 'webinar'],
    ['Rudens paroda', 'trade_show', 'trade_show'],
    ['Naujienlaiškis Q1', 'email', 'email_marketing'],
    ['LinkedIn reklama', 'social', 'linkedin'],
    ['Google Ads', 'advertising', 'advertising'],
    ['Partnerių rekomendacijos', 'referral', 'customer_referral'],
    ['Tinklaraščio įrašai', 'content', 'blog_post'],
    ['Verslo pusryčiai', 'event', 'sponsored_event'],
  ];
  for (const [name, type, sourceKey] of plan) {
    const c = await call('POST', '/campaigns', {
      name,
      type,
      sourceId: byKey(sourceKey),
      budgetCents: 500_000,
    });
    campaigns.push({ id: c.id, sourceId: c.sourceId });
  }
  // One lead through the app's own write path, shaped like the seeded ones: the seeder compares
  // every column it derives (search texts, title, e-mail key, domain, the 'created' event) with it.
  const probe = {
    person: {
      firstName: 'Žygimantas',
      lastName: 'Balčiūnas',
      emails: ['zygimantas.balciunas0@baltijosazuolas0.lt'],
      phones: ['+37060000000'],
    },
    organisation: {
      name: 'UAB „Baltijos ąžuolas“',
      companyCode: '399999999',
      website: 'https://www.baltijosazuolas0.lt',
    },
    timeframe: 'now',
    ownerId: reps[0].id,
  };
  const lead = await call('POST', '/leads', probe);
  return {
    adminId: admin.user.id,
    managers,
    teams,
    reps,
    products,
    sources,
    campaigns,
    probe: { ...probe, leadId: lead.id, ownerTeamId: reps[0].teamId },
  };
}

// ---------------------------------------------------------------------------------------------
// Bulk writers
// ---------------------------------------------------------------------------------------------

const SEEDED_TABLES = TABLES;

/**
 * Compares what the bench derives with the lead the app wrote (ctx.probe), then removes that lead
 * so the seeded data is exactly what the generator made. `query(sql, params)` → rows (`?` params).
 */
async function checkAgainstApp(query, probe) {
  const [lead] = await query('select * from leads where id = ?', [probe.leadId]);
  const [person] = await query('select * from people where id = ?', [lead.person_id]);
  const emails = await query('select * from person_emails where person_id = ?', [lead.person_id]);
  const phones = await query('select * from person_phones where person_id = ?', [lead.person_id]);
  const [org] = await query('select * from organisations where id = ?', [lead.organisation_id]);
  const events = await query('select * from activities where lead_id = ?', [probe.leadId]);
  const p = { ...probe.person };
  const orgName = probe.organisation.name;
  const expected = {
    'leads.title': [lead.title, derive.lead(p, orgName).title],
    'leads.search_text': [lead.search_text, derive.lead(p, orgName).searchText],
    'people.search_text': [person.search_text, derive.person(p, orgName).searchText],
    'person_emails.email': [emails[0]?.email, p.emails[0]],
    'person_emails.email_key': [emails[0]?.email_key, derive.person(p, orgName).emailKeys[0]],
    'person_emails.position': [Number(emails[0]?.position), 0],
    'person_phones.phone': [phones[0]?.phone, p.phones[0]],
    'organisations.domain': [org.domain, derive.organisation(orgName, probe.organisation.website).domain],
    'organisations.search_text': [org.search_text, derive.organisation(orgName).searchText],
    'organisations.company_code': [org.company_code, probe.organisation.companyCode],
    'leads.team_id (the owner’s team)': [lead.team_id, probe.ownerTeamId],
    'leads.custom_fields': [lead.custom_fields, '{}'],
    "the 'created' event": [events.find((e) => e.type === 'system')?.data, derive.createdEvent()],
  };
  const wrong = Object.entries(expected).filter(([, [got, want]]) => got !== want);
  if (wrong.length) {
    const lines = wrong.map(
      ([k, [got, want]]) => `  ${k}: app wrote ${JSON.stringify(got)}, bench writes ${JSON.stringify(want)}`,
    );
    throw new Error(
      `seeded rows would differ from the app's (update bench/leads.bench.mjs):\n${lines.join('\n')}`,
    );
  }
  for (const [table, column, id] of [
    ['activities', 'lead_id', probe.leadId],
    ['lead_history', 'lead_id', probe.leadId],
    ['lead_products', 'lead_id', probe.leadId],
    ['lead_tags', 'lead_id', probe.leadId],
    ['leads', 'id', probe.leadId],
    ['person_emails', 'person_id', person.id],
    ['person_phones', 'person_id', person.id],
    ['people', 'id', person.id],
    ['organisations', 'id', org.id],
  ]) {
    await query(`delete from ${table} where ${column} = ?`, [id]);
  }
  log(
    `  rows derived like the app's: ${Object.keys(expected).length} columns checked against a lead made through POST /api/v1/leads`,
  );
}

/** SQLite: raw prepared statements, one transaction per table per chunk; indexes rebuilt after. */
async function seedSqlite(file, ctx, anchorMs) {
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  db.pragma('foreign_keys = OFF'); // rows are consistent by construction; checked below on small runs
  db.pragma('cache_size = -524288'); // 512 MiB
  db.pragma('temp_store = MEMORY');
  db.pragma('threads = 2');
  const names = SEEDED_TABLES.map((t) => `'${t}'`).join(',');
  const indexes = db
    .prepare(
      `select name, sql from sqlite_master where type = 'index' and sql is not null and tbl_name in (${names})`,
    )
    .all();
  for (const ix of indexes) db.exec(`drop index "${ix.name}"`);
  await checkAgainstApp(async (sql, params) => {
    const st = db.prepare(sql);
    if (st.reader) return st.all(...params);
    st.run(...params);
    return [];
  }, ctx.probe);
  const insert = Object.fromEntries(
    TABLES.map((t) => [
      t,
      db.prepare(
        `insert into ${t} (${COLUMNS[t].join(', ')}) values (${COLUMNS[t].map(() => '?').join(', ')})`,
      ),
    ]),
  );
  const writeMany = Object.fromEntries(
    TABLES.map((t) => [
      t,
      db.transaction((rows) => {
        for (const r of rows) insert[t].run(r);
      }),
    ]),
  );
  const stats = await runSeed(ctx, anchorMs, async (table, rows) => writeMany[table](rows));
  const t0 = performance.now();
  for (const ix of indexes) db.exec(ix.sql);
  const indexMs = performance.now() - t0;
  log(`  recreated ${indexes.length} indexes exactly as the migration made them: ${secs(indexMs)}`);
  const t1 = performance.now();
  db.exec('analyze');
  log(`  ANALYZE: ${secs(performance.now() - t1)}`);
  if (N <= 200_000) {
    const t2 = performance.now();
    const bad = db.pragma('foreign_key_check');
    if (bad.length) throw new Error(`seeded rows break foreign keys: ${JSON.stringify(bad.slice(0, 3))}`);
    log(`  foreign_key_check: ok (${secs(performance.now() - t2)})`);
  }
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
  return { ...stats, indexMs };
}

/** PostgreSQL: 1000-row INSERTs (named prepared statements) in one transaction per chunk. */
async function seedPostgres(client, ctx, anchorMs) {
  await client.query('set synchronous_commit = off');
  await client.query("set maintenance_work_mem = '256MB'");
  let replica = false;
  try {
    // why: skips the per-row foreign-key triggers during the load (needs a superuser; rows are consistent by construction)
    await client.query('set session_replication_role = replica');
    replica = true;
  } catch {
    // not a superuser: foreign keys are checked row by row, which is slower but fine
  }
  const { rows: indexes } = await client.query(
    `select i.indexname, i.indexdef from pg_indexes i
      where i.schemaname = current_schema() and i.tablename = any($1)
        and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
    [SEEDED_TABLES],
  );
  for (const ix of indexes) await client.query(`drop index "${ix.indexname}"`);
  await checkAgainstApp(async (sql, params) => {
    let n = 0;
    return (
      await client.query(
        sql.replace(/\?/g, () => `$${++n}`),
        params,
      )
    ).rows;
  }, ctx.probe);
  const sqlFor = (table, count) => {
    const cols = COLUMNS[table];
    const values = [];
    for (let r = 0; r < count; r++)
      values.push(`(${cols.map((_, c) => `$${r * cols.length + c + 1}`).join(',')})`);
    return `insert into ${table} (${cols.join(', ')}) values ${values.join(',')}`;
  };
  const fullSql = Object.fromEntries(TABLES.map((t) => [t, sqlFor(t, PG_ROWS)]));
  const write = async (table, rows) => {
    for (let i = 0; i < rows.length; i += PG_ROWS) {
      const batch = rows.slice(i, i + PG_ROWS);
      const values = batch.flat();
      if (batch.length === PG_ROWS)
        await client.query({ name: `bench_${table}`, text: fullSql[table], values });
      else await client.query(sqlFor(table, batch.length), values);
    }
  };
  const stats = await runSeed(ctx, anchorMs, write, {
    begin: () => client.query('begin'),
    commit: () => client.query('commit'),
  });
  if (replica) await client.query('set session_replication_role = origin');
  const t0 = performance.now();
  for (const ix of indexes) await client.query(ix.indexdef);
  const indexMs = performance.now() - t0;
  log(`  recreated ${indexes.length} indexes exactly as the migration made them: ${secs(indexMs)}`);
  const t1 = performance.now();
  // why VACUUM too: a freshly loaded table has no visibility map (no index-only scans) and would be
  // vacuumed by autovacuum in the middle of the measurements.
  for (const t of SEEDED_TABLES) await client.query(`vacuum (analyze) ${t}`);
  log(`  VACUUM ANALYZE: ${secs(performance.now() - t1)}`);
  return { ...stats, indexMs };
}

/** Drives the generator into a writer, timing each table; prints progress. */
async function runSeed(ctx, anchorMs, write, tx = {}) {
  const ownerCounts = new Map();
  const rows = Object.fromEntries(TABLES.map((t) => [t, 0]));
  const ms = Object.fromEntries(TABLES.map((t) => [t, 0]));
  let generateMs = 0;
  const started = performance.now();
  let lastReport = started;
  let done = 0;
  const gen = generate(ctx, ownerCounts, anchorMs);
  for (;;) {
    const g0 = performance.now();
    const { value: chunk, done: finished } = gen.next();
    generateMs += performance.now() - g0;
    if (finished) break;
    await tx.begin?.();
    for (const t of TABLES) {
      const t0 = performance.now();
      await write(t, chunk[t]);
      ms[t] += performance.now() - t0;
      rows[t] += chunk[t].length;
    }
    await tx.commit?.();
    done += chunk.leads.length;
    const now = performance.now();
    if (now - lastReport > 10_000 || done === N) {
      lastReport = now;
      log(`  … ${fmt(done)} / ${fmt(N)} leads, ${secs(now - started)}`);
    }
  }
  return { rows, ms, generateMs, totalMs: performance.now() - started, ownerCounts };
}

function printSeedStats(stats) {
  const total = Object.values(stats.rows).reduce((a, b) => a + b, 0);
  log(
    `  seeded ${fmt(total)} rows in ${secs(stats.totalMs)} (generating ${secs(stats.generateMs)}, writing ${secs(stats.totalMs - stats.generateMs)}) + indexes ${secs(stats.indexMs)}`,
  );
  for (const t of TABLES) {
    if (!stats.rows[t]) continue;
    log(
      `    ${t.padEnd(14)} ${fmt(stats.rows[t]).padStart(11)} rows  ${fmt(stats.rows[t] / (stats.ms[t] / 1000)).padStart(9)} rows/s written`,
    );
  }
  log(
    `    overall ${fmt(total / ((stats.totalMs + stats.indexMs) / 1000))} rows/s including generation and index builds`,
  );
}

// ---------------------------------------------------------------------------------------------
// Measuring
// ---------------------------------------------------------------------------------------------

const pct = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))];
function summary(samples, note = '') {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: pct(s, 0.5), p95: pct(s, 0.95), max: s.at(-1), n: s.length, note };
}

/** Warm-up, then sequential timed runs of `once` (returns one sample or several) within the budget. */
async function measure(label, once) {
  const warm = performance.now();
  for (let i = 0; i < WARMUP; i++) {
    await once(i);
    if (performance.now() - warm > CASE_BUDGET_MS / 4 && i >= 2) break;
  }
  const samples = {};
  const started = performance.now();
  for (let i = 0; i < REQUESTS; i++) {
    const got = await once(WARMUP + i);
    for (const [k, v] of Object.entries(got)) {
      samples[k] ??= [];
      samples[k].push(v);
    }
    if (performance.now() - started > CASE_BUDGET_MS && i + 1 >= MIN_SAMPLES) break;
  }
  const first = Object.values(samples)[0];
  process.stdout.write(`    ${label}: ${first.length} requests, ${secs(performance.now() - started)}\n`);
  return samples;
}

async function measureRole(port, session, role, probe) {
  const { cookie } = session;
  const get = (path) => timedGet(port, path, cookie);
  const json = async (path) => JSON.parse((await get(path)).text);
  const out = {};
  const one = async (label, path, note) => {
    const s = await measure(label, async () => ({ ms: (await get(path)).ms }));
    out[label] = summary(s.ms, note);
  };
  log(`  as ${role} (${session.user.email})`);

  await one('default list page', '/api/v1/leads?limit=50');
  const filtered = '/api/v1/leads?limit=50&stage=mql&temperature=hot,warm&sort=updated_desc';
  const fcount = (await json(filtered)).items.length;
  await one('filtered + sorted page', filtered, `${fcount} rows`);
  // the screens ask the first page with `count=true` (capped at 10 000): that query comes on top
  for (const [label, path] of [
    ['default list page, with count', '/api/v1/leads?limit=50&count=true'],
    ['filtered + sorted, with count', `${filtered}&count=true`],
  ]) {
    const { count } = await json(path);
    await one(label, path, `count ${fmt(count.value)}${count.capped ? '+' : ''}`);
  }

  // deep page: follow nextCursor up to 100 times (fewer when the list ends), then time that
  // cursor; the pages passed on the way give the leads for the detail case
  let page = await json('/api/v1/leads?limit=50');
  let cursor = null;
  let depth = 1;
  const ids = page.items.slice(0, 4).map((item) => item.id);
  while (page.nextCursor && depth <= 100) {
    cursor = page.nextCursor;
    page = await json(`/api/v1/leads?limit=50&cursor=${cursor}`);
    depth++;
    ids.push(...page.items.slice(0, 4).map((item) => item.id));
  }
  if (cursor)
    await one(
      'deep page by cursor',
      `/api/v1/leads?limit=50&cursor=${cursor}`,
      `page ${depth}, from row ${fmt((depth - 1) * 50 + 1)}`,
    );

  for (const [label, q] of [
    ['search: surname without diacritics', probe.surname],
    ['search: first-name prefix', probe.prefix],
    ['search: one person by e-mail', probe.emailOf[role]],
  ]) {
    if (!q) continue;
    const path = `/api/v1/leads?limit=50&q=${encodeURIComponent(q)}`;
    const hits = (await json(path)).items.length;
    await one(label, path, `q=${q}, ${hits} rows`);
  }

  const stages = ['suspect', 'mql', 'sql', 'converted', 'disqualified', 'parked'];
  for (const [label, extra] of [
    ['kanban column (6 stages)', ''],
    ['kanban column, with count', '&count=true'],
  ]) {
    const kanban = await measure(label, async () => {
      const r = {};
      for (const s of stages) r[s] = (await get(`/api/v1/leads?limit=20&stage=${s}${extra}`)).ms;
      return r;
    });
    const all = stages.flatMap((s) => kanban[s]);
    const worst = stages.map((s) => [s, summary(kanban[s]).p95]).sort((a, b) => b[1] - a[1])[0];
    out[label] = summary(all, `slowest ${worst[0]} p95 ${worst[1].toFixed(1)}`);
  }

  const detail = await measure('lead detail + timeline', async (i) => {
    const id = ids[i % ids.length];
    const a = (await get(`/api/v1/leads/${id}`)).ms;
    const b = (await get(`/api/v1/leads/${id}/activities?limit=50`)).ms;
    return { both: a + b, detail: a, timeline: b };
  });
  out['lead detail + timeline'] = summary(detail.both, `${ids.length} leads in turn`);
  out['  of which GET /leads/{id}'] = summary(detail.detail);
  out['  of which /activities'] = summary(detail.timeline);
  return out;
}

/** Every database's figures, for the table to paste into bench/RESULTS.md. */
const recorded = [];

function printMarkdown() {
  if (recorded.length === 0) return;
  const roles = ROLES;
  const machine = `${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.versions.node}`;
  log(`\nFor bench/RESULTS.md (${new Date().toISOString().slice(0, 10)}, ${machine}, ${fmt(N)} leads):\n`);
  log(`| database | case | ${roles.map((r) => `${r} p50 / p95 ms`).join(' | ')} | p95 < ${GOAL_MS} ms |`);
  log(`|---|---|${roles.map(() => '---|').join('')}---|`);
  for (const { name, results } of recorded) {
    for (const c of Object.keys(results[roles[0]])) {
      if (c.startsWith(' ')) continue;
      const cells = roles.map((r) => {
        const x = results[r][c];
        return x ? `${x.p50.toFixed(1)} / ${x.p95.toFixed(1)}` : '—';
      });
      const ok = roles.every((r) => !results[r][c] || results[r][c].p95 < GOAL_MS);
      log(`| ${name} | ${c} | ${cells.join(' | ')} | ${ok ? '✓' : '✗'} |`);
    }
  }
  for (const { name, stats } of recorded) {
    const total = Object.values(stats.rows).reduce((a, b) => a + b, 0);
    log(
      `\n${name} seeding: ${fmt(total)} rows in ${secs(stats.totalMs + stats.indexMs)}, leads ${fmt(stats.rows.leads / (stats.ms.leads / 1000))} rows/s, activities ${fmt(stats.rows.activities / (stats.ms.activities / 1000))} rows/s written`,
    );
  }
}

function printTable(title, results) {
  const roles = Object.keys(results);
  const cases = Object.keys(results[roles[0]]);
  const cell = (r) =>
    r
      ? `${r.p50.toFixed(1)} / ${r.p95.toFixed(1)} / ${r.max.toFixed(1)} ${r.p95 < GOAL_MS ? '✓' : '✗'}`
      : '—';
  log(`\n${title} — p50 / p95 / max in ms, ✓ p95 < ${GOAL_MS} ms`);
  log(`  ${'case'.padEnd(36)}${roles.map((r) => r.padEnd(28)).join('')}notes`);
  for (const c of cases) {
    const notes = roles.map((r) => [r, results[r][c]?.note]).filter(([, n]) => n);
    const same = new Set(notes.map(([, n]) => n)).size <= 1;
    const text = same ? (notes[0]?.[1] ?? '') : notes.map(([r, n]) => `${r}: ${n}`).join('; ');
    log(`  ${c.padEnd(36)}${roles.map((r) => cell(results[r][c]).padEnd(28)).join('')}${text}`);
  }
}

// ---------------------------------------------------------------------------------------------
// One database: create through the app, seed, restart, measure
// ---------------------------------------------------------------------------------------------

/** One person's e-mail among the caller's oldest leads: a search that matches exactly one lead. */
async function pickProbeEmails(port, sessions) {
  const out = {};
  for (const [role, s] of Object.entries(sessions)) {
    const page = JSON.parse(
      (await timedGet(port, '/api/v1/leads?limit=200&sort=created_asc', s.cookie)).text,
    );
    const lead = page.items[Math.min(100, page.items.length - 1)];
    out[role] = lead?.email ?? null;
  }
  return out;
}

function medianRep(ctx, ownerCounts) {
  const byCount = ctx.reps
    .map((r) => ({ ...r, leads: ownerCounts.get(r.id) ?? 0 }))
    .sort((a, b) => a.leads - b.leads);
  return byCount[Math.floor(byCount.length / 2)];
}

async function benchDatabase(name, { env, dataDir, seed, describe }) {
  log(`\n=== ${name}: ${fmt(N)} leads ===`);
  let server = await startServer(dataDir, env);
  let ctx;
  try {
    ctx = await createAccounts(server.port);
  } finally {
    await server.stop();
  }
  log(
    `  created through the API: 1 admin, ${ctx.managers.length} managers with teams, ${ctx.reps.length} reps, ${ctx.products.length} products, ${ctx.campaigns.length} campaigns`,
  );
  const anchorMs = Math.floor(Date.now() / DAY) * DAY; // today 00:00 UTC: same data all day
  const stats = await seed(ctx, anchorMs);
  printSeedStats(stats);
  await describe?.();

  server = await startServer(dataDir, env);
  try {
    const rep = medianRep(ctx, stats.ownerCounts);
    const sessions = {};
    for (const role of ROLES) {
      if (role === 'admin') sessions.admin = await login(server.port, ADMIN.email, ADMIN.password);
      else if (role === 'rep') sessions.rep = await login(server.port, rep.email, PASSWORD);
      else if (role === 'manager')
        sessions.manager = await login(server.port, ctx.managers[0].email, PASSWORD);
    }
    log(
      `  rep ${rep.email} owns ${fmt(rep.leads)} live leads (reps own ${fmt(Math.min(...stats.ownerCounts.values()))}–${fmt(Math.max(...stats.ownerCounts.values()))})`,
    );
    // Šimkus typed as "simkus"; "jon" starts Jonas, Jonaitis, John, Jones, Jonathan…
    const probe = { surname: 'simkus', prefix: 'jon', emailOf: await pickProbeEmails(server.port, sessions) };
    const results = {};
    for (const role of ROLES) results[role] = await measureRole(server.port, sessions[role], role, probe);
    printTable(`${name}, ${fmt(N)} leads`, results);
    recorded.push({ name: name.split(' ')[0], results, stats });
    return results;
  } finally {
    await server.stop();
  }
}

async function pgReachable() {
  const client = new pg.Client({ connectionString: PG_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    return client;
  } catch (error) {
    log(`\nPostgreSQL not reachable at ${PG_URL.replace(/:[^:@/]*@/, ':***@')} (${error.message}): skipped`);
    return null;
  }
}

log(
  `Piltuvas leads benchmark — ${new Date().toISOString().slice(0, 10)}, node ${process.version}, ${fmt(N)} leads; ${REQUESTS} sequential requests per case after ${WARMUP} warm-up, one connection`,
);

const cleanups = [];
let interrupted = false;
process.once('SIGINT', async () => {
  interrupted = true;
  log('\ninterrupted: cleaning up');
  for (const c of cleanups.reverse()) await c().catch(() => {});
  process.exit(130);
});

if (DATABASES.includes('sqlite')) {
  const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-leads-'));
  const file = join(dataDir, 'piltuvas.sqlite');
  const cleanup = async () =>
    KEEP ? log(`  kept ${file}`) : rmSync(dataDir, { recursive: true, force: true });
  cleanups.push(cleanup);
  try {
    await benchDatabase('SQLite', {
      env: {},
      dataDir,
      seed: (ctx, anchorMs) => seedSqlite(file, ctx, anchorMs),
      describe: () => log(`  database file: ${fmt(statSync(file).size / 1048576)} MiB`),
    });
  } finally {
    if (!interrupted) await cleanup();
  }
}

if (DATABASES.includes('postgres')) {
  const admin = await pgReachable();
  if (admin) {
    // A database of its own, not a schema: the app's migrator keeps its bookkeeping in `public`
    // whatever the search_path says, so a schema would neither be isolated nor re-runnable.
    const database = `bench_leads_${Date.now().toString(36)}`;
    const target = new URL(PG_URL);
    target.pathname = `/${database}`;
    const url = target.toString();
    const dataDir = mkdtempSync(join(tmpdir(), 'piltuvas-bench-leads-pg-'));
    await admin.query(`create database ${database}`);
    const cleanup = async () => {
      if (KEEP) log(`  kept database ${database}`);
      else await admin.query(`drop database if exists ${database} with (force)`);
      rmSync(dataDir, { recursive: true, force: true });
    };
    cleanups.push(cleanup);
    try {
      await benchDatabase(`PostgreSQL (database ${database})`, {
        env: { DATABASE_URL: url },
        dataDir,
        seed: async (ctx, anchorMs) => {
          const client = new pg.Client({ connectionString: url });
          await client.connect();
          try {
            return await seedPostgres(client, ctx, anchorMs);
          } finally {
            await client.end();
          }
        },
        describe: async () => {
          const { rows } = await admin.query('select pg_database_size($1) as size', [database]);
          log(`  database size: ${fmt(Number(rows[0].size) / 1048576)} MiB`);
        },
      });
    } finally {
      if (!interrupted) await cleanup();
      await admin.end();
    }
  }
}
printMarkdown();
agent.destroy();
