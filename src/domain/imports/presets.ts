import { searchKey } from '../search/search-key.js';
import type { ImportField, StandardImportField } from './fields.js';

/**
 * Header names other CRMs export with, and the ones people type by hand, so a mapping can be
 * suggested rather than built column by column. Headers compare without case, diacritics,
 * spacing and punctuation: "El. pastas", "EL PAŠTAS" and "El.paštas" are one header.
 */

export const PRESET_IDS = ['hubspot', 'pipedrive', 'salesforce'] as const;
export type PresetId = (typeof PRESET_IDS)[number];

/**
 * Header → target, earlier entries winning a target two columns could fill. A null target is a
 * column the export is known to have that is not imported: it identifies the export and keeps
 * a generic alias from claiming the column.
 */
export type ColumnAliases = Readonly<Record<string, StandardImportField | null>>;

export interface ImportPreset {
  id: PresetId;
  name: string;
  columns: ColumnAliases;
}

/** HubSpot's contacts export (older portals write "Contact ID" for "Record ID"). */
const HUBSPOT: ColumnAliases = {
  'Record ID': 'external.id',
  'Contact ID': 'external.id',
  'First Name': 'person.firstName',
  'Last Name': 'person.lastName',
  Email: 'person.email',
  'Phone Number': 'person.phone',
  'Mobile Phone Number': 'person.phone',
  'Job Title': 'person.jobTitle',
  City: 'person.city',
  'Country/Region': 'person.country',
  'Company Name': 'organisation.name',
  'Website URL': 'organisation.website',
  'Original Source': 'lead.sourceDetail',
  'Contact owner': null,
  'Lifecycle Stage': null,
  'Lead Status': null,
  'State/Region': null,
  'Create Date': null,
  'Last Activity Date': null,
  'Associated Company': null,
  'Marketing contact status': null,
};

/**
 * Pipedrive writes "Entity - Field" for related records and plain names for the exported
 * entity's own fields; qualified forms ("Person - Email - Work") are matched by dropping the qualifier.
 */
const PIPEDRIVE: ColumnAliases = {
  'Person - ID': 'external.id',
  'Lead - ID': 'external.id',
  'Person - Name': 'person.fullName',
  'Person - First name': 'person.firstName',
  'Person - Last name': 'person.lastName',
  'Person - Email': 'person.email',
  'Person - Phone': 'person.phone',
  'Person - Job title': 'person.jobTitle',
  'Organization - Name': 'organisation.name',
  'Person - Organization': 'organisation.name',
  'Organization - Website': 'organisation.website',
  'Lead - Title': 'lead.title',
  'Lead - Source': 'lead.sourceDetail',
  'Lead - Labels': 'lead.tags',
  'Person - Labels': 'lead.tags',
  'Person - Label': 'lead.tags',
  Name: 'person.fullName',
  Person: 'person.fullName',
  'Contact person': 'person.fullName',
  Email: 'person.email',
  Phone: 'person.phone',
  Organization: 'organisation.name',
  Title: 'lead.title',
  Labels: 'lead.tags',
  Label: 'lead.tags',
  Owner: null,
  'Person - Owner': null,
  'Lead - Owner': null,
  'Person created': null,
  'Lead - Created': null,
  'Organization - Address': null,
};

/** Salesforce lead reports and Data Loader (API names such as `FirstName`, `LeadSource` fold to the same keys). */
const SALESFORCE: ColumnAliases = {
  'Lead ID': 'external.id',
  Id: 'external.id',
  'First Name': 'person.firstName',
  'Last Name': 'person.lastName',
  Email: 'person.email',
  Phone: 'person.phone',
  Mobile: 'person.phone',
  'Mobile Phone': 'person.phone',
  Title: 'person.jobTitle',
  Company: 'organisation.name',
  'Company / Account': 'organisation.name',
  City: 'person.city',
  Country: 'person.country',
  Website: 'organisation.website',
  'Lead Source': 'lead.sourceDetail',
  Description: 'lead.note',
  'Lead Owner': null,
  'Lead Status': null,
  OwnerId: null,
  IsConverted: null,
  Rating: null,
  Salutation: null,
  Street: null,
  'State/Province': null,
  'Zip/Postal Code': null,
  Industry: null,
  'Created Date': null,
};

export const PRESETS: readonly ImportPreset[] = [
  { id: 'hubspot', name: 'HubSpot', columns: HUBSPOT },
  { id: 'pipedrive', name: 'Pipedrive', columns: PIPEDRIVE },
  { id: 'salesforce', name: 'Salesforce', columns: SALESFORCE },
];

