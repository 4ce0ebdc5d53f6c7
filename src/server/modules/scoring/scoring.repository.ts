import { behaviourOfActivity, behaviourOfEngagement, emailKind } from '../../../domain/scoring/facts.js';
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

const json = <T>(text: string | null, fallback: T): T => {
  if (text === null) return fallback;
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
};

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
    groupCaps: json<Record<string, number>>(m.group_caps_json, {}),
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
                value: json<string | string[] | Range | null>(r.value_json, null),
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

const customOf = (text: string | null | undefined): Record<string, unknown> => json(text ?? null, {});

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
 * Leads with what their rules can read, in set-based queries per 500 leads: the lead, its person
 * and organisation, the person's first e-mail, products, tags, the timeline's behaviours and the
 * person's content engagement, and the scores they had.
 */
export async function scoringFacts(db: Db, leadIds: readonly string[]): Promise<ScoredLead[]> {
  const out: ScoredLead[] = [];
  for (const ids of chunks([...new Set(leadIds)])) {
    const rows = await db
      .selectFrom('leads')
      .leftJoin('people', 'people.id', 'leads.person_id')
      .leftJoin('organisations', 'organisations.id', 'leads.organisation_id')
      .leftJoin('sources', 'sources.id', 'leads.source_id')
      .select([
        'leads.id',
        'leads.person_id',
        'leads.owner_id',
        'leads.title',
        'leads.stage',
        'leads.stage_by_person',
        'leads.score',
        'leads.campaign_id',
        'leads.temperature',
        'leads.custom_fields as lead_custom',
        'sources.key as source_key',
        'people.job_title',
        'people.country as person_country',
        'people.city as person_city',
        'people.preferred_language',
        'people.custom_fields as person_custom',
        'organisations.size',
        'organisations.industry',
        'organisations.country as organisation_country',
        'organisations.city as organisation_city',
        'organisations.custom_fields as organisation_custom',
      ])
      .where('leads.id', 'in', ids)
      .where('leads.deleted_at', 'is', null)
      .execute();
    if (rows.length === 0) continue;
    const found = rows.map((r) => r.id);
    const personIds = [...new Set(rows.flatMap((r) => (r.person_id ? [r.person_id] : [])))];
    const emails = personIds.length
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
    const products = await db
      .selectFrom('lead_products')
      .select(['lead_id', 'product_id'])
      .where('lead_id', 'in', found)
      .execute();
    const tags = await db
      .selectFrom('lead_tags')
      .select(['lead_id', 'tag'])
      .where('lead_id', 'in', found)
      .execute();
    const activities = await db
      .selectFrom('activities')
      .select(['lead_id', 'type', 'data', 'done_at', 'occurred_at'])
      .where('lead_id', 'in', found)
      .where('deleted_at', 'is', null)
      .where((eb) =>
        eb.or([
          eb('type', 'in', ['chat', 'meeting', 'call', 'email']),
          eb.and([eb('type', '=', 'system'), eb('data', 'like', '%"form_submitted"%')]),
        ]),
      )
      .execute();
    const engagement = await db
      .selectFrom('engagement_events')
      .select(['lead_id', 'person_id', 'kind', 'occurred_at'])
      .where((eb) =>
        personIds.length
          ? eb.or([eb('lead_id', 'in', found), eb('person_id', 'in', personIds)])
          : eb('lead_id', 'in', found),
      )
      .execute();
    const scores = await db.selectFrom('lead_scores').selectAll().where('lead_id', 'in', found).execute();
    const productsOf = groupBy(products, (p) => p.lead_id);
    const tagsOf = groupBy(tags, (t) => t.lead_id);
    const activitiesOf = groupBy(activities, (a) => a.lead_id ?? '');
    const engagementOfLead = groupBy(engagement, (e) => e.lead_id ?? '');
    const engagementOfPerson = groupBy(engagement, (e) => e.person_id ?? '');
    const scoresOf = groupBy(scores, (s) => s.lead_id);
    for (const r of rows) {
      const fields: Record<string, FactValue> = {
        'person.jobTitle': r.job_title,
        'person.country': r.person_country,
        'person.city': r.person_city,
        'person.language': r.preferred_language,
        'organisation.size': r.size,
        'organisation.industry': r.industry,
        'organisation.country': r.organisation_country,
        'organisation.city': r.organisation_city,
        'lead.source': r.source_key,
        'lead.campaign': r.campaign_id,
        'lead.products': (productsOf.get(r.id) ?? []).map((p) => p.product_id),
        'lead.tags': (tagsOf.get(r.id) ?? []).map((t) => t.tag),
        'lead.temperature': r.temperature,
        'email.kind': emailKind(r.person_id ? firstEmail.get(r.person_id) : null),
      };
      customFacts(fields, 'lead', customOf(r.lead_custom));
      customFacts(fields, 'person', customOf(r.person_custom));
      customFacts(fields, 'organisation', customOf(r.organisation_custom));
      const behaviours: LeadFacts['behaviours'][number][] = [];
      for (const a of activitiesOf.get(r.id) ?? []) {
        const b = behaviourOfActivity({ type: a.type, data: customOf(a.data), doneAt: a.done_at });
        if (b) behaviours.push({ behaviour: b, at: a.occurred_at });
      }
      // a person's engagement counts once, whether it names this lead, the person, or both
      const events = new Set([
        ...(engagementOfLead.get(r.id) ?? []),
        ...(r.person_id ? (engagementOfPerson.get(r.person_id) ?? []) : []),
      ]);
      for (const e of events) {
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
          (scoresOf.get(r.id) ?? []).map((s) => [
            s.model_id,
            { total: Number(s.total), lines: json<ScoreLine[]>(s.lines_json, []) },
          ]),
        ),
      });
    }
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

export async function setLeadScore(db: Db, leadId: string, score: number): Promise<void> {
  await db.updateTable('leads').set({ score }).where('id', '=', leadId).execute();
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
    lines: json<ScoreLine[]>(r.lines_json, []),
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
export async function startRun(db: Db, requestedBy: string | null, at: string): Promise<void> {
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
    })
    .execute();
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
