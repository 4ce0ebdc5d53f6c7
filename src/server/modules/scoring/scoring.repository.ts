import { sql } from 'kysely';
import {
  behaviourOfActivity,
  behaviourOfEngagement,
  emailKind,
  type FactsNeeded,
} from '../../../domain/scoring/facts.js';
import type {
  Behaviour,
  NewRule,
  Operator,
  Range,
  ScoreModel,
  ScoringRule,
} from '../../../domain/scoring/rules.js';
import type { FactValue, LeadFacts, ScoreLine } from '../../../domain/scoring/score.js';
import { insertMany } from '../../db/bulk.js';
import type { Db } from '../../db/database.js';
import { newId } from '../../db/ids.js';
import { jsonColumn } from '../../db/json-column.js';

const CHUNK = 500;

function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** Every score with its rules in order, the primary one first. */
export async function loadModels(
  db: Db,
): Promise<(ScoreModel & { version: number; createdAt: string; updatedAt: string })[]> {
  const models = await db
    .selectFrom('scoring_models')
    .selectAll()
    .orderBy('is_primary', 'desc')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const rules = await db
    .selectFrom('scoring_rules')
    .selectAll()
    .orderBy('model_id')
    .orderBy('position')
    .orderBy('id')
    .execute();
  return models.map((m) => ({
    id: m.id,
    nameLt: m.name_lt,
    nameEn: m.name_en,
    primary: Number(m.is_primary) === 1,
    mqlThreshold: Number(m.mql_threshold),
    sqlThreshold: Number(m.sql_threshold),
    totalCap: m.total_cap === null ? null : Number(m.total_cap),
    groupCaps: jsonColumn<Record<string, number>>(m.group_caps_json, {}),
    halfLifeDays: m.half_life_days === null ? null : Number(m.half_life_days),
    demoteOnDecay: Number(m.demote_on_decay) === 1,
    version: Number(m.version),
    createdAt: m.created_at,
    updatedAt: m.updated_at,
    rules: rules
      .filter((r) => r.model_id === m.id)
      .map(
        (r): ScoringRule =>
          r.kind === 'behaviour'
            ? {
                id: r.id,
                kind: 'behaviour',
                behaviour: r.behaviour as Behaviour,
                points: Number(r.points),
                group: r.group_name,
              }
            : {
                id: r.id,
                kind: 'fit',
                field: r.field ?? '',
                operator: r.operator as Operator,
                value: jsonColumn<string | string[] | Range | null>(r.value_json, null),
                points: Number(r.points),
                group: r.group_name,
              },
      ),
  }));
}

export type ModelFields = Omit<ScoreModel, 'id' | 'rules' | 'primary'>;

function modelColumns(m: ModelFields) {
  return {
    name_lt: m.nameLt,
    name_en: m.nameEn,
    mql_threshold: m.mqlThreshold,
    sql_threshold: m.sqlThreshold,
    total_cap: m.totalCap,
    group_caps_json: JSON.stringify(m.groupCaps),
    half_life_days: m.halfLifeDays,
    demote_on_decay: m.demoteOnDecay ? 1 : 0,
  };
}