/** Headers people write by hand, in English and Lithuanian (diacritics optional, so "Imone" is "Įmonė"). */
export const GENERIC_COLUMNS: ColumnAliases = {
  'First name': 'person.firstName',
  'Given name': 'person.firstName',
  Vardas: 'person.firstName',
  'Last name': 'person.lastName',
  Surname: 'person.lastName',
  'Family name': 'person.lastName',
  Pavardė: 'person.lastName',
  'Full name': 'person.fullName',
  Name: 'person.fullName',
  'Contact name': 'person.fullName',
  Contact: 'person.fullName',
  'Vardas pavardė': 'person.fullName',
  'Vardas ir pavardė': 'person.fullName',
  'Kontaktinis asmuo': 'person.fullName',
  Kontaktas: 'person.fullName',
  Email: 'person.email',
  'Email address': 'person.email',
  'El. paštas': 'person.email',
  'Elektroninis paštas': 'person.email',
  'E. paštas': 'person.email',
  Phone: 'person.phone',
  'Phone number': 'person.phone',
  Telephone: 'person.phone',
  Tel: 'person.phone',
  Mobile: 'person.phone',
  'Mobile phone': 'person.phone',
  Telefonas: 'person.phone',
  'Telefono numeris': 'person.phone',
  'Tel. nr.': 'person.phone',
  'Mobilusis telefonas': 'person.phone',
  'Job title': 'person.jobTitle',
  Position: 'person.jobTitle',
  Role: 'person.jobTitle',
  Pareigos: 'person.jobTitle',
  City: 'person.city',
  Town: 'person.city',
  Miestas: 'person.city',
  Country: 'person.country',
  Šalis: 'person.country',
  Valstybė: 'person.country',
  Company: 'organisation.name',
  'Company name': 'organisation.name',
  Organisation: 'organisation.name',
  Organization: 'organisation.name',
  'Organisation name': 'organisation.name',
  'Organization name': 'organisation.name',
  Account: 'organisation.name',
  'Account name': 'organisation.name',
  Įmonė: 'organisation.name',
  'Įmonės pavadinimas': 'organisation.name',
  Organizacija: 'organisation.name',
  Bendrovė: 'organisation.name',
  'Company code': 'organisation.companyCode',
  'Registration number': 'organisation.companyCode',
  'Registration code': 'organisation.companyCode',
  'Įmonės kodas': 'organisation.companyCode',
  'Juridinio asmens kodas': 'organisation.companyCode',
  Website: 'organisation.website',
  Web: 'organisation.website',
  URL: 'organisation.website',
  Homepage: 'organisation.website',
  Svetainė: 'organisation.website',
  'Interneto svetainė': 'organisation.website',
  Tinklalapis: 'organisation.website',
  'Lead title': 'lead.title',
  'Lead name': 'lead.title',
  'Deal title': 'lead.title',
  Subject: 'lead.title',
  Tema: 'lead.title',
  Timeframe: 'lead.timeframe',
  Terminas: 'lead.timeframe',
  Source: 'lead.sourceDetail',
  'Lead source': 'lead.sourceDetail',
  Šaltinis: 'lead.sourceDetail',
  Tags: 'lead.tags',
  Tag: 'lead.tags',
  Žymos: 'lead.tags',
  Žymės: 'lead.tags',
  Etiketės: 'lead.tags',
  Note: 'lead.note',
  Notes: 'lead.note',
  Comment: 'lead.note',
  Comments: 'lead.note',
  Description: 'lead.note',
  Pastaba: 'lead.note',
  Pastabos: 'lead.note',
  Komentaras: 'lead.note',
  Komentarai: 'lead.note',
  Aprašymas: 'lead.note',
  'External ID': 'external.id',
  ID: 'external.id',
  'Išorinis ID': 'external.id',
};

/** The comparable form of a header: folded letters and digits only. `headerKey('El. Paštas')` → `'elpastas'`. */
export function headerKey(header: string): string {
  return searchKey(header).replace(/[^\p{L}\p{N}]+/gu, '');
}

/** Words that say which of several e-mails or phones a column holds, not what it is. */
const QUALIFIERS = new Set([
  ...['work', 'home', 'mobile', 'other', 'main', 'primary', 'office', 'personal', 'business'],
  ...['darbo', 'asmeninis', 'mobilusis', 'namu', 'kitas'],
]);

/** The header without a qualifier: "Person - Email - Work" and "Email (work)" → "Person - Email", "Email"; else null. */
function withoutQualifier(header: string): string | null {
  const text = header.replace(/\*+\s*$/u, '').trim();
  const parenthesised = /^(.*\S)\s*\([^()]*\)$/u.exec(text);
  if (parenthesised) return parenthesised[1]!;
  const dashed = /^(.*\S)(?:\s+[-–—]|:)\s+([^-–—:]+)$/u.exec(text);
  return dashed && QUALIFIERS.has(headerKey(dashed[2]!)) ? dashed[1]! : null;
}

