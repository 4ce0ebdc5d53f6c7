import { type Selectable, type SqlBool, sql } from 'kysely';
import type { CampaignsTable, Db } from '../../db/database.js';
import type { CampaignDto } from './campaigns.schemas.js';

type CampaignRow = Selectable<CampaignsTable>;

function toCampaign(r: CampaignRow): CampaignDto {
  return {
    id: r.id,
    name: r.name,
    type: r.type as CampaignDto['type'],
    sourceId: r.source_id,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    budgetCents: Number(r.budget_cents),
    costCents: Number(r.cost_cents),
    ownerId: r.owner_id,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type CampaignFields = Omit<CampaignDto, 'id' | 'createdAt' | 'updatedAt'>;

function toColumns(c: Partial<CampaignFields>): Partial<CampaignRow> {
  const row: Partial<CampaignRow> = {};
  if (c.name !== undefined) row.name = c.name;
  if (c.type !== undefined) row.type = c.type;
  if (c.sourceId !== undefined) row.source_id = c.sourceId;
  if (c.startsOn !== undefined) row.starts_on = c.startsOn;
  if (c.endsOn !== undefined) row.ends_on = c.endsOn;
  if (c.budgetCents !== undefined) row.budget_cents = c.budgetCents;
  if (c.costCents !== undefined) row.cost_cents = c.costCents;
  if (c.ownerId !== undefined) row.owner_id = c.ownerId;
  return row;
}

/** `%`, `_` and the escape character itself match literally in a LIKE pattern. */
function likeContains(text: string): string {
  return `%${text.replace(/[!%_]/g, (c) => `!${c}`)}%`;
}

export interface CampaignFilter {
  /** Lower-cased part of the name. */
  nameContains?: string;
  /** Running on `today` (YYYY-MM-DD), or not. */
  activeOn?: { today: string; active: boolean };
  after?: { at: string; id: string };
  limit: number;
}

/** Live campaigns, newest first, keyset-paged on (created_at, id). */
export async function listCampaigns(db: Db, filter: CampaignFilter): Promise<CampaignDto[]> {
  let q = db.selectFrom('campaigns').selectAll().where('deleted_at', 'is', null);
  if (filter.nameContains) {
    // why lower(): PostgreSQL's LIKE is case-sensitive. SQLite's lower() folds only ASCII letters.
    q = q.where(sql<SqlBool>`lower(name) like ${likeContains(filter.nameContains)} escape '!'`);
  }
  const activeOn = filter.activeOn;
  if (activeOn) {
    const { today } = activeOn;
    q = q.where((eb) => {
      const running = eb.and([
        eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', today)]),
        eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', today)]),
      ]);
      return activeOn.active ? running : eb.or([eb('starts_on', '>', today), eb('ends_on', '<', today)]);
    });
  }
  const after = filter.after;
  if (after) q = q.where((eb) => eb(eb.refTuple('created_at', 'id'), '<', eb.tuple(after.at, after.id)));
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(filter.limit).execute();
  return rows.map(toCampaign);
}

export async function findCampaign(db: Db, id: string): Promise<CampaignDto | undefined> {
  const row = await db
    .selectFrom('campaigns')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return row && toCampaign(row);
}

export async function insertCampaign(db: Db, id: string, fields: CampaignFields, at: string): Promise<void> {
  await db
    .insertInto('campaigns')
    .values({
      id,
      name: fields.name,
      type: fields.type,
      source_id: fields.sourceId,
      starts_on: fields.startsOn,
      ends_on: fields.endsOn,
      budget_cents: fields.budgetCents,
      cost_cents: fields.costCents,
      owner_id: fields.ownerId,
      created_at: at,
      updated_at: at,
    })
    .execute();
}

export async function updateCampaignRow(
  db: Db,
  id: string,
  changes: Partial<CampaignFields>,
  at: string,
): Promise<void> {
  await db
    .updateTable('campaigns')
    .set({ ...toColumns(changes), updated_at: at })
    .where('id', '=', id)
    .execute();
}
