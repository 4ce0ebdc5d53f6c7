import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * Engagement tracking and referrals (issue #4 §5, §6).
 *
 * - `content_items`: what the organisation publishes (blog post, infographic, image, video, social
 *   post) with the lead source and campaign a person it brings in is credited to.
 * - `tracked_links`: a random token per shared link (`/t/{token}`), its http(s) target fixed when
 *   made — the redirect never takes a target from the request — and, for a personal link, the person.
 * - `engagement_events`: one view, click, like, reaction, share or comment. `external_id` is the
 *   sender's id of the event (a social network's), unique per content item, so a repeat is stored
 *   once. An anonymous visitor's events keep their `visitor_id` until a capture names the person.
 *   `timeline_day` is set on the one event per person, content item and day that went onto the
 *   timeline; the partial unique index makes "at most one a day" hold under concurrent writers.
 * - `referral_links`: a person's referral token (`/r/{token}`); one live link per person.
 */
export const engagementAndReferrals: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('content_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('url', 'text', (c) => c.notNull())
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('content_items_url_idx').on('content_items').column('url').execute();
    await db.schema
      .createIndex('content_items_list_idx')
      .on('content_items')
      .columns(['created_at', 'id'])
      .execute();

    await db.schema
      .createTable('tracked_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id'))
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('target_url', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('cascade'))
      .addColumn('channel', 'text')
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('tracked_links_content_idx')
      .on('tracked_links')
      .columns(['content_item_id', 'created_at'])
      .execute();

    await db.schema
      .createTable('engagement_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('content_item_id', 'text', (c) => c.notNull().references('content_items.id'))
      .addColumn('tracked_link_id', 'text', (c) => c.references('tracked_links.id').onDelete('set null'))
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('lead_id', 'text', (c) => c.references('leads.id').onDelete('set null'))
      .addColumn('visitor_id', 'text')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text')
      .addColumn('timeline_day', 'text')
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('engagement_events_external_idx')
      .on('engagement_events')
      .columns(['content_item_id', 'external_id'])
      .unique()
      .where(sql<boolean>`external_id is not null`)
      .execute();
    await db.schema
      .createIndex('engagement_events_timeline_idx')
      .on('engagement_events')
      .columns(['person_id', 'content_item_id', 'timeline_day'])
      .unique()
      .where(sql<boolean>`timeline_day is not null`)
      .execute();
    await db.schema
      .createIndex('engagement_events_person_idx')
      .on('engagement_events')
      .columns(['person_id', 'occurred_at'])
      .execute();
    await db.schema
      .createIndex('engagement_events_visitor_idx')
      .on('engagement_events')
      .column('visitor_id')
      .where(sql<boolean>`person_id is null`)
      .execute();
    await db.schema
      .createIndex('engagement_events_content_idx')
      .on('engagement_events')
      .columns(['content_item_id', 'occurred_at'])
      .execute();

    await db.schema
      .createTable('referral_links')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('token', 'text', (c) => c.notNull().unique())
      .addColumn('form_id', 'text', (c) => c.references('forms.id'))
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('disabled_at', 'text')
      .execute();
    await db.schema
      .createIndex('referral_links_live_idx')
      .on('referral_links')
      .column('person_id')
      .unique()
      .where(sql<boolean>`disabled_at is null`)
      .execute();
  },
});
