import { type Kysely, sql } from 'kysely';
import type { MigrationFactory } from './index.js';

/** The score every install starts with: no rules yet, so every lead keeps 0 until someone adds some. */
export const DEFAULT_SCORE_ID = '01900000-0000-7000-8000-0000000005c0';

/**
 * Rule-based scoring (issue #5 §1–2).
 *
 * - `scoring_models`: a score (one per product line, say) with its MQL and SQL thresholds, caps
 *   (`group_caps_json`: `{ group: points }`), the half-life of behaviour points and whether a fading
 *   score moves a lead back. `is_primary` marks the one `leads.score` carries (lists sort by it);
 *   `version` goes up with every change of its rules, which is what a rescore runs to.
 * - `scoring_rules`: ordered rules of a score, fit (`field`, `operator`, `value_json`) or
 *   behaviour (`behaviour`), with points and an optional cap group.
 * - `lead_scores`: a lead's score under each model with its "why" (`lines_json`: rule, points,
 *   since when), written in the same transaction as the change that caused it.
 * - `leads.stage_by_person`: 1 once a person set the lead's stage; scores never move it then.
 * - `scoring_runs`: a rescore of every lead after a rule change, in lead id order: `cursor` is the
 *   last lead done, written in the same transaction as that chunk's scores, so a restart resumes
 *   where it stopped and no lead is left half-rescored; `lease_until` keeps a second instance
 *   off a run in progress; a newer change supersedes a running one. `rule_ids_json`: the rules
 *   whose change started it (only leads they touch are rescored); null: all leads are.
 */
export const scoring: MigrationFactory = () => ({
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('scoring_models')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('name_lt', 'text', (c) => c.notNull())
      .addColumn('name_en', 'text', (c) => c.notNull())
      .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('mql_threshold', 'integer', (c) => c.notNull())
      .addColumn('sql_threshold', 'integer', (c) => c.notNull())
      .addColumn('total_cap', 'integer')
      .addColumn('group_caps_json', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('half_life_days', 'real')
      .addColumn('demote_on_decay', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('scoring_rules')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('model_id', 'text', (c) => c.notNull().references('scoring_models.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text')
      .addColumn('operator', 'text')
      .addColumn('value_json', 'text')
      .addColumn('behaviour', 'text')
      .addColumn('points', 'integer', (c) => c.notNull())
      .addColumn('group_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('scoring_rules_model')
      .on('scoring_rules')
      .columns(['model_id', 'position'])
      .execute();

    await db.schema
      .createTable('lead_scores')
      .addColumn('lead_id', 'text', (c) => c.notNull().references('leads.id'))
      .addColumn('model_id', 'text', (c) => c.notNull().references('scoring_models.id'))
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('lines_json', 'text', (c) => c.notNull())
      .addColumn('computed_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('lead_scores_pk', ['lead_id', 'model_id'])
      .execute();
    await db.schema
      .createIndex('lead_scores_model_total')
      .on('lead_scores')
      .columns(['model_id', 'total'])
      .execute();

    await db.schema
      .createTable('scoring_runs')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('total', 'integer', (c) => c.notNull())
      .addColumn('done', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cursor', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('requested_by', 'text', (c) => c.references('users.id'))
      .addColumn('started_at', 'text', (c) => c.notNull())
      .addColumn('finished_at', 'text')
      .addColumn('rule_ids_json', 'text')
      .execute();
    await db.schema
      .createIndex('scoring_runs_status')
      .on('scoring_runs')
      .columns(['status', 'started_at'])
      .execute();

    await db.schema
      .alterTable('leads')
      .addColumn('stage_by_person', 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
    // why: a stage a person chose before scoring existed stays theirs (anything past suspect).
    await sql`update leads set stage_by_person = 1 where stage <> 'suspect'`.execute(db);

    const now = new Date().toISOString();
    await sql`insert into scoring_models
      (id, name_lt, name_en, is_primary, mql_threshold, sql_threshold, half_life_days, created_at, updated_at)
      values (${DEFAULT_SCORE_ID}, ${'Potencialaus kliento balai'}, ${'Lead score'}, 1, 50, 100, 30, ${now}, ${now})`.execute(
      db,
    );
  },
});
