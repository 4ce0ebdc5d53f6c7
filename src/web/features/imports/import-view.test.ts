import { describe, expect, it } from 'vitest';
import type { ImportStatus } from '../../lib/api';
import {
  countsCheck,
  failureReason,
  importActions,
  importFieldOf,
  isActive,
  sampleView,
} from './import-view';

const NOW = new Date('2025-03-10T12:00:00Z');
const LATER = '2025-04-09T12:00:00.000Z';
const EARLIER = '2025-03-01T12:00:00.000Z';

describe('importActions', () => {
  it.each<[ImportStatus, boolean, string | null, { run: boolean; cancel: boolean; undo: boolean }]>([
    ['queued', true, null, { run: false, cancel: true, undo: false }],
    ['running', false, null, { run: false, cancel: true, undo: false }],
    ['previewed', true, null, { run: true, cancel: false, undo: false }],
    ['done', false, LATER, { run: false, cancel: false, undo: true }],
    ['done', false, EARLIER, { run: false, cancel: false, undo: false }],
    ['cancelled', false, LATER, { run: false, cancel: false, undo: true }],
    ['failed', false, LATER, { run: false, cancel: false, undo: true }],
    ['undoing', false, null, { run: false, cancel: false, undo: false }],
    ['undone', false, null, { run: false, cancel: false, undo: false }],
  ])('%s (dry run %s, undo until %s)', (status, dryRun, undoUntil, expected) => {
    expect(importActions({ status, dryRun, undoUntil }, NOW)).toEqual(expected);
  });

  it('poll only while the server works', () => {
    expect((['queued', 'running', 'undoing'] as const).every(isActive)).toBe(true);
    expect((['previewed', 'done', 'failed', 'cancelled', 'undone'] as const).some(isActive)).toBe(false);
  });
});

describe('importFieldOf', () => {
  it.each<[string, string | null]>([
    ['person.emails.0', 'person.email'],
    ['person.phones.0', 'person.phone'],
    ['customFields.budget', 'cf.budget'],
    ['organisation.name', 'organisation.name'],
    ['timeframe', 'lead.timeframe'],
    ['person', null],
    ['*', null],
  ])('%s → %s', (field, expected) => {
    expect(importFieldOf(field)).toBe(expected);
  });
});

describe('sampleView', () => {
  it('joins a created row’s values in reading order', () => {
    const view = sampleView({
      values: {
        values: {
          person: { firstName: 'Jonas', lastName: 'Šimkus', email: 'jonas@example.lt' },
          organisation: { name: 'UAB "Žuvėdra"; filialas' },
          lead: { tags: ['vip', 'b2b'] },
          customFields: { budget: '1000' },
        },
      },
    });
    expect(view).toEqual({
      text: 'Jonas Šimkus · jonas@example.lt · UAB "Žuvėdra"; filialas · vip, b2b · budget: 1000',
      problems: [],
    });
  });

  it('lists a rejected row’s errors by import field', () => {
    expect(
      sampleView({
        values: {
          values: { person: { firstName: 'Ona', email: 'ona@' } },
          errors: [{ field: 'person.emails.0', code: 'invalid_format' }],
        },
      }),
    ).toEqual({ text: 'Ona · ona@', problems: [{ field: 'person.email', code: 'invalid_format' }] });
  });

  it('says why a row was skipped, and copes with a row that has no values', () => {
    expect(
      sampleView({ values: { values: { person: { email: 'a@b.lt' } }, reason: 'duplicate_in_file' } }),
    ).toEqual({
      text: 'a@b.lt',
      problems: [{ field: null, code: 'duplicate_in_file' }],
    });
    expect(sampleView({ values: { errors: [{ field: '*', code: 'ragged_row' }] } })).toEqual({
      text: '',
      problems: [{ field: null, code: 'ragged_row' }],
    });
    expect(sampleView({ values: null })).toEqual({ text: '', problems: [] });
  });
});

describe('countsCheck', () => {
  const counts = { created: 2, updated: 1, skipped: 1, rejected: 1 };
  it.each<[string, ImportStatus, number | null, number, { ok: boolean; total: number } | null]>([
    ['a finished import whose counts add up', 'done', 5, 5, { ok: true, total: 5 }],
    ['a previewed dry run', 'previewed', 5, 5, { ok: true, total: 5 }],
    ['counts that miss a row', 'done', 6, 6, { ok: false, total: 6 }],
    ['a cancelled one, against the rows it read', 'cancelled', null, 5, { ok: true, total: 5 }],
    ['one still running', 'running', null, 3, null],
  ])('%s', (_, status, total, rowsDone, expected) => {
    expect(countsCheck({ status, total, rowsDone, ...counts })).toEqual(expected);
  });
});

describe('failureReason', () => {
  it('reads the import thread’s memory limit out of its failure, and leaves other reasons as written', () => {
    expect(
      failureReason('out of memory: the import thread may use 256 MB (PILTUVAS_IMPORT_HEAP_MB)'),
    ).toEqual({
      key: 'outOfMemory',
      megabytes: 256,
    });
    expect(failureReason('The user who started it is disabled')).toEqual({
      key: null,
      text: 'The user who started it is disabled',
    });
    expect(failureReason(null)).toEqual({ key: null, text: '' });
  });
});
