import { describe, expect, it } from 'vitest';
import { customFieldKey, IDENTITY_FIELDS, IMPORT_FIELDS, isIdentityField, isImportField } from './fields.js';

describe('isImportField', () => {
  it.each<[string, boolean]>([
    ['person.firstName', true],
    ['person.fullName', true],
    ['organisation.companyCode', true],
    ['lead.tags', true],
    ['external.id', true],
    ['cf.budget', true],
    ['cf.b', true],
    ['cf.budget_eur_2025', true],
    [`cf.a${'b'.repeat(62)}`, true],
    [`cf.a${'b'.repeat(63)}`, false],
    ['cf.', false],
    ['cf.Budget', false],
    ['cf.2budget', false],
    ['cf._budget', false],
    ['cf.budget-eur', false],
    ['cf.budget\n', false],
    ['person.emails', false],
    ['person.organisationId', false],
    ['Person.firstName', false],
    ['firstName', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isImportField(value)).toBe(expected);
  });

  it('accepts every catalogued field', () => {
    expect(IMPORT_FIELDS.every(isImportField)).toBe(true);
  });
});

describe('isIdentityField', () => {
  it.each<[string, boolean]>([
    ['person.email', true],
    ['person.phone', true],
    ['person.firstName', true],
    ['person.lastName', true],
    ['person.fullName', true],
    ['organisation.name', true],
    ['organisation.companyCode', false],
    ['person.jobTitle', false],
    ['lead.title', false],
    ['external.id', false],
    ['cf.email', false],
  ])('%s → %s', (field, expected) => {
    expect(isIdentityField(field)).toBe(expected);
  });

  it('lists only catalogued fields as identity fields', () => {
    expect(IDENTITY_FIELDS.every((field) => (IMPORT_FIELDS as readonly string[]).includes(field))).toBe(true);
  });
});

describe('customFieldKey', () => {
  it.each<[string, string | null]>([
    ['cf.budget', 'budget'],
    ['cf.budget_eur', 'budget_eur'],
    ['cf.Budget', null],
    ['person.email', null],
    ['cf.', null],
  ])('%s → %j', (field, expected) => {
    expect(customFieldKey(field)).toBe(expected);
  });
});