export async function insertModel(
  db: Db,
  id: string,
  m: ModelFields,
  primary: boolean,
  at: string,
): Promise<void> {
  await db
    .insertInto('scoring_models')
    .values({
      id,
      ...modelColumns(m),
      is_primary: primary ? 1 : 0,
      version: 1,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

/** Saves a score's settings and bumps its version (a rescore runs to it). */
export async function updateModel(db: Db, id: string, m: ModelFields, at: string): Promise<void> {
  await db
    .updateTable('scoring_models')
    .set((eb) => ({ ...modelColumns(m), version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

export async function bumpVersion(db: Db, id: string, at: string): Promise<void> {
  await db
    .updateTable('scoring_models')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();
}

function ruleColumns(rule: NewRule) {
  return rule.kind === 'behaviour'
    ? {
        kind: 'behaviour',
        field: null,
        operator: null,
        value_json: null,
        behaviour: rule.behaviour,
        points: rule.points,
        group_name: rule.group,
      }
    : {
        kind: 'fit',
        field: rule.field,
        operator: rule.operator,
        value_json: rule.value === null ? null : JSON.stringify(rule.value),
        behaviour: null,
        points: rule.points,
        group_name: rule.group,
      };
}

export async function insertRule(
  db: Db,
  id: string,
  modelId: string,
  rule: NewRule,
  at: string,
): Promise<void> {
  const last = await db
    .selectFrom('scoring_rules')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('model_id', '=', modelId)
    .executeTakeFirst();
  const position = last?.position === null || last?.position === undefined ? 0 : Number(last.position) + 1;
  await db
    .insertInto('scoring_rules')
    .values({ id, model_id: modelId, position, ...ruleColumns(rule), created_at: at, updated_at: at })
    .execute();
}

export async function updateRule(db: Db, id: string, rule: NewRule, at: string): Promise<void> {
  await db
    .updateTable('scoring_rules')
    .set({ ...ruleColumns(rule), updated_at: at })
    .where('id', '=', id)
    .execute();
}

export async function deleteRule(db: Db, id: string): Promise<void> {
  await db.deleteFrom('scoring_rules').where('id', '=', id).execute();
}

export async function ruleModelId(db: Db, id: string): Promise<string | undefined> {
  return (await db.selectFrom('scoring_rules').select('model_id').where('id', '=', id).executeTakeFirst())
    ?.model_id;
}

/** What scoring needs of a lead besides its facts: where it stands and what it had. */
export interface ScoredLead {
  id: string;
  personId: string | null;
  ownerId: string | null;
  title: string;
  stage: string;
  stageByPerson: boolean;
  score: number;
  facts: LeadFacts;
  previous: Map<string, { total: number; lines: ScoreLine[] }>;
}

const customOf = (text: string | null | undefined): Record<string, unknown> => jsonColumn(text ?? null, {});

function customFacts(
  fields: Record<string, FactValue>,
  entity: string,
  values: Record<string, unknown>,
): void {
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined) continue;
    fields[`custom.${entity}.${key}`] =
      typeof value === 'number' || typeof value === 'string'
        ? value
        : Array.isArray(value)
          ? value.map(String)
          : String(value);
  }
}

/**
 * Leads with what their rules can read (`needed`), in set-based queries per 500 leads: the lead,
 * its person and organisation, the person's first e-mail, products, tags, the timeline's behaviours
 * and the person's content engagement, and the scores they had.
 */
export async function scoringFacts(
  db: Db,
  leadIds: readonly string[],
  needed: FactsNeeded,
): Promise<ScoredLead[]> {
  const out: ScoredLead[] = [];
  for (const ids of chunks([...new Set(leadIds)])) out.push(...(await factsOf(db, { ids }, needed)));
  return out;
}

/**
 * The next `limit` live leads after `after` in id order, with their facts (a full rescore's walk):
 * the leads and their rows come from index ranges rather than lists of ids.
 */
export function scoringFactsAfter(
  db: Db,
  after: string | null,
  limit: number,
  needed: FactsNeeded,
): Promise<ScoredLead[]> {
  return factsOf(db, { after, limit }, needed);
}

type Selection = { ids: readonly string[] } | { after: string | null; limit: number };

const unique = (values: readonly (string | null)[]) => [
  ...new Set(values.filter((v): v is string => v !== null)),
];

async function factsOf(db: Db, sel: Selection, needed: FactsNeeded): Promise<ScoredLead[]> {
  let query = db
    .selectFrom('leads')
    .select([
      'id',
      'person_id',
      'organisation_id',
      'source_id',
      'owner_id',
      'title',
      'stage',
      'stage_by_person',
      'score',
      'campaign_id',
      'temperature',
      'custom_fields',
    ])
    .where('deleted_at', 'is', null);
  if ('ids' in sel) query = query.where('id', 'in', sel.ids);
  else {
    if (sel.after) query = query.where('id', '>', sel.after);
    query = query.orderBy('id').limit(sel.limit);
  }
  const rows = await query.execute();
  if (rows.length === 0) return [];
  const found = rows.map((r) => r.id);
  // a walk reads its leads' rows as one index range; a list of ids, lead by lead
  const sorted = [...found].sort();
  const first = sorted[0] as string;
  const last = sorted.at(-1) as string;
  const walk = !('ids' in sel);
  // biome-ignore lint/suspicious/noExplicitAny: one condition for the lead_id column of several tables
  const ofLeads = (eb: any) =>
    walk ? eb.and([eb('lead_id', '>=', first), eb('lead_id', '<=', last)]) : eb('lead_id', 'in', found);
  const personIds = unique(rows.map((r) => r.person_id));
  const orgIds = unique(rows.map((r) => r.organisation_id));
  const people =
    needed.person && personIds.length
      ? await db
          .selectFrom('people')
          .select(['id', 'job_title', 'country', 'city', 'preferred_language', 'custom_fields'])
          .where('id', 'in', personIds)
          .execute()
      : [];
  const organisations =
    needed.organisation && orgIds.length
      ? await db
          .selectFrom('organisations')
          .select(['id', 'size', 'industry', 'country', 'city', 'custom_fields'])
          .where('id', 'in', orgIds)
          .execute()
      : [];
  const sources = needed.source ? await db.selectFrom('sources').select(['id', 'key']).execute() : [];
  const emails =
    needed.email && personIds.length
      ? await db
          .selectFrom('person_emails')
          .select(['person_id', 'email', 'position'])
          .where('person_id', 'in', personIds)
          .orderBy('person_id')
          .orderBy('position')
          .execute()
      : [];
  const firstEmail = new Map<string, string>();
  for (const e of emails) if (!firstEmail.has(e.person_id)) firstEmail.set(e.person_id, e.email);
  const products = needed.products
    ? await db.selectFrom('lead_products').select(['lead_id', 'product_id']).where(ofLeads).execute()
    : [];
  const tags = needed.tags
    ? await db.selectFrom('lead_tags').select(['lead_id', 'tag']).where(ofLeads).execute()
    : [];
  const types = needed.activityTypes;
  const activities = types.length
    ? await db
        .selectFrom('activities')
        .select(['lead_id', 'type', 'data', 'done_at', 'occurred_at'])
        .where(ofLeads)
        .where('deleted_at', 'is', null)
        .where((eb) =>
          eb.or([
            eb('type', 'in', types.filter((t) => t !== 'system').concat('-')),
            ...(types.includes('system')
              ? [eb.and([eb('type', '=', 'system'), eb('data', 'like', '%"form_submitted"%')])]
              : []),
          ]),
        )
        .execute()
    : [];
  // an event that names a lead always names its person too (engagement.record.ts)
  const engagement =
    needed.engagement && personIds.length
      ? await db
          .selectFrom('engagement_events')
          .select(['person_id', 'kind', 'occurred_at'])
          .where('person_id', 'in', personIds)
          .execute()
      : [];
  const scores = await db.selectFrom('lead_scores').selectAll().where(ofLeads).execute();
  const personOf = new Map(people.map((p) => [p.id, p]));
  const orgOf = new Map(organisations.map((o) => [o.id, o]));
  const sourceKey = new Map(sources.map((x) => [x.id, x.key]));
  const productsOf = groupBy(products, (p) => p.lead_id);
  const tagsOf = groupBy(tags, (t) => t.lead_id);
  const activitiesOf = groupBy(activities, (a) => a.lead_id ?? '');
  const engagementOf = groupBy(engagement, (e) => e.person_id ?? '');
  const scoresOf = groupBy(scores, (x) => x.lead_id);
  const out: ScoredLead[] = [];
  for (const r of rows) {
    const person = r.person_id ? personOf.get(r.person_id) : undefined;
    const org = r.organisation_id ? orgOf.get(r.organisation_id) : undefined;
    const fields: Record<string, FactValue> = {
      'person.jobTitle': person?.job_title,
      'person.country': person?.country,
      'person.city': person?.city,
      'person.language': person?.preferred_language,
      'organisation.size': org?.size,
      'organisation.industry': org?.industry,
      'organisation.country': org?.country,
      'organisation.city': org?.city,
      'lead.source': r.source_id ? sourceKey.get(r.source_id) : null,
      'lead.campaign': r.campaign_id,
      'lead.products': (productsOf.get(r.id) ?? []).map((p) => p.product_id),
      'lead.tags': (tagsOf.get(r.id) ?? []).map((t) => t.tag),
      'lead.temperature': r.temperature,
      'email.kind': emailKind(r.person_id ? firstEmail.get(r.person_id) : null),
    };
    if (needed.leadCustom) customFacts(fields, 'lead', customOf(r.custom_fields));
    if (person) customFacts(fields, 'person', customOf(person.custom_fields));
    if (org) customFacts(fields, 'organisation', customOf(org.custom_fields));
    const behaviours: LeadFacts['behaviours'][number][] = [];
    for (const a of activitiesOf.get(r.id) ?? []) {
      const b = behaviourOfActivity({ type: a.type, data: customOf(a.data), doneAt: a.done_at });
      if (b) behaviours.push({ behaviour: b, at: a.occurred_at });
    }
    for (const e of r.person_id ? (engagementOf.get(r.person_id) ?? []) : []) {
      const b = behaviourOfEngagement(e.kind);
      if (b) behaviours.push({ behaviour: b, at: e.occurred_at });
    }
    out.push({
      id: r.id,
      personId: r.person_id,
      ownerId: r.owner_id,
      title: r.title,
      stage: r.stage,
      stageByPerson: Number(r.stage_by_person) === 1,
      score: Number(r.score),
      facts: { fields, behaviours },
      previous: new Map(
        (scoresOf.get(r.id) ?? []).map((x) => [
          x.model_id,
          { total: Number(x.total), lines: jsonColumn<ScoreLine[]>(x.lines_json, []) },
        ]),
      ),
    });
  }
  return out;
}

/** Replaces the given leads' scores (all models) with these rows. */
export async function replaceScores(
  db: Db,
  leadIds: readonly string[],
  rows: readonly { leadId: string; modelId: string; total: number; lines: ScoreLine[]; at: string }[],
): Promise<void> {
  for (const ids of chunks(leadIds)) await db.deleteFrom('lead_scores').where('lead_id', 'in', ids).execute();
  await insertMany(
    db,
    'lead_scores',
    rows.map((r) => ({
      lead_id: r.leadId,
      model_id: r.modelId,
      total: r.total,
      lines_json: JSON.stringify(r.lines),
      computed_at: r.at,
    })),
    // a concurrent rescore of the same lead may have written its row since our delete
    { updateOn: ['lead_id', 'model_id'], set: ['total', 'lines_json', 'computed_at'] },
  );
}

/** Live leads of these people or organisations. */
export async function leadsOf(
  db: Db,
  of: { personIds?: readonly string[] | undefined; organisationIds?: readonly string[] | undefined },
): Promise<string[]> {
  const people = of.personIds ?? [];
  const orgs = of.organisationIds ?? [];
  if (people.length === 0 && orgs.length === 0) return [];
  const rows = await db
    .selectFrom('leads')
    .select('id')
    .where('deleted_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(people.length ? [eb('person_id', 'in', people)] : []),
        ...(orgs.length ? [eb('organisation_id', 'in', orgs)] : []),
      ]),
    )
    .execute();
  return rows.map((r) => r.id);
}

/** New primary totals of many leads: one `with v(id, score) as (values …) update … from v` per 500, on both databases. */
export async function setLeadScores(db: Db, scores: readonly { id: string; score: number }[]): Promise<void> {
  for (const part of chunks(scores)) {
    const values = sql.join(part.map((x) => sql`(${x.id}, cast(${x.score} as integer))`));
    await sql`with v(id, score) as (values ${values})
      update leads set score = v.score from v where leads.id = v.id`.execute(db);
  }
}

/** A stage scores moved the lead to (not by a person: `stage_by_person` stays 0). */
export async function setScoredStage(db: Db, leadId: string, stage: string, at: string): Promise<void> {
  await db
    .updateTable('leads')
    .set({ stage, stage_changed_at: at, updated_at: at })
    .where('id', '=', leadId)
    .where('stage_by_person', '=', 0)
    .execute();
}

export async function scoresOfLead(db: Db, leadId: string) {
  const rows = await db.selectFrom('lead_scores').selectAll().where('lead_id', '=', leadId).execute();
  return rows.map((r) => ({
    modelId: r.model_id,
    total: Number(r.total),
    lines: jsonColumn<ScoreLine[]>(r.lines_json, []),
    computedAt: r.computed_at,
  }));
}

export interface RescoreRun {
  id: string;
  status: 'running' | 'done' | 'superseded';
  total: number;
  done: number;
  startedAt: string;
  finishedAt: string | null;
}

/** A rescore of every lead, after a rule change; a run still going is superseded (it would be stale). */
/**
 * A rescore of every lead after a change. `ruleIds`: the rules that changed (only leads they gave
 * points to, or would now, are rescored); null: the scores' settings changed, so all are. A run
 * still going is superseded, its rules carried into the new one.
 */
export async function startRun(
  db: Db,
  requestedBy: string | null,
  at: string,
  ruleIds: readonly string[] | null,
): Promise<void> {
  const running = await db
    .selectFrom('scoring_runs')
    .select(['rule_ids_json'])
    .where('status', '=', 'running')
    .execute();
  let rules: string[] | null = ruleIds ? [...ruleIds] : null;
  for (const r of running) {
    const earlier = r.rule_ids_json === null ? null : jsonColumn<string[]>(r.rule_ids_json, []);
    rules = rules === null || earlier === null ? null : [...new Set([...rules, ...earlier])];
  }
  await db
    .updateTable('scoring_runs')
    .set({ status: 'superseded', finished_at: at })
    .where('status', '=', 'running')
    .execute();
  const count = await db
    .selectFrom('leads')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('deleted_at', 'is', null)
    .executeTakeFirstOrThrow();
  await db
    .insertInto('scoring_runs')
    .values({
      id: newId(),
      status: 'running',
      total: Number(count.n),
      done: 0,
      cursor: null,
      lease_until: null,
      requested_by: requestedBy,
      started_at: at,
      finished_at: null,
      rule_ids_json: rules === null ? null : JSON.stringify(rules.sort()),
    })
    .execute();
}

/** When every lead was last rescored (a full run: settings, decay), or null. */
export async function latestFullRunStart(db: Db): Promise<string | null> {
  const r = await db
    .selectFrom('scoring_runs')
    .select('started_at')
    .where('rule_ids_json', 'is', null)
    .where('status', '!=', 'superseded')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r?.started_at ?? null;
}

export async function latestRun(db: Db): Promise<RescoreRun | null> {
  const r = await db
    .selectFrom('scoring_runs')
    .selectAll()
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!r) return null;
  return {
    id: r.id,
    status: r.status as RescoreRun['status'],
    total: Number(r.total),
    done: Math.min(Number(r.done), Number(r.total)),
    startedAt: r.started_at,
    finishedAt: r.finished_at,
  };
}
