import { type Expression, type RawBuilder, type SqlBool, sql } from 'kysely';
import type { CustomFilter } from '../../domain/custom-fields/filters.js';
import type { DialectName } from './connect.js';

/** `%text%` for LIKE, with the pattern characters of the text escaped (ESCAPE '\'). */
function containsPattern(text: string): string {
  return `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/**
 * The SQL twin of a custom-field condition (`parseCustomFilter`) over a JSON text column such as
 * `leads.custom_fields`. SQLite reads it with json_extract/json_each, PostgreSQL as jsonb. Values
 * were validated on write, so a number field holds JSON numbers; the type checks only keep a
 * stray value from matching. Text matching ignores case (SQLite: ASCII letters only).
 */
export function customFilterCondition(
  dialect: DialectName,
  column: string,
  f: CustomFilter,
): Expression<SqlBool> {
  return dialect === 'postgres' ? postgres(column, f) : sqlite(column, f);
}

function both(parts: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

function sqlite(column: string, f: CustomFilter): RawBuilder<SqlBool> {
  const col = sql.ref(column);
  const path = `$."${f.key}"`;
  const value = sql`json_extract(${col}, ${path})`;
  const type = sql`json_type(${col}, ${path})`;
  switch (f.kind) {
    case 'text':
      return sql<SqlBool>`(${type} = 'text' and ${value} like ${containsPattern(f.contains)} escape '\\')`;
    case 'number':
    case 'date': {
      const [low, high] = f.kind === 'number' ? [f.min, f.max] : [f.from, f.to];
      const parts = [
        f.kind === 'number' ? sql<SqlBool>`${type} in ('integer', 'real')` : sql<SqlBool>`${type} = 'text'`,
      ];
      if (low !== null) parts.push(sql<SqlBool>`${value} >= ${low}`);
      if (high !== null) parts.push(sql<SqlBool>`${value} <= ${high}`);
      return both(parts);
    }
    case 'select':
      return sql<SqlBool>`(${type} = 'text' and ${value} in (${sql.join(f.anyOf)}))`;
    case 'multiselect':
      return sql<SqlBool>`(${type} = 'array' and exists (select 1 from json_each(${col}, ${path}) as e where e.value in (${sql.join(f.anyOf)})))`;
    case 'boolean':
      return sql<SqlBool>`${type} = ${f.value ? 'true' : 'false'}`;
  }
}

function postgres(column: string, f: CustomFilter): RawBuilder<SqlBool> {
  const json = sql`(${sql.ref(column)}::jsonb -> ${f.key})`;
  const text = sql`(${sql.ref(column)}::jsonb ->> ${f.key})`;
  const type = sql`jsonb_typeof(${json})`;
  switch (f.kind) {
    case 'text':
      return sql<SqlBool>`(${type} = 'string' and ${text} ilike ${containsPattern(f.contains)})`;
    case 'number': {
      const parts = [sql<SqlBool>`${type} = 'number'`];
      const number = sql`(case when ${type} = 'number' then ${text}::numeric end)`;
      if (f.min !== null) parts.push(sql<SqlBool>`${number} >= ${f.min}`);
      if (f.max !== null) parts.push(sql<SqlBool>`${number} <= ${f.max}`);
      return both(parts);
    }
    case 'date': {
      const parts = [sql<SqlBool>`${type} = 'string'`];
      if (f.from !== null) parts.push(sql<SqlBool>`${text} >= ${f.from}`);
      if (f.to !== null) parts.push(sql<SqlBool>`${text} <= ${f.to}`);
      return both(parts);
    }
    case 'select':
      return sql<SqlBool>`(${type} = 'string' and ${text} in (${sql.join(f.anyOf)}))`;
    case 'multiselect':
      return sql<SqlBool>`(${type} = 'array' and jsonb_exists_any(${json}, array[${sql.join(f.anyOf)}]::text[]))`;
    case 'boolean':
      return sql<SqlBool>`(${type} = 'boolean' and ${text} = ${f.value ? 'true' : 'false'})`;
  }
}