interface Alias {
  field: StandardImportField | null;
  /** Position in its table: earlier aliases win a target. */
  rank: number;
}

function aliasIndex(columns: ColumnAliases): Map<string, Alias> {
  const index = new Map<string, Alias>();
  Object.entries(columns).forEach(([header, field], rank) => {
    const key = headerKey(header);
    if (!index.has(key)) index.set(key, { field, rank });
  });
  return index;
}

const PRESET_INDEX = new Map(PRESETS.map((preset) => [preset.id, aliasIndex(preset.columns)]));
const GENERIC_INDEX = aliasIndex(GENERIC_COLUMNS);

/** A preset is named only on this many recognised headers, so a hand-made "Name, Email" list is not "Pipedrive". */
const MIN_PRESET_MATCHES = 3;

function keysOf(headers: readonly string[]): Set<string> {
  const keys = new Set<string>();
  for (const header of headers) {
    keys.add(headerKey(header));
    const plain = withoutQualifier(header);
    if (plain !== null) keys.add(headerKey(plain));
  }
  return keys;
}

/**
 * The export a header row most likely comes from: the preset recognising the most headers, at
 * least 3 of them and at least one no hand-made list would have (such as HubSpot's "Record ID");
 * null when none qualifies or two tie.
 * Example: `detectPreset(['Record ID', 'First Name', 'Last Name', 'Email'])` → `'hubspot'`.
 */
export function detectPreset(headers: readonly string[]): PresetId | null {
  const keys = keysOf(headers);
  let best: { id: PresetId | null; matches: number } = { id: null, matches: 0 };
  for (const [id, index] of PRESET_INDEX) {
    const matched = [...index.keys()].filter((key) => keys.has(key));
    if (matched.length < MIN_PRESET_MATCHES || matched.every((key) => GENERIC_INDEX.has(key))) continue;
    if (matched.length > best.matches) best = { id, matches: matched.length };
    else if (matched.length === best.matches) best = { id: null, matches: best.matches };
  }
  return best.id;
}

interface Candidate {
  column: string;
  position: number;
  field: StandardImportField | null;
  /** Lower is surer: a preset's own header, a generic one, then either with its qualifier dropped. */
  tier: number;
  rank: number;
}

function candidatesFor(header: string, position: number, tables: readonly Map<string, Alias>[]): Candidate[] {
  const plain = withoutQualifier(header);
  const forms = plain === null ? [header] : [header, plain];
  return forms.flatMap((form, formIndex) =>
    tables.flatMap((table, tableIndex) => {
      const alias = table.get(headerKey(form));
      const tier = formIndex * tables.length + tableIndex;
      return alias ? [{ column: header, position, field: alias.field, tier, rank: alias.rank }] : [];
    }),
  );
}

/**
 * A suggested target for every header, null where none fits. Each target goes to one column
 * at most (the surest match, then the leftmost); a full name is not suggested when first and
 * last names have columns of their own. Without a preset the detected one is used; `null` means
 * generic headers only.
 * Example: `suggestMapping(['Vardas', 'Pavardė', 'El. pastas', 'Miestas'])` →
 * `{ Vardas: 'person.firstName', Pavardė: 'person.lastName', 'El. pastas': 'person.email', Miestas: 'person.city' }`.
 */
export function suggestMapping(
  headers: readonly string[],
  preset: PresetId | null = detectPreset(headers),
): Record<string, ImportField | null> {
  const presetIndex = preset === null ? undefined : PRESET_INDEX.get(preset);
  const tables = presetIndex ? [presetIndex, GENERIC_INDEX] : [GENERIC_INDEX];
  // why a Map: a header such as "__proto__" must stay a plain key
  const mapping = new Map<string, ImportField | null>(headers.map((header) => [header, null]));
  const candidates = headers
    .flatMap((header, position) =>
      headers.indexOf(header) === position ? candidatesFor(header, position, tables) : [],
    )
    .sort((a, b) => a.tier - b.tier || a.rank - b.rank || a.position - b.position);
  const decided = new Set<string>();
  const taken = new Set<ImportField>();
  for (const { column, field } of candidates) {
    if (decided.has(column) || (field !== null && taken.has(field))) continue;
    decided.add(column);
    if (field === null) continue;
    mapping.set(column, field);
    taken.add(field);
  }
  if (taken.has('person.firstName') && taken.has('person.lastName')) {
    for (const [column, field] of mapping) if (field === 'person.fullName') mapping.set(column, null);
  }
  return Object.fromEntries(mapping);
}
