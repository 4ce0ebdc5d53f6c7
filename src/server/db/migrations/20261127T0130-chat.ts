import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * Website chat (issue #4 §2): widgets a site embeds, conversations with their messages.
 *
 * - `chat_widgets`: the settings of one embeddable chat (greeting override in lt and en, allowed
 *   sites, and the source, campaign and owner its leads get); `version` goes up with every change;
 *   `max_per_minute` caps the conversations it starts per minute, all visitors together.
 * - `chat_conversations`: one visitor's conversation. Only the sha256 of its token is kept. The
 *   bot's state is JSON between messages; `lead_id`/`person_id` are set once the bot (or a joining
 *   colleague) has enough for a lead, and `activity_id` is the lead's `chat` timeline entry that
 *   carries the transcript. `last_seq` is the latest message's number: bumping it is what
 *   serialises writers of one conversation (a row lock on PostgreSQL). `closed_by` is who closed
 *   it (a colleague who closes without joining still sees it afterwards); `capture_error` says why
 *   the lead could not be made when the capture write path refused what the visitor told the bot.
 * - `chat_messages`: numbered per conversation (`seq` from 1), which is what a reconnecting
 *   stream resumes from (`Last-Event-ID`).
 * Activities of type `chat` need no change: `activities.type` is free text on both databases.
 */
export const chat: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('chat_widgets')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('greeting_json', 'text')
      .addColumn('allowed_origins_json', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('max_per_minute', 'integer', (c) => c.notNull().defaultTo(60))
      .execute();

    await db.schema
      .createTable('chat_conversations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('widget_id', 'text', (c) => c.notNull().references('chat_widgets.id'))
      .addColumn('token_hash', 'text', (c) => c.notNull())
      .addColumn('visitor_id', 'text')
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('lead_id', 'text', (c) => c.references('leads.id').onDelete('set null'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('assigned_user_id', 'text', (c) => c.references('users.id'))
      .addColumn('language', 'text', (c) => c.notNull())
      .addColumn('touch_json', 'text')
      .addColumn('bot_state_json', 'text', (c) => c.notNull())
      .addColumn('activity_id', 'text', (c) => c.references('activities.id').onDelete('set null'))
      .addColumn('last_seq', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('last_message_at', 'text', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('closed_by', 'text', (c) => c.references('users.id'))
      .addColumn('capture_error', 'text')
      .execute();
    await db.schema
      .createIndex('chat_conversations_status_idx')
      .on('chat_conversations')
      .columns(['status', 'last_message_at'])
      .execute();
    await db.schema
      .createIndex('chat_conversations_recent_idx')
      .on('chat_conversations')
      .columns(['last_message_at', 'id'])
      .execute();
    await db.schema
      .createIndex('chat_conversations_lead_idx')
      .on('chat_conversations')
      .column('lead_id')
      .where(sql<boolean>`lead_id is not null`)
      .execute();

    await db.schema
      .createTable('chat_messages')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('conversation_id', 'text', (c) =>
        c.notNull().references('chat_conversations.id').onDelete('cascade'),
      )
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('sender', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('quick_replies_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addUniqueConstraint('chat_messages_seq_unique', ['conversation_id', 'seq'])
      .execute();
  },
});
