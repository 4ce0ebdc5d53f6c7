import type { Selectable } from 'kysely';
import type { BotQuestions } from '../../../domain/chat/bot-texts.js';
import type { LocalText } from '../../../domain/forms/form-fields.js';
import type { ChatWidgetsTable, Db } from '../../db/database.js';

export type WidgetStatus = 'active' | 'archived';

export interface ChatWidget {
  id: string;
  name: string;
  status: WidgetStatus;
  greeting: LocalText | null;
  /** The bot's questions in the widget's own wording (null: the bot's own). */
  questions: BotQuestions | null;
  allowedOrigins: string[];
  sourceId: string | null;
  campaignId: string | null;
  ownerId: string | null;
  /** Conversations started per minute, all visitors together, before 429. */
  maxPerMinute: number;
  version: number;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
}

function toWidget(r: Selectable<ChatWidgetsTable>): ChatWidget {
  return {
    id: r.id,
    name: r.name,
    status: r.status as WidgetStatus,
    greeting: r.greeting_json ? (JSON.parse(r.greeting_json) as LocalText) : null,
    questions: r.questions_json ? (JSON.parse(r.questions_json) as BotQuestions) : null,
    allowedOrigins: JSON.parse(r.allowed_origins_json) as string[],
    sourceId: r.source_id,
    campaignId: r.campaign_id,
    ownerId: r.owner_id,
    maxPerMinute: Number(r.max_per_minute),
    version: Number(r.version),
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function widgetRow(w: ChatWidget): Selectable<ChatWidgetsTable> {
  return {
    id: w.id,
    name: w.name,
    status: w.status,
    greeting_json: w.greeting ? JSON.stringify(w.greeting) : null,
    questions_json: w.questions ? JSON.stringify(w.questions) : null,
    allowed_origins_json: JSON.stringify(w.allowedOrigins),
    source_id: w.sourceId,
    campaign_id: w.campaignId,
    owner_id: w.ownerId,
    max_per_minute: w.maxPerMinute,
    version: w.version,
    created_by: w.createdBy,
    created_at: w.createdAt,
    updated_at: w.updatedAt,
  };
}

export async function insertWidget(db: Db, w: ChatWidget): Promise<void> {
  await db.insertInto('chat_widgets').values(widgetRow(w)).execute();
}

export async function saveWidget(db: Db, w: ChatWidget): Promise<void> {
  const { id, created_at, created_by, ...changes } = widgetRow(w);
  await db.updateTable('chat_widgets').set(changes).where('id', '=', id).execute();
}

export async function findWidget(db: Db, id: string): Promise<ChatWidget | undefined> {
  const row = await db.selectFrom('chat_widgets').selectAll().where('id', '=', id).executeTakeFirst();
  return row && toWidget(row);
}

export async function listWidgets(db: Db): Promise<ChatWidget[]> {
  const rows = await db
    .selectFrom('chat_widgets')
    .selectAll()
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toWidget);
}
