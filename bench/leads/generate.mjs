// The generator: chunks of leads with everything that belongs to them, the same on every run.
import { CHUNK, DAY, N } from './config.mjs';
import { addPerson, organisationFor } from './contacts.mjs';
import { CHANNELS, COMPETITORS, SOURCE_WEIGHTS, STAGES, TAGS } from './data.mjs';
import { DISQUALIFY_REASONS, derive } from './derive.mjs';
import { chance, dateOnly, idAt, int, iso, pick, rand, reseed, weighted } from './random.mjs';
import { TABLES } from './tables.mjs';
import { addTimeline } from './timeline.mjs';

/**
 * Yields chunks `{ organisations: rows[], people: rows[], … }` (rows as arrays in COLUMNS order),
 * leads in creation order over the last three years. `ctx` holds the users, teams, sources,
 * products and campaigns the app created; `ownerCounts` is filled with live leads per owner.
 */
export function* generate(ctx, ownerCounts, anchorMs) {
  reseed();
  const startMs = anchorMs - 3 * 365 * DAY;
  const g = {
    ctx,
    anchorMs,
    ownerCounts,
    startMs,
    stepMs: (anchorMs - DAY - startMs) / N,
    ownerOf: weighted(ctx.reps.map((r) => [r, 0.5 + rand()])),
    sourceOf: weighted(ctx.sources.map((s) => [s, SOURCE_WEIGHTS[s.key] ?? 0.5])),
    orgs: [], // { id, name, domain } of the organisations created so far, for reuse
    orgSeq: 0,
    recentPeople: [],
  };
  for (let base = 0; base < N; base += CHUNK) {
    const out = Object.fromEntries(TABLES.map((t) => [t, []]));
    const end = Math.min(N, base + CHUNK);
    for (let i = base; i < end; i++) addLead(out, g, i);
    // ids sort by time: inserting each chunk in id order keeps the primary-key b-trees local
    for (const t of ['activities', 'lead_history'])
      out[t].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    yield out;
  }
}

/** Where the lead stands today, `latest` being the newest instant anything may carry. */
function leadState(anchorMs, createdMs, latest) {
  const ageDays = (anchorMs - createdMs) / DAY;
  // young leads are mostly still suspects; old ones have moved on
  const stage = ageDays < 7 && chance(0.7) ? 'suspect' : STAGES();
  const stageChangedMs =
    stage === 'suspect' ? createdMs : Math.min(latest, createdMs + (1 + rand() * 60) * DAY);
  const timeframe = chance(0.4) ? null : chance(1 / 6) ? 'now' : dateOnly(anchorMs + (int(300) - 30) * DAY);
  const reason = stage === 'disqualified' ? pick(DISQUALIFY_REASONS) : null;
  const revisitOn = stage === 'parked' ? dateOnly(anchorMs + (int(210) - 30) * DAY) : null;
  const competitor =
    (stage === 'parked' || stage === 'disqualified') && chance(0.3) ? pick(COMPETITORS) : null;
  const open = stage === 'suspect' || stage === 'mql' || stage === 'sql';
  const followUp = open && chance(0.3) ? iso(anchorMs + (rand() * 45 - 15) * DAY) : null;
  const deleted = chance(0.005) ? iso(Math.min(latest, stageChangedMs + DAY)) : null;
  return { stage, stageChangedMs, timeframe, reason, revisitOn, competitor, followUp, deleted };
}

/** Lead number `i` with its organisation, person, timeline, products and tags, added to `out`. */
function addLead(out, g, i) {
  const { ctx, anchorMs } = g;
  const createdMs = g.startMs + (i + rand()) * g.stepMs;
  const created = iso(createdMs);
  const owner = chance(0.02) ? null : g.ownerOf();
  const channel = CHANNELS();
  const actorId = owner?.id ?? ctx.adminId;
  const org = organisationFor(out, g, createdMs, created);
  const { id: personId, person } = addPerson(out, i, org, createdMs, created);

  const id = idAt(createdMs);
  const { title, searchText } = derive.lead(person, org?.name ?? null);
  const campaign = ctx.campaigns.length && chance(0.15) ? pick(ctx.campaigns) : null;
  const source = campaign?.sourceId ? ctx.sources.find((s) => s.id === campaign.sourceId) : g.sourceOf();
  const referredBy =
    source?.key === 'customer_referral' && g.recentPeople.length ? pick(g.recentPeople) : null;
  const latest = anchorMs - 60_000;
  const s = leadState(anchorMs, createdMs, latest);
  const lastActivityMs = addTimeline(out, {
    ...s,
    id,
    personId,
    createdMs,
    channel,
    actorId,
    ownerId: owner?.id,
    latest,
  });
  const updatedMs = Math.max(
    s.stageChangedMs,
    chance(0.3) ? Math.min(latest, createdMs + rand() * 200 * DAY) : createdMs,
    s.deleted ? Date.parse(s.deleted) : 0,
  );
  out.leads.push([
    id,
    personId,
    org?.id ?? null,
    title,
    source?.id ?? null,
    null,
    campaign?.id ?? null,
    referredBy,
    owner?.id ?? null,
    owner?.teamId ?? null,
    s.timeframe,
    s.stage,
    iso(s.stageChangedMs),
    s.reason,
    s.reason === 'other' ? 'Pasirinko kitą sprendimą' : null,
    s.revisitOn,
    s.competitor,
    0,
    s.followUp,
    iso(lastActivityMs),
    '{}',
    searchText,
    actorId,
    created,
    iso(updatedMs),
    s.deleted,
    derive.temperature(s.timeframe),
  ]);
  for (const term of derive.terms(searchText)) out.lead_terms.push([term, created, id, owner?.id ?? null]);
  addProductsAndTags(out, ctx, id);
  if (!s.deleted && owner) g.ownerCounts.set(owner.id, (g.ownerCounts.get(owner.id) ?? 0) + 1);
  g.recentPeople.push(personId);
  if (g.recentPeople.length > 5000) g.recentPeople.splice(0, 1000);
}

function addProductsAndTags(out, ctx, leadId) {
  if (ctx.products.length && chance(0.35)) {
    const first = int(ctx.products.length);
    out.lead_products.push([leadId, ctx.products[first]]);
    if (chance(0.25)) out.lead_products.push([leadId, ctx.products[(first + 1) % ctx.products.length]]);
  }
  if (chance(0.08)) {
    const tags = [...new Set([TAGS(), TAGS()].slice(0, 1 + int(2)))];
    for (const tag of tags) out.lead_tags.push([leadId, tag]);
  }
}
