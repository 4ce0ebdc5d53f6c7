import type { Selectable } from 'kysely';
import type { Scope } from '../../../domain/access/policy.js';
import type { Organisation } from '../../../domain/people/person.js';
import type { Db, OrganisationsTable } from '../../db/database.js';
import { scopeCondition } from '../../db/scope.js';

export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return {
    id: row.id,
    name: row.name,
    companyCode: row.company_code,
    vatCode: row.vat_code,
    website: row.website,
    domain: row.domain,
    size: row.size,
    industry: row.industry,
    country: row.country,
    city: row.city,
    customFields: JSON.parse(row.custom_fields) as Record<string, unknown>,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findOrganisation(db: Db, id: string): Promise<Organisation | undefined> {
  const row = await db
    .selectFrom('organisations')
    .selectAll()
    .where('id', '=', id)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return row && toOrganisation(row);
}

export async function findOrganisations(db: Db, ids: readonly string[]): Promise<Map<string, Organisation>> {
  if (ids.length === 0) return new Map();
  const rows = await db.selectFrom('organisations').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.map((r) => [r.id, toOrganisation(r)]));
}

/**
 * Live organisations by company code (the legal identity a new lead's organisation reuses) or by
 * website domain (reused only when an import matches on the organisation); the oldest per value.
 */
export async function organisationsBy(
  db: Db,
  key: 'company_code' | 'domain',
  values: readonly string[],
): Promise<Map<string, Organisation>> {
  if (values.length === 0) return new Map();
  const rows = await db
    .selectFrom('organisations')
    .selectAll()
    .where(key, 'in', values)
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .orderBy('id')
    .execute();
  const found = new Map<string, Organisation>();
  for (const row of rows) {
    const value = row[key];
    if (value && !found.has(value)) found.set(value, toOrganisation(row));
  }
  return found;
}

export async function saveOrganisation(
  db: Db,
  org: Organisation,
  searchText: string,
  isNew: boolean,
): Promise<void> {
  const row = organisationRow(org, searchText);
  if (isNew)
    await db
      .insertInto('organisations')
      .values({ ...row, id: org.id, created_at: org.createdAt })
      .execute();
  else await db.updateTable('organisations').set(row).where('id', '=', org.id).execute();
}

/** An organisation's own columns (the bulk writer inserts many with id and created_at). */
export function organisationRow(org: Organisation, searchText: string) {
  return {
    name: org.name,
    company_code: org.companyCode,
    vat_code: org.vatCode,
    website: org.website,
    domain: org.domain,
    size: org.size,
    industry: org.industry,
    country: org.country,
    city: org.city,
    custom_fields: JSON.stringify(org.customFields),
    search_text: searchText,
    updated_at: org.updatedAt,
  };
}

/** Live organisations with this company code or domain (excluding `exceptId`). */
export async function organisationsMatching(
  db: Db,
  keys: { companyCode: string | null; domain: string | null },
  exceptId?: string,
): Promise<{ organisationId: string; kind: 'company_code' | 'domain'; value: string }[]> {
  if (!keys.companyCode && !keys.domain) return [];
  const rows = await db
    .selectFrom('organisations')
    .select(['id', 'company_code', 'domain'])
    .where('deleted_at', 'is', null)
    .where('merged_into_id', 'is', null)
    .where((eb) =>
      eb.or([
        ...(keys.companyCode ? [eb('company_code', '=', keys.companyCode)] : []),
        ...(keys.domain ? [eb('domain', '=', keys.domain)] : []),
      ]),
    )
    .execute();
  return rows
    .filter((r) => r.id !== exceptId)
    .map((r) =>
      keys.companyCode && r.company_code === keys.companyCode
        ? { organisationId: r.id, kind: 'company_code' as const, value: r.company_code }
        : { organisationId: r.id, kind: 'domain' as const, value: r.domain ?? '' },
    );
}

/** Whether any live lead of the organisation falls in the scope: organisations are seen through leads. */
export async function organisationInScope(db: Db, scope: Scope, organisationId: string): Promise<boolean> {
  if (scope.kind === 'all') return true;
  if (scope.kind === 'none') return false;
  const row = await db
    .selectFrom('leads')
    .select('leads.id')
    .where('leads.organisation_id', '=', organisationId)
    .where('leads.deleted_at', 'is', null)
    .where((eb) => scopeCondition(eb, scope, { owner: 'leads.owner_id', team: 'leads.team_id' }))
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
