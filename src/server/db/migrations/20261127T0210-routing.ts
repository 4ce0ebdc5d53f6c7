import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * Routing (issue #5 §4).
 *
 * - `routing_rules`: ordered (`position`); the first active one whose conditions (`conditions_json`,
 *   scoring's fit conditions plus `lead.score`) all hold sends a new lead to a team or to the people
 *   in `user_ids_json`, by `strategy` (round_robin | weighted | least_loaded; `weights_json` for
 *   weighted).
 * - `routing_state`: a rule's memory between leads (who got the last one, the running weights).
 *   Routing locks the rule's row for the rest of its transaction, so two instances assigning at
 *   once take turns: no skew, no lead routed twice.
 * - `lead_assignments`: why a lead got its owner — the rule, strategy, every candidate and why
 *   any was skipped — and when (with the lead's creation time: the routing delay).
 * - `users.capacity`: the most open leads a person takes (null: no limit).
 */
export const routing: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('routing_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('name', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('conditions_json', 'text', (c) => c.notNull())
      .addColumn('team_id', 'text', (c) => c.references('teams.id'))
      .addColumn('user_ids_json', 'text', (c) => c.notNull())
      .addColumn('strategy', 'text', (c) => c.notNull())
      .addColumn('weights_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('routing_state')
      .addColumn('rule_id', 'text', (c) => c.primaryKey().references('routing_rules.id'))
      .addColumn('last_user_id', 'text')
      .addColumn('currents_json', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('lead_assignments')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
      .addColumn('user_id', 'text', (c) => c.references('users.id'))
      .addColumn('rule_id', 'text')
      .addColumn('rule_name', 'text')
      .addColumn('strategy', 'text')
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('candidates_json', 'text', (c) => c.notNull())
      .addColumn('lead_created_at', 'text', (c) => c.notNull())
      .addColumn('assigned_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('lead_assignments_lead')
      .on('lead_assignments')
      .columns(['lead_id', 'assigned_at'])
      .execute();

    await db.schema.alterTable('users').addColumn('capacity', 'integer').execute();
  },
});
