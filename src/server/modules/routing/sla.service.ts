import { sql } from 'kysely';
import { Validation } from '../../../domain/errors/app-error.js';
import { OPEN_STAGES } from '../../../domain/leads/stages.js';
import type { Temperature } from '../../../domain/leads/temperature.js';
import {
  DEFAULT_CALENDAR,
  defaultTargets,
  firstResponseDue,
  type SlaTargets,
  type WorkCalendar,
} from '../../../domain/routing/sla.js';
import type { Caller, Deps } from '../../context.js';
import { insertMany } from '../../db/bulk.js';
import type { Db } from '../../db/database.js';
import { recordAudit } from '../audit/audit.repository.js';
import { leadNoticeRow } from '../notifications/notifications.repository.js';
import { readSetting, writeSetting } from '../settings/settings.repository.js';
import { userNames } from './routing.repository.js';
import { rerouteMissed } from './routing.write.js';

/** The organisation's working week, hours, public holidays and first-response targets (admin settings). */
export interface SlaSettings {
  workdays: number[];
  /** Minutes after midnight. */
  dayStart: number;
  dayEnd: number;
  holidays: string[];
  /** Working minutes per temperature. */
  targets: SlaTargets;
  /** A missed first response also re-routes the lead by the routing rules, past its owner. */
  reroute: boolean;
}

const KEY = 'sla';

export async function slaSettings(db: Db): Promise<SlaSettings> {
  const stored = (await readSetting(db, KEY)) as Partial<SlaSettings> | undefined;
  const base = {
    ...DEFAULT_CALENDAR,
    workdays: [...DEFAULT_CALENDAR.workdays],
    holidays: [] as string[],
    reroute: false,
  };
  const merged = { ...base, ...stored };
  return { ...merged, targets: { ...defaultTargets(merged), ...stored?.targets } };
}

export async function updateSlaSettings(
  deps: Deps,
  caller: Caller,
  input: Omit<SlaSettings, 'reroute'> & { reroute?: boolean },
): Promise<SlaSettings> {
  const v = new Validation();
  v.check(
    input.workdays.length > 0 && input.workdays.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
    'workdays',
    'invalid',
  );
  v.check(
    Number.isInteger(input.dayStart) && input.dayStart >= 0 && input.dayStart < 24 * 60,
    'dayStart',
    'out_of_range',
  );
  v.check(
    Number.isInteger(input.dayEnd) && input.dayEnd > input.dayStart && input.dayEnd <= 24 * 60,
    'dayEnd',
    'date_order',
  );
  for (const t of ['hot', 'warm', 'cold'] as const)
    v.check(
      Number.isInteger(input.targets[t]) && input.targets[t] > 0 && input.targets[t] <= 60 * 24 * 30,
      `targets.${t}`,
      'out_of_range',
    );
  v.throwIfAny();
  const value: SlaSettings = {
    ...input,
    reroute: input.reroute ?? false,
    workdays: [...new Set(input.workdays)].sort(),
    holidays: [...new Set(input.holidays)].sort(),
  };
  const at = deps.now().toISOString();
  await deps.db.transaction().execute(async (trx) => {
    const before = await slaSettings(trx);
    await writeSetting(trx, KEY, value, caller.user?.id ?? null, at);
    await recordAudit(trx, caller, {
      entityType: 'settings',
      entityId: KEY,
      action: 'update',
      before,
      after: value,
      at,
    });
  });
  return value;
}

export function calendarOf(settings: SlaSettings, timeZone: string): WorkCalendar {
  return {
    timeZone,
    workdays: settings.workdays,
    dayStart: settings.dayStart,
    dayEnd: settings.dayEnd,
    holidays: new Set(settings.holidays),
  };
}

/**
 * Starts the first-response clock of leads that just got an owner: due by the lead's temperature
 * in the owner's time zone and the organisation's working time; a new owner starts it over.
 */
