// The generator's activities and stage history of one lead.
import { DAY } from './config.mjs';
import { ACTIVITY_TYPE, CALL_OUTCOMES, EXTRA_ACTIVITIES, NOTES, TASK_SUBJECTS } from './data.mjs';
import { derive } from './derive.mjs';
import { chance, idAt, int, iso, pick, rand } from './random.mjs';

/**
 * The lead's timeline: the 'created' event, a stage event (with its history row) when the lead
 * moved, then notes, calls and tasks over its first 120 days, added to `out.activities` and
 * `out.lead_history`. → the time of its last activity.
 */
export function addTimeline(out, lead) {
  const { id: leadId, personId, createdMs, stage, stageChangedMs, channel, actorId, latest } = lead;
  const push = (id, type, subject, body, at, dueAt, doneAt, assigneeId, data, updatedAt) =>
    out.activities.push([
      id,
      leadId,
      personId,
      type,
      subject,
      body,
      at,
      dueAt,
      doneAt,
      assigneeId,
      data,
      channel,
      actorId,
      at,
      updatedAt,
      null,
    ]);
  const systemEvent = (ms, data, json = JSON.stringify(data)) =>
    push(idAt(ms), 'system', data.event, null, iso(ms), null, null, null, json, iso(ms));
  systemEvent(createdMs, { event: 'created' }, derive.createdEvent());
  if (stage !== 'suspect') {
    const from = stage === 'sql' || stage === 'converted' ? 'mql' : 'suspect';
    const data = { event: 'stage_changed', from, to: stage };
    if (lead.reason) data.reason = lead.reason;
    if (lead.revisitOn) data.revisitOn = lead.revisitOn;
    if (lead.competitor) data.competitor = lead.competitor;
    systemEvent(stageChangedMs, data);
    const at = iso(stageChangedMs);
    out.lead_history.push([idAt(stageChangedMs), leadId, at, actorId, channel, 'stage', from, stage]);
  }

  // Each kind adds its row and returns when it counts as the lead's activity (0: not yet). The order
  // of draws fixes the seeded data, so runs stay comparable: the id is drawn before subject or body.
  const add = {
    task: (ms, at) => {
      const dueMs = ms + (1 + int(14)) * DAY;
      const doneMs = dueMs < latest && chance(0.8) ? Math.min(latest, dueMs - rand() * DAY) : null;
      const done = doneMs ? iso(doneMs) : null;
      const assigneeId = lead.ownerId ?? actorId;
      push(idAt(ms), 'task', pick(TASK_SUBJECTS), null, at, iso(dueMs), done, assigneeId, '{}', done ?? at);
      return doneMs ?? 0;
    },
    call: (ms, at) => {
      const outcome = CALL_OUTCOMES();
      const data = {
        direction: chance(0.7) ? 'outbound' : 'inbound',
        outcome,
        ...(outcome === 'connected' ? { durationSeconds: 30 + int(1200) } : {}),
      };
      const json = JSON.stringify(data);
      push(idAt(ms), 'call', null, chance(0.5) ? pick(NOTES) : null, at, null, null, null, json, at);
      return ms;
    },
    note: (ms, at) => {
      push(idAt(ms), 'note', null, pick(NOTES), at, null, null, null, '{}', at);
      return ms;
    },
  };
  let lastActivityMs = createdMs;
  const extra = EXTRA_ACTIVITIES() - (stage === 'suspect' ? 0 : 1);
  const spanMs = Math.max(60_000, Math.min(latest, createdMs + 120 * DAY) - createdMs);
  for (let k = 0; k < Math.max(0, extra); k++) {
    const ms = createdMs + rand() * spanMs;
    lastActivityMs = Math.max(lastActivityMs, add[ACTIVITY_TYPE()](ms, iso(ms)));
  }
  return lastActivityMs;
}
