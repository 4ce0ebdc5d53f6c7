/**
 * Sniffing an uploaded list before it is parsed: what kind of file it is, its text encoding and
 * its delimiter. Pure and browser-safe (TextDecoder is a global in Node 20 and in browsers), so
 * the upload screen and the import job read a file the same way.
 */

/** The encodings an import reads: UTF-8, or the Baltic code page Lithuanian Excel saves CSV in. */
export type ImportEncoding = 'utf-8' | 'windows-1257';
export type ImportDelimiter = ',' | ';' | '\t';
export type FileKind = 'xlsx' | 'text' | 'unsupported';

const UTF8_BOM = [0xef, 0xbb, 0xbf] as const;
/** Every XLSX is a zip, and a zip starts with a local file header. */
const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04] as const;

/**
 * Signatures of files people upload by mistake that hold no NUL in their first bytes
 * (a PDF with only text streams, an old binary .xls, a zip of CSVs, a UTF-16 text).
 */
const BINARY_SIGNATURES: readonly (readonly number[])[] = [
  [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  [0x89, 0x50, 0x4e, 0x47], // PNG
  [0xff, 0xd8, 0xff], // JPEG
  [0x47, 0x49, 0x46, 0x38], // GIF8
  [0xd0, 0xcf, 0x11, 0xe0], // OLE2: .xls, .doc
  // zips; all of PK\x03\x04, not just "PK", so a CSV whose first column is "PKD kodas" stays text
  ZIP_LOCAL_HEADER,
  [0x50, 0x4b, 0x05, 0x06], // an empty zip
  [0x50, 0x4b, 0x07, 0x08], // a spanned zip
  [0x1f, 0x8b], // gzip
  [0xff, 0xfe], // UTF-16 LE BOM
  [0xfe, 0xff], // UTF-16 BE BOM
];

/** Control bytes text files may contain: tab, line feed, vertical tab, form feed, carriage return, SUB (old DOS end of file). */
const TEXT_CONTROLS = new Set([0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x1a]);
/** Above this share of other control bytes the sample is binary, not a CSV with a stray one. */
const MAX_CONTROL_SHARE = 0.01;

function startsWith(bytes: Uint8Array, prefix: readonly number[]): boolean {
  return bytes.length >= prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

/** Whether the bytes start with the UTF-8 byte order mark: `hasBom(Uint8Array.of(0xef, 0xbb, 0xbf, 0x41))` → true. */
export function hasBom(bytes: Uint8Array): boolean {
  return startsWith(bytes, UTF8_BOM);
}

/** How many bytes a UTF-8 sequence starting with this byte has; 0 for a byte that cannot start one. */
function sequenceLength(lead: number): number {
  if (lead < 0x80) return 1;
  if (lead >= 0xc2 && lead <= 0xdf) return 2;
  if (lead >= 0xe0 && lead <= 0xef) return 3;
  if (lead >= 0xf0 && lead <= 0xf4) return 4;
  return 0;
}

/**
 * The sample without a multi-byte sequence cut off by the end of the sample. Only the last
 * three bytes are looked at: a longer run of continuation bytes is invalid UTF-8 anyway.
 */
function withoutCutSequence(sample: Uint8Array): Uint8Array {
  for (let back = 1; back <= Math.min(3, sample.length); back++) {
    const byte = sample[sample.length - back]!;
    if ((byte & 0xc0) === 0x80) continue; // a continuation byte: the lead byte is further back
    return sequenceLength(byte) > back ? sample.subarray(0, sample.length - back) : sample;
  }
  return sample;
}

function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    // why no rethrow: with `fatal: true` a TypeError is exactly how TextDecoder says "not UTF-8"
    return false;
  }
}

/**
 * The encoding to decode an upload with, judged from its first bytes (e.g. 64 KiB): a BOM or
 * valid UTF-8 means UTF-8; anything else is taken to be Windows-1257, what Lithuanian Excel
 * writes. A sample that is the whole file passes `complete: true`, so a truncated sequence at its
 * end counts as invalid rather than as cut off by sampling.
 * Example: `detectEncoding(Uint8Array.of(0xc5, 0xa0))` → `'utf-8'` (Š); `Uint8Array.of(0xd0)` → `'windows-1257'`.
 */
export function detectEncoding(sample: Uint8Array, options: { complete?: boolean } = {}): ImportEncoding {
  if (hasBom(sample)) return 'utf-8';
  const whole = options.complete ? sample : withoutCutSequence(sample);
  return isUtf8(whole) ? 'utf-8' : 'windows-1257';
}

/** Whether the bytes start like an XLSX workbook (a zip): `looksLikeXlsx(bytesOf('PK\x03\x04…'))` → true. */
export function looksLikeXlsx(bytes: Uint8Array): boolean {
  return startsWith(bytes, ZIP_LOCAL_HEADER);
}

