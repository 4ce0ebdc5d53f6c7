import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * The predictive score (issue #5 §3): each training's result — its quality on held-out leads
 * (`quality_json`: status, AUC, calibration by decile, counts) and, when useful, the model itself
 * (`model_json`: feature weights). The newest row is the one in use.
 */
export const predictive: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('predictive_models')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('trained_at', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('quality_json', 'text', (c) => c.notNull())
      .addColumn('model_json', 'text')
      .execute();
    await db.schema
      .createIndex('predictive_models_trained')
      .on('predictive_models')
      .columns(['trained_at'])
      .execute();
  },
});
