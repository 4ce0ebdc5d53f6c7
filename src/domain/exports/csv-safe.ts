/**
 * CSV (formula) injection: a spreadsheet opening an exported file runs a cell that starts like a
 * formula, so a lead named `=HYPERLINK(…)` typed into a public form could act on the machine of
 * whoever opens the export. The leading-apostrophe rule of OWASP's "CSV Injection" page and
 * ASVS 5.0 V1.2.10 makes such a cell text. Quoting and escaping (RFC 4180) stays the CSV writer's job.
 */

/**
 * First characters a spreadsheet may read as the start of a formula: OWASP's `= + - @`, tab
 * and carriage return, and the NUL that ASVS adds.
 */
const FORMULA_TRIGGERS = new Set(['=', '+', '-', '@', '\t', '\r', '\0']);

/** A plain number, as a person or Lithuanian Excel writes one: `-12.5`, `+3`, `-0,75`. No exponents or spaces. */
const PLAIN_NUMBER = /^[+-]?(?:\d+(?:[.,]\d+)?|[.,]\d+)$/u;

/**
 * The cell made safe to open in a spreadsheet: one starting with `=`, `+`, `-`, `@`, tab, CR or
 * NUL gets a leading `'`. Example: `neutraliseCell('=1+2')` → `"'=1+2"`; `neutraliseCell('Jonas')` → `'Jonas'`.
 */
export function neutraliseCell(value: string): string {
  return FORMULA_TRIGGERS.has(value.charAt(0)) ? `'${value}` : value;
}

/**
 * Like `neutraliseCell`, but a cell that is entirely a plain number stays as it is, so amounts
 * and negative scores remain numbers (a sign followed only by digits cannot call anything).
 * Example: `neutraliseNumericAware('-12.5')` → `'-12.5'`; `neutraliseNumericAware('-1+2')` → `"'-1+2"`.
 */
export function neutraliseNumericAware(value: string): string {
  return PLAIN_NUMBER.test(value) ? value : neutraliseCell(value);
}