/**
 * Whether the sample can be a delimited text file: no NUL byte, no known binary signature, and
 * hardly any control characters. An empty sample is text (emptiness is reported elsewhere).
 * Example: `looksLikeText(bytesOf('a;b\n1;2'))` → true; a PNG or PDF → false.
 */
export function looksLikeText(bytes: Uint8Array): boolean {
  if (hasBom(bytes)) return looksLikeText(bytes.subarray(UTF8_BOM.length));
  if (BINARY_SIGNATURES.some((signature) => startsWith(bytes, signature))) return false;
  let controls = 0;
  for (const byte of bytes) {
    if (byte === 0) return false;
    if (byte < 0x20 && !TEXT_CONTROLS.has(byte)) controls++;
  }
  return controls <= bytes.length * MAX_CONTROL_SHARE;
}

/**
 * What an upload is, so the server can answer "not a spreadsheet" before reading further.
 * Example: `sniffFileKind(bytesOf('%PDF-1.7'))` → `'unsupported'`.
 */
export function sniffFileKind(bytes: Uint8Array): FileKind {
  if (looksLikeXlsx(bytes)) return 'xlsx';
  return looksLikeText(bytes) ? 'text' : 'unsupported';
}

const CANDIDATES: readonly ImportDelimiter[] = [',', ';', '\t'];
/** Lines looked at; a header and a few rows show the pattern, and it bounds the work. */
const SAMPLE_RECORDS = 20;
/** Share of lines that must agree on a count: a stray summary or ragged line must not flip the choice. */
const CONSISTENT_SHARE = 0.8;

type Counts = Record<ImportDelimiter, number>;

const zeroCounts = (): Counts => ({ ',': 0, ';': 0, '\t': 0 });
const isCandidate = (ch: string): ch is ImportDelimiter => ch === ',' || ch === ';' || ch === '\t';

/**
 * Per record (a line, except that quoted fields may span lines), how often each candidate occurs
 * outside quotes. A quote opens a quoted field only at the start of a field, as in RFC 4180;
 * `""` inside one is an escaped quote. Blank lines are left out.
 */
function countPerRecord(text: string): Counts[] {
  const records: Counts[] = [];
  let counts = zeroCounts();
  let hasContent = false;
  let inQuotes = false;
  let atFieldStart = true;
  const endRecord = () => {
    if (hasContent) records.push(counts);
    counts = zeroCounts();
    hasContent = false;
    atFieldStart = true;
  };
  for (let i = 0; i < text.length && records.length < SAMPLE_RECORDS; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') inQuotes = false;
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRecord();
    } else if (isCandidate(ch)) {
      counts[ch]++;
      hasContent = true;
      atFieldStart = true;
    } else if (ch === '"' && atFieldStart) {
      inQuotes = true;
      hasContent = true;
      atFieldStart = false;
    } else if (ch !== ' ') {
      hasContent = true;
      atFieldStart = false;
    }
  }
  endRecord();
  return records;
}

interface Candidate {
  delimiter: ImportDelimiter;
  /** The most common non-zero count per record (the larger one on a tie). */
  count: number;
  /** How many records have exactly that count. */
  agreeing: number;
}

function judge(delimiter: ImportDelimiter, records: readonly Counts[]): Candidate {
  const frequency = new Map<number, number>();
  for (const record of records) {
    const n = record[delimiter];
    if (n > 0) frequency.set(n, (frequency.get(n) ?? 0) + 1);
  }
  let best: Candidate = { delimiter, count: 0, agreeing: 0 };
  for (const [count, agreeing] of frequency) {
    if (agreeing > best.agreeing || (agreeing === best.agreeing && count > best.count))
      best = { delimiter, count, agreeing };
  }
  return best;
}

/**
 * The delimiter of a CSV text: the candidate found the same non-zero number of times outside
 * quotes on (nearly) every one of the first 20 records; among several, the most frequent; `','`
 * when nothing tells. Example: `detectDelimiter('Vardas;Pavardė\n"Jonas, jr.";Šimkus')` → `';'`.
 */
export function detectDelimiter(text: string): ImportDelimiter {
  const records = countPerRecord(text);
  const needed = Math.max(1, Math.ceil(records.length * CONSISTENT_SHARE));
  const judged = CANDIDATES.map((delimiter) => judge(delimiter, records)).filter((c) => c.count > 0);
  const consistent = judged.filter((c) => c.agreeing >= needed);
  const pool = consistent.length > 0 ? consistent : judged;
  // Consistent ones compete on frequency; if none is consistent, agreement decides first.
  const better = (a: Candidate, b: Candidate) =>
    consistent.length > 0
      ? a.count > b.count
      : a.agreeing > b.agreeing || (a.agreeing === b.agreeing && a.count > b.count);
  let best: Candidate | null = null;
  for (const candidate of pool) if (best === null || better(candidate, best)) best = candidate;
  return best?.delimiter ?? ',';
}
