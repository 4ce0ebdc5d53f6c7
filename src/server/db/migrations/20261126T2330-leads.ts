import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.js';
import { SEED_SOURCES } from './seed-sources.js';

/**
 * People and organisations (the identity), leads (episodes of interest), catalogue, sources,
 * campaigns, custom fields, the lead history and timeline, and duplicate/merge bookkeeping.
 * Hot list paths have partial indexes on live rows (`deleted_at is null`), ordered like the lists.
 */
export const leads: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('organisations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('company_code', 'text')
      .addColumn('vat_code', 'text')
      .addColumn('website', 'text')
      .addColumn('domain', 'text')
      .addColumn('size', 'text')
      .addColumn('industry', 'text')
      .addColumn('country', 'text')
      .addColumn('city', 'text')
      .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('merged_into_id', 'text', (c) => c.references('organisations.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('organisations_domain_idx').on('organisations').column('domain').execute();
    await db.schema
      .createIndex('organisations_code_idx')
      .on('organisations')
      .column('company_code')
      .execute();

    await db.schema
      .createTable('people')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('first_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('last_name', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('job_title', 'text')
      .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
      .addColumn('preferred_language', 'text')
      .addColumn('address', 'text')
      .addColumn('country', 'text')
      .addColumn('city', 'text')
      .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('merged_into_id', 'text', (c) => c.references('people.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema.createIndex('people_organisation_idx').on('people').column('organisation_id').execute();

    await db.schema
      .createTable('person_emails')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('email', 'text', (c) => c.notNull())
      .addColumn('email_key', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('person_emails_key_idx').on('person_emails').column('email_key').execute();
    await db.schema.createIndex('person_emails_person_idx').on('person_emails').column('person_id').execute();

    await db.schema
      .createTable('person_phones')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('phone', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    await db.schema.createIndex('person_phones_phone_idx').on('person_phones').column('phone').execute();
    await db.schema.createIndex('person_phones_person_idx').on('person_phones').column('person_id').execute();

    await db.schema
      .createTable('products')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('description', 'text')
      .addColumn('unit_price_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('products_code_unique').on('products').column('code').unique().execute();

    await db.schema
      .createTable('sources')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('name_lt', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('sources_key_unique').on('sources').column('key').unique().execute();

    await db.schema
      .createTable('campaigns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('starts_on', 'text')
      .addColumn('ends_on', 'text')
      .addColumn('budget_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cost_cents', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();

    await db.schema
      .createTable('leads')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('person_id', 'text', (c) => c.references('people.id'))
      .addColumn('organisation_id', 'text', (c) => c.references('organisations.id'))
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('source_detail', 'text')
      .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
      .addColumn('referred_by_person_id', 'text', (c) => c.references('people.id'))
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('team_id', 'text', (c) => c.references('teams.id'))
      // 'now', a YYYY-MM-DD date, or null. 'now' sorts after every date, so date ranges exclude it.
      .addColumn('timeframe', 'text')
      .addColumn('stage', 'text', (c) => c.notNull())
      .addColumn('stage_changed_at', 'text', (c) => c.notNull())
      .addColumn('disqualify_reason', 'text')
      .addColumn('disqualify_note', 'text')
      .addColumn('revisit_on', 'text')
      .addColumn('competitor', 'text')
      .addColumn('score', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_follow_up_at', 'text')
      .addColumn('last_activity_at', 'text')
      .addColumn('custom_fields', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('search_text', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    const live = sql<boolean>`deleted_at is null`;
    const listIndex = (name: string, columns: string[]) =>
      db.schema.createIndex(name).on('leads').columns(columns).where(live).execute();
    await listIndex('leads_created_idx', ['created_at', 'id']);
    await listIndex('leads_owner_created_idx', ['owner_id', 'created_at', 'id']);
    await listIndex('leads_team_created_idx', ['team_id', 'created_at', 'id']);
    await listIndex('leads_stage_created_idx', ['stage', 'created_at', 'id']);
    await listIndex('leads_owner_stage_created_idx', ['owner_id', 'stage', 'created_at', 'id']);
    await listIndex('leads_revisit_idx', ['revisit_on']);
    await db.schema.createIndex('leads_person_idx').on('leads').column('person_id').execute();
    await db.schema.createIndex('leads_organisation_idx').on('leads').column('organisation_id').execute();

    await db.schema
      .createTable('lead_products')
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
      .addColumn('product_id', 'text', (c) => c.notNull().references('products.id'))
      .addPrimaryKeyConstraint('lead_products_pk', ['lead_id', 'product_id'])
      .execute();
    await db.schema
      .createIndex('lead_products_product_idx')
      .on('lead_products')
      .column('product_id')
      .execute();

    await db.schema
      .createTable('lead_tags')
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
      .addColumn('tag', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lead_tags_pk', ['lead_id', 'tag'])
      .execute();
    await db.schema.createIndex('lead_tags_tag_idx').on('lead_tags').columns(['tag', 'lead_id']).execute();

    await db.schema
      .createTable('lead_history')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id').onDelete('cascade'))
      .addColumn('at', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.references('users.id'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('from_value', 'text')
      .addColumn('to_value', 'text')
      .execute();
    await db.schema
      .createIndex('lead_history_lead_idx')
      .on('lead_history')
      .columns(['lead_id', 'at'])
      .execute();

    await db.schema
      .createTable('activities')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lead_id', 'text', (c) => c.references('leads.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.references('people.id'))
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('subject', 'text')
      .addColumn('body', 'text')
      .addColumn('occurred_at', 'text', (c) => c.notNull())
      .addColumn('due_at', 'text')
      .addColumn('done_at', 'text')
      .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
      .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('channel', 'text', (c) => c.notNull())
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('deleted_at', 'text')
      .execute();
    await db.schema
      .createIndex('activities_lead_idx')
      .on('activities')
      .columns(['lead_id', 'occurred_at', 'id'])
      .execute();
    await db.schema
      .createIndex('activities_person_idx')
      .on('activities')
      .columns(['person_id', 'occurred_at'])
      .execute();
    await db.schema
      .createIndex('activities_open_tasks_idx')
      .on('activities')
      .columns(['assignee_id', 'due_at'])
      .where(sql<boolean>`done_at is null and deleted_at is null`)
      .execute();

    await db.schema
      .createTable('campaign_members')
      .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id').onDelete('cascade'))
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id'))
      .addColumn('lead_id', 'text', (c) => c.references('leads.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('campaign_members_pk', ['campaign_id', 'person_id'])
      .execute();

    await db.schema
      .createTable('custom_fields')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('entity', 'text', (c) => c.notNull())
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('label_lt', 'text', (c) => c.notNull())
      .addColumn('label_en', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('options', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('custom_fields_key_unique')
      .on('custom_fields')
      .columns(['entity', 'key'])
      .unique()
      .execute();

    await db.schema
      .createTable('duplicate_dismissals')
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('id_a', 'text', (c) => c.notNull())
      .addColumn('id_b', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('duplicate_dismissals_pk', ['kind', 'id_a', 'id_b'])
      .execute();

    await db.schema
      .createTable('merges')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('survivor_id', 'text', (c) => c.notNull())
      .addColumn('merged_ids', 'text', (c) => c.notNull())
      .addColumn('snapshot', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('undone_at', 'text')
      .execute();

    const now = new Date().toISOString();
    await db
      .insertInto('sources' as never)
      .values(
        SEED_SOURCES.map((s, i) => ({
          id: s.id,
          key: s.key,
          name_lt: s.lt,
          name_en: s.en,
          active: 1,
          position: i,
          created_at: now,
          updated_at: now,
        })) as never,
      )
      .execute();
  },
});
