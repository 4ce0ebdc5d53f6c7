import { type Kysely, sql } from 'kysely';
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
    // only clocks still running: the escalation job reads these, not every lead ever assigned
    await db.schema
      .createIndex('leads_first_response_due')
      .on('leads')
      .columns(['first_response_due_at'])
      .where(sql.ref('first_contact_at'), 'is', null)
      .where(sql.ref('sla_escalated_at'), 'is', null)
      .execute();
    // why: leads from before this had their first contact in some way this cannot tell; they are
    // not "new leads" waiting in anyone's inbox.
    await sql`update leads set first_contact_at = created_at where first_contact_at is null`.execute(db);
  },
});
