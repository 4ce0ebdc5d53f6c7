import type { Kysely } from 'kysely';
import type { MigrationFactory } from './index.js';

/**
 * Speed-to-lead (issue #5 §5), on the lead: when it got its owner (`assigned_at`), when the first
 * contact is due by its temperature in the owner's working time (`first_response_due_at`), when the
 * owner first called, wrote or met (`first_contact_at`), and when a missed target was escalated to
 * the team's manager (`sla_escalated_at`, once). The escalation job reads overdue leads by the due
 * time's index.
 */
export const sla: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('leads').addColumn('assigned_at', 'text').execute();
    await db.schema.alterTable('leads').addColumn('first_response_due_at', 'text').execute();
    await db.schema.alterTable('leads').addColumn('first_contact_at', 'text').execute();
    await db.schema.alterTable('leads').addColumn('sla_escalated_at', 'text').execute();
    await db.schema
      .createIndex('leads_first_response_due')
      .on('leads')
      .columns(['first_response_due_at'])
      .execute();
  },
});
