import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * Capture (issue #4): where a lead came from and what the person agreed to, and web forms with an
 * inbox. A public submission is one INSERT into `form_submissions` (acknowledged once stored); a
 * worker turns it into a lead in the transaction that marks it processed, so nothing acknowledged
 * is lost and a retried submission (same client id) is stored once.
 *
 * - `touches`: one row per arrival with its attribution (UTM parameters, click ids, referrer,
 *   landing page); `leads.first_touch_id` / `last_touch_id` point at the first and the latest.
 * - `consents`: what a person agreed to, with the exact wording they saw (set by the server from
 *   the form's own text, never from the payload).
 * - `forms`: the builder's definition (fields, texts in lt and en, consent, source, campaign,
 *   owner, allowed origins, spam settings); `version` goes up with every change and each
 *   submission records the version it was made against.
 */
export const capture: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('touches')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lead_id', 'text', (c) => c.references('leads.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('origin_kind', 'text')
      .addColumn('origin_id', 'text')
      .addColumn('utm_source', 'text')
      .addColumn('utm_medium', 'text')
      .addColumn('utm_campaign', 'text')
      .addColumn('utm_term', 'text')
      .addColumn('utm_content', 'text')
      .addColumn('gclid', 'text')
      .addColumn('fbclid', 'text')
      .addColumn('referrer', 'text')
      .addColumn('landing_page', 'text')
      .addColumn('visitor_id', 'text')
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('touches_lead_idx')
      .on('touches')
      .columns(['lead_id', 'occurred_at'])
      .execute();
    await db.schema
      .createIndex('touches_person_idx')
      .on('touches')
      .columns(['person_id', 'occurred_at'])
      .execute();
    await db.schema
      .alterTable('leads')
      .addColumn('first_touch_id', 'text', (c) => c.references('touches.id'))
      .execute();
    await db.schema
      .alterTable('leads')
      .addColumn('last_touch_id', 'text', (c) => c.references('touches.id'))
      .execute();

    await db.schema
      .createTable('consents')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('purpose', 'text', (c) => c.notNull())
      .addColumn('granted', 'integer', (c) => c.notNull())
      .addColumn('wording', 'text', (c) => c.notNull())
      .addColumn('language', 'text')
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('origin_kind', 'text')
      .addColumn('origin_id', 'text')
      .addColumn('ip_hash', 'text')
      .addColumn('captured_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('consents_person_idx')
      .on('consents')
      .columns(['person_id', 'purpose', 'captured_at'])
      .execute();

    await db.schema
      .createTable('forms')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull().defaultTo('standard'))
      .addColumn('default_language', 'text', (c) => c.notNull().defaultTo('lt'))
      .addColumn('fields', 'text', (c) => c.notNull())
      .addColumn('consent', 'text')
      .addColumn('texts', 'text', (c) => c.notNull())
      .addColumn('redirect_url', 'text')
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('allowed_origins', 'text', (c) => c.notNull())
      .addColumn('min_fill_seconds', 'integer', (c) => c.notNull())
      .addColumn('max_per_minute', 'integer', (c) => c.notNull())
      .addColumn('honeypot_name', 'text', (c) => c.notNull())
      .addColumn('version', 'integer', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('form_submissions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('form_id', 'text', (c) => c.notNull().references('forms.id'))
      .addColumn('form_version', 'integer', (c) => c.notNull())
      .addColumn('client_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('reasons', 'text', (c) => c.notNull())
      .addColumn('payload', 'text', (c) => c.notNull())
      .addColumn('ip_hash', 'text')
      .addColumn('user_agent', 'text')
      .addColumn('origin', 'text')
      .addColumn('lead_id', 'text', (c) => c.references('leads.id').onDelete('set null'))
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_until', 'text')
      .addColumn('error', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text')
      .addColumn('reviewed_by', 'text', (c) => c.references('users.id'))
      .execute();
    await db.schema
      .createIndex('form_submissions_client_idx')
      .on('form_submissions')
      .columns(['form_id', 'client_id'])
      .unique()
      .where(sql<boolean>`client_id is not null`)
      .execute();
    // The worker's queue: only rows still to do, oldest first.
    await db.schema
      .createIndex('form_submissions_queue_idx')
      .on('form_submissions')
      .columns(['received_at', 'id'])
      .where(sql<boolean>`status in ('pending', 'processing')`)
      .execute();
    await db.schema
      .createIndex('form_submissions_form_idx')
      .on('form_submissions')
      .columns(['form_id', 'status', 'received_at'])
      .execute();
  },
});