export async function startSlaClocks(
  db: Db,
  at: string,
  leads: readonly { id: string; ownerId: string; temperature: string }[],
): Promise<void> {
  if (leads.length === 0) return;
  const settings = await slaSettings(db);
  const owners = await db
    .selectFrom('users')
    .select(['id', 'time_zone'])
    .where('id', 'in', [...new Set(leads.map((l) => l.ownerId))])
    .execute();
  const zone = new Map(owners.map((o) => [o.id, o.time_zone]));
  const assigned = new Date(at);
  // every lead here starts at the same moment: one due time per temperature and time zone
  const dues = new Map<string, string>();
  const dueOf = (temperature: string, timeZone: string) => {
    const key = `${temperature}|${timeZone}`;
    let due = dues.get(key);
    if (due === undefined) {
      due = firstResponseDue(
        assigned,
        temperature as Temperature,
        calendarOf(settings, timeZone),
        settings.targets,
      ).toISOString();
      dues.set(key, due);
    }
    return due;
  };
  for (let i = 0; i < leads.length; i += 500) {
    const values = sql.join(
      leads
        .slice(i, i + 500)
        .map((l) => sql`(${l.id}, ${dueOf(l.temperature, zone.get(l.ownerId) ?? 'Europe/Vilnius')})`),
    );
    await sql`with v(id, due) as (values ${values})
      update leads set assigned_at = ${at}, first_response_due_at = v.due, first_contact_at = null, sla_escalated_at = null
      from v where leads.id = v.id`.execute(db);
  }
}

/** The first call, e-mail or meeting logged on a lead (once): it stops a running clock and leaves the inbox. */
export async function noteFirstContact(db: Db, leadId: string, at: string): Promise<void> {
  await db
    .updateTable('leads')
    .set({ first_contact_at: at })
    .where('id', '=', leadId)
    .where('first_contact_at', 'is', null)
    .execute();
}

/**
 * Leads whose first contact is overdue go to the manager of the owner's team (the owner when the
 * team has none), once per lead and assignment; with "re-route" on, each is also dealt again by the
 * routing rules past the owner who missed it, and the new owner's clock starts. Returns how many
 * were escalated.
 */
export async function escalateOverdue(deps: Deps): Promise<number> {
  const now = deps.now().toISOString();
  const overdue = await deps.db
    .selectFrom('leads')
    .leftJoin('users as owner', 'owner.id', 'leads.owner_id')
    .leftJoin('teams', 'teams.id', 'owner.team_id')
    .select([
      'leads.id',
      'leads.title',
      'leads.owner_id',
      'leads.first_response_due_at',
      'teams.manager_id',
      'owner.name as owner_name',
    ])
    .where('leads.first_response_due_at', '<', now)
    .where('leads.first_contact_at', 'is', null)
    .where('leads.sla_escalated_at', 'is', null)
    .where('leads.owner_id', 'is not', null)
    .where('leads.stage', 'in', [...OPEN_STAGES])
    .where('leads.deleted_at', 'is', null)
    .orderBy('leads.first_response_due_at')
    .limit(500)
    .execute();
  if (overdue.length === 0) return 0;
  const { reroute } = await slaSettings(deps.db);
  let escalated = 0;
  await deps.db.transaction().execute(async (trx) => {
    // Claimed under the same conditions again, in the transaction: a lead contacted, reassigned or
    // escalated by another run since the list was read is not escalated (nor taken away) again.
    const claimed = await trx
      .updateTable('leads')
      .set({ sla_escalated_at: now })
      .where(
        'id',
        'in',
        overdue.map((l) => l.id),
      )
      .where('sla_escalated_at', 'is', null)
      .where('first_contact_at', 'is', null)
      .where('first_response_due_at', '<', now)
      .where('owner_id', 'is not', null)
      .where('stage', 'in', [...OPEN_STAGES])
      .where('deleted_at', 'is', null)
      .returning(['id', 'owner_id'])
      .execute();
    const ownerNow = new Map(claimed.map((c) => [c.id, c.owner_id]));
    const mine = overdue.filter((l) => ownerNow.has(l.id) && ownerNow.get(l.id) === l.owner_id);
    escalated = claimed.length;
    const rerouted = reroute
      ? await rerouteMissed(
          trx,
          now,
          mine.map((l) => ({ id: l.id, ownerId: l.owner_id as string })),
        )
      : new Map<string, { ownerId: string }>();
    const names = await userNames(
      trx,
      [...rerouted.values()].map((r) => r.ownerId),
    );
    await insertMany(
      trx,
      'notifications',
      mine.map((l) =>
        leadNoticeRow(
          {
            kind: 'lead_sla_breached',
            userId: (l.manager_id ?? l.owner_id) as string,
            leadId: l.id,
            data: {
              title: l.title,
              owner: l.owner_name,
              dueAt: l.first_response_due_at,
              reroutedTo: names.get(rerouted.get(l.id)?.ownerId ?? '') ?? null,
            },
            dedupeKey: `lead_sla_breached:${l.id}:${l.first_response_due_at}`,
          },
          now,
        ),
      ),
      { doNothingOn: ['dedupe_key'] },
    );
  });
  return escalated;
}
