import {
  detectDelimiter,
  detectEncoding,
  type ImportDelimiter,
  type ImportEncoding,
  sniffFileKind,
} from '../../../domain/imports/detect';

/**
 * Reading the start of a chosen file in the browser, the way the server will read all of it: the
 * same sniffing helpers pick the kind, encoding and delimiter; the first record is the header.
 */

/** How much of a file the browser reads to find its header (the server sniffs as much). */
export const SAMPLE_BYTES = 64 * 1024;
/** Rows after the header shown as examples beside the mapping. */
export const EXAMPLE_ROWS = 3;

export type FileHead =
  | {
      kind: 'csv';
      encoding: ImportEncoding;
      delimiter: ImportDelimiter;
      header: string[];
      /** The first rows after the header, for a glance at what each column holds. */
      examples: string[][];
    }
  /** A workbook: its header cannot be read without a spreadsheet library, so columns are typed in. */
  | { kind: 'xlsx' }
  | { kind: 'unsupported' }
  /** Text without a complete first record (blank, or a quote left open past the sample). */
  | { kind: 'no_header'; encoding: ImportEncoding; delimiter: ImportDelimiter };

/**
 * The first `limit` non-blank records of a CSV text, cells trimmed (as the server trims header
 * cells). A quote opens a quoted cell only before anything else in it; `""` inside one is a quote;
 * a quoted cell may hold the delimiter and line breaks. A record the text ends in counts only when
 * `whole` says the text is all there is (else it may be cut short) — or when it is the only one.
 * A record whose quote never closes ends the list.
 * Example: `readRecords('"Vardas; pavardė";El. paštas\nJonas;j@x.lt', ';', 5, true)` →
 * `[['Vardas; pavardė', 'El. paštas'], ['Jonas', 'j@x.lt']]`.
 */
export function readRecords(text: string, delimiter: string, limit: number, whole: boolean): string[][] {
  const records: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let inQuotes = false;
  /** Whether the cell has begun (a quote, or a character other than a space): a later quote is literal. */
  let begun = false;
  let blank = true;
  const endCell = () => {
    cells.push(cell.trim());
    cell = '';
    begun = false;
  };
  const endRecord = () => {
    endCell();
    if (!blank) records.push(cells);
    cells = [];
    blank = true;
  };
  const start = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  for (let i = start; i < text.length && records.length < limit; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') {
        inQuotes = false;
        continue;
      }
      cell += ch;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else if (ch === delimiter) {
      endCell();
      blank = false;
    } else if (ch === '"' && !begun) {
      inQuotes = true;
      begun = true;
      blank = false;
      cell = '';
    } else {
      cell += ch;
      if (ch !== ' ') begun = true;
      blank = false;
    }
  }
  if (!inQuotes && records.length < limit && (whole || records.length === 0)) endRecord();
  return records;
}

/**
 * What the first bytes of a file say: a workbook, something that is no spreadsheet, or a CSV with its
 * encoding, delimiter, header and a few example rows. `complete` when the sample is the whole file
 * (then a multi-byte character cut at its end is an error, not the sample's edge).
 * Example: the Windows-1257 bytes of `Vardas;Pavardė\n…` →
 * `{ kind: 'csv', encoding: 'windows-1257', delimiter: ';', header: ['Vardas', 'Pavardė'], examples: […] }`.
 */
export function readFileHead(sample: Uint8Array, complete: boolean): FileHead {
  const kind = sniffFileKind(sample);
  if (kind === 'xlsx') return { kind: 'xlsx' };
  if (kind === 'unsupported') return { kind: 'unsupported' };
  const encoding = detectEncoding(sample, { complete });
  const text = new TextDecoder(encoding).decode(sample);
  const delimiter = detectDelimiter(text);
  const [header, ...examples] = readRecords(text, delimiter, 1 + EXAMPLE_ROWS, complete);
  return header
    ? { kind: 'csv', encoding, delimiter, header, examples }
    : { kind: 'no_header', encoding, delimiter };
}

/** Reads the start of a chosen file and says what it is (see `readFileHead`). */
export async function sniffFile(file: Blob): Promise<FileHead> {
  const sample = new Uint8Array(await file.slice(0, SAMPLE_BYTES).arrayBuffer());
  return readFileHead(sample, file.size <= SAMPLE_BYTES);
}

/** The first non-empty example of a column, for the mapping row: `exampleOf([['', 'a'], ['b', 'c']], 0)` → `'b'`. */
export function exampleOf(examples: readonly (readonly string[])[], index: number): string {
  return examples.map((row) => row[index] ?? '').find((value) => value !== '') ?? '';
}
