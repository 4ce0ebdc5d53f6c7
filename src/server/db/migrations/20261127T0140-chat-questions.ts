import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * A chat widget's own wording of the bot's questions and closing words (`questions_json`: JSON
 * `{ askName?, askContact?, askInterest?, askTimeframe?, done? }`, each `{ lt, en }`; null → the
 * bot's own), next to the greeting it already had.
 */
export const chatQuestions: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('chat_widgets').addColumn('questions_json', 'text').execute();
  },
});
