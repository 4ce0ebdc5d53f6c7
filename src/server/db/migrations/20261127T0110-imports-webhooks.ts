import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * List imports and inbound webhooks (issue #4).
 *
 * - `imports`: one upload and its settings, status and counters. The job that runs it holds a
 *   lease (`lease_owner`, `lease_until`), so after a crash another start or instance resumes it;
 *   every batch commits its rows, its ledger and the counters together, so a resumed import
 *   neither loses nor repeats a row.
 * - `import_chunks`: the uploaded file itself, in 1 MiB pieces — any instance can resume.
 * - `import_rows`: one ledger row per file row (outcome, what it created, the values it replaced),
 *   so `created + updated + skipped + rejected = total` is a count, writing a row twice is a key
 *   violation, and undo knows exactly what to remove and what to put back.
 * - `import_errors`: why a row was rejected, per field, for the downloadable report.
 * - `import_keys`: identity keys seen in a dry run (nothing is written then, so a repeat later in
 *   the file must be found here).
 * - `external_ids`: another system's record id of a person (match on external id).
 * - `integrations` / `webhook_events`: an inbound webhook's settings and every event received,
 *   unique per sender's event id (the same event twice makes one lead).
 */
export const importsAndWebhooks: MigrationFactory = (dialect) => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('imports')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('created_by', 'text', (c) => c.notNull().references('users.id'))
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('dry_run', 'integer', (c) => c.notNull())
      .addColumn('file_name', 'text', (c) => c.notNull())
      .addColumn('file_kind', 'text', (c) => c.notNull())
      .addColumn('file_size', 'bigint', (c) => c.notNull())
      .addColumn('encoding', 'text')
      .addColumn('delimiter', 'text')
      .addColumn('header', 'text')
      .addColumn('mapping', 'text', (c) => c.notNull())
      .addColumn('match', 'text', (c) => c.notNull())
      .addColumn('mode', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
      .addColumn('member_status', 'text')
      .addColumn('external_system', 'text')
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('total_rows', 'integer')
      .addColumn('rows_done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('bytes_done', 'bigint', (c) => c.notNull().defaultTo(0))
      .addColumn('created', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('updated', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('skipped', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('rejected', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_owner', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('error', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('started_at', 'text')
      .addColumn('finished_at', 'text')
      .addColumn('undone_at', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('imports_status_idx')
      .on('imports')
      .columns(['status', 'lease_until'])
      .execute();
    await db.schema
      .createIndex('imports_creator_idx')
      .on('imports')
      .columns(['created_by', 'created_at'])
      .execute();

    await db.schema
      .createTable('import_chunks')
      .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
      .addColumn('seq', 'integer', (c) => c.notNull())
      .addColumn('data', dialect === 'postgres' ? 'bytea' : 'blob', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_chunks_pk', ['import_id', 'seq'])
      .execute();

    let rows = db.schema
      .createTable('import_rows')
      .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
      .addColumn('row_no', 'integer', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('outcome', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text')
      .addColumn('person_id', 'text')
      .addColumn('organisation_id', 'text')
      .addColumn('created_person', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('created_organisation', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('before', 'text')
      .addColumn('sample', 'text')
      .addPrimaryKeyConstraint('import_rows_pk', ['import_id', 'row_no']);
    if (dialect === 'sqlite') rows = rows.modifyEnd(sql`without rowid`);
    await rows.execute();

    let errors = db.schema
      .createTable('import_errors')
      .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
      .addColumn('row_no', 'integer', (c) => c.notNull())
      .addColumn('line', 'integer', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('code', 'text', (c) => c.notNull())
      .addColumn('value', 'text')
      .addPrimaryKeyConstraint('import_errors_pk', ['import_id', 'row_no', 'field']);
    if (dialect === 'sqlite') errors = errors.modifyEnd(sql`without rowid`);
    await errors.execute();

    let keys = db.schema
      .createTable('import_keys')
      .addColumn('import_id', 'text', (c) => c.notNull().references('imports.id').onDelete('cascade'))
      .addColumn('key', 'text', (c) => c.notNull())
      .addColumn('row_no', 'integer', (c) => c.notNull())
      .addPrimaryKeyConstraint('import_keys_pk', ['import_id', 'key']);
    if (dialect === 'sqlite') keys = keys.modifyEnd(sql`without rowid`);
    await keys.execute();

    await db.schema
      .createTable('external_ids')
      .addColumn('system', 'text', (c) => c.notNull())
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('person_id', 'text', (c) => c.notNull().references('people.id').onDelete('cascade'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('external_ids_pk', ['system', 'external_id'])
      .execute();
    await db.schema.createIndex('external_ids_person_idx').on('external_ids').column('person_id').execute();

    await db.schema
      .createTable('integrations')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('secret_enc', 'text', (c) => c.notNull())
      .addColumn('secret_prev_enc', 'text')
      .addColumn('rotated_at', 'text')
      .addColumn('mapping', 'text', (c) => c.notNull())
      .addColumn('source_id', 'text', (c) => c.references('sources.id'))
      .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
      .addColumn('owner_id', 'text', (c) => c.references('users.id'))
      .addColumn('created_by', 'text', (c) => c.references('users.id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('webhook_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('integration_id', 'text', (c) => c.notNull().references('integrations.id'))
      .addColumn('event_id', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('body', 'text', (c) => c.notNull())
      .addColumn('lead_id', 'text', (c) => c.references('leads.id').onDelete('set null'))
      .addColumn('person_id', 'text', (c) => c.references('people.id').onDelete('set null'))
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('lease_until', 'text')
      .addColumn('error', 'text')
      .addColumn('received_at', 'text', (c) => c.notNull())
      .addColumn('processed_at', 'text')
      .execute();
    await db.schema
      .createIndex('webhook_events_event_idx')
      .on('webhook_events')
      .columns(['integration_id', 'event_id'])
      .unique()
      .execute();
    await db.schema
      .createIndex('webhook_events_queue_idx')
      .on('webhook_events')
      .columns(['received_at', 'id'])
      .where(sql<boolean>`status in ('pending', 'processing')`)
      .execute();
    await db.schema
      .createIndex('webhook_events_list_idx')
      .on('webhook_events')
      .columns(['integration_id', 'received_at'])
      .execute();
  },
});
