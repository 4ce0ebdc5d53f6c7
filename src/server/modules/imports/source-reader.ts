import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import ExcelJS from 'exceljs';
import type { ImportDelimiter, ImportEncoding } from '../../../domain/imports/detect.js';

/** One record of the file: its number (1 = the first after the header), the line it starts on, its cells. */
export interface SourceRecord {
  rowNo: number;
  line: number;
  cells: string[];
  /** How far into the file this record ends (characters of CSV, rows of XLSX): for progress. */
  position: number;
  /** A problem with the record as a whole (an unclosed quote, undecodable bytes). */
  problem?: 'unclosed_quote' | 'invalid_encoding' | 'record_too_large';
}

/** A record bigger than this stops the file (a cell of 10,000+ characters is only a row error). */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

async function* decoded(chunks: AsyncIterable<Uint8Array>, encoding: ImportEncoding): AsyncGenerator<string> {
  // Not fatal: a bad byte becomes U+FFFD, and the record carrying it is rejected with its line.
  const decoder = new TextDecoder(encoding, { fatal: false, ignoreBOM: false });
  for await (const chunk of chunks) yield decoder.decode(chunk, { stream: true });
  const rest = decoder.decode();
  if (rest) yield rest;
}

/**
 * The records of a CSV file, streamed: memory stays flat whatever the file's size. Quoted fields
 * may hold delimiters and line breaks; rows may be ragged (the mapping step reports them). The
 * header is record 0 and is returned as `header` through `onHeader`.
 */
export async function* csvRecords(
  chunks: AsyncIterable<Uint8Array>,
  options: { encoding: ImportEncoding; delimiter: ImportDelimiter },
): AsyncGenerator<SourceRecord & { header?: string[] }> {
  const parser = parse({
    delimiter: options.delimiter,
    bom: true,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: true,
    info: true,
    raw: true,
    max_record_size: MAX_RECORD_BYTES,
  });
  const input = Readable.from(decoded(chunks, options.encoding), { objectMode: false });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  let rowNo = -1;
  let lastLine = 0;
  try {
    for await (const item of parser as AsyncIterable<{
      record: string[];
      info: { lines: number; bytes: number };
      raw: string;
    }>) {
      rowNo += 1;
      const breaks = item.raw.match(/\r\n|\n|\r/g)?.length ?? 0;
      // A record's raw text ends with its own line break (except the last one): it starts that many lines up.
      const endsWithBreak = /[\r\n]$/.test(item.raw) ? 1 : 0;
      const line = item.info.lines - breaks + endsWithBreak;
      lastLine = item.info.lines;
      // A line break inside a quoted cell is kept as one \n, whatever the file used.
      const cells = item.record.map((c) => (c.includes('\r') ? c.replace(/\r\n?/g, '\n') : c));
      const bad = cells.some((c) => c.includes('\uFFFD'));
      yield {
        rowNo,
        line,
        cells,
        position: item.info.bytes,
        ...(bad ? { problem: 'invalid_encoding' as const } : {}),
      };
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'CSV_QUOTE_NOT_CLOSED' || code === 'CSV_MAX_RECORD_SIZE') {
      // why: the rest of the file cannot be read as records; it is reported as one rejected row.
      yield {
        rowNo: rowNo + 1,
        line: lastLine + 1,
        cells: [],
        position: Number.MAX_SAFE_INTEGER,
        problem: code === 'CSV_QUOTE_NOT_CLOSED' ? 'unclosed_quote' : 'record_too_large',
      };
      return;
    }
    throw error;
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

/** The rows of an XLSX file's first sheet, streamed; cells as text (dates as YYYY-MM-DD). */
export async function* xlsxRecords(chunks: AsyncIterable<Uint8Array>): AsyncGenerator<SourceRecord> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(chunks), {
    entries: 'emit',
    sharedStrings: 'cache',
    // why cache: a date is a number with a date format; without the styles it would arrive as 46447
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
  });
  let rowNo = -1;
  for await (const sheet of reader) {
    let width = 0;
    for await (const row of sheet) {
      const values = (row as ExcelJS.Row).values as ExcelJS.CellValue[];
      // exceljs rows are 1-based: values[0] is empty.
      const cells = values.slice(1).map(cellText);
      if (rowNo === -1) width = cells.length;
      while (cells.length < width && rowNo >= 0) cells.push('');
      if (cells.every((c) => c.trim() === '')) continue;
      rowNo += 1;
      yield { rowNo, line: (row as ExcelJS.Row).number, cells, position: (row as ExcelJS.Row).number };
    }
    return; // the first sheet only
  }
}
