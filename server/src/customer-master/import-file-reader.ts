import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { createReadStream } from 'node:fs';
import { open, stat } from 'node:fs/promises';
import { Transform } from 'node:stream';

/** One line of an uploaded table: its line number in the file (1 = the header) and its cells as text. */
export interface FileLine {
  line: number;
  cells: string[];
  /** Share of the file read so far (CSV), for a progress estimate; null when unknown (XLSX). */
  fraction: number | null;
}

/**
 * Streams the lines of an uploaded CSV or XLSX (first worksheet), never the whole file in
 * memory. CSV may be UTF-8 (with or without BOM) or GB18030/GBK, as Excel saves it on Chinese
 * Windows; XLSX cells (numbers, rich text, formulas) are read as the text they show.
 */
export function readTableFile(path: string, format: 'csv' | 'xlsx'): AsyncGenerator<FileLine> {
  return format === 'csv' ? readCsv(path) : readXlsx(path);
}

async function* readCsv(path: string): AsyncGenerator<FileLine> {
  const encoding = await sniffEncoding(path);
  const { size } = await stat(path);
  const input = createReadStream(path, { highWaterMark: 1 << 20 });
  const parser = parse({ bom: true, relax_column_count: true, skip_empty_lines: true, info: true });
  const decoded = encoding === 'utf-8' ? input : input.pipe(decoder(encoding));
  decoded.on('error', (error: Error) => parser.destroy(error));
  decoded.pipe(parser);
  try {
    for await (const { record, info } of parser as AsyncIterable<{ record: string[]; info: { lines: number } }>) {
      yield { line: info.lines, cells: record, fraction: size ? input.bytesRead / size : null };
    }
  } finally {
    input.destroy();
  }
}

/** UTF-8 unless the first 64 KB are not valid UTF-8 (then GB18030, a superset of GBK). */
async function sniffEncoding(path: string): Promise<'utf-8' | 'gb18030'> {
  const file = await open(path, 'r');
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(65536), 0, 65536, 0);
    // stream: true forgives a character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(buffer.subarray(0, bytesRead), { stream: true });
    return 'utf-8';
  } catch {
    return 'gb18030';
  } finally {
    await file.close();
  }
}

function decoder(encoding: string): Transform {
  const text = new TextDecoder(encoding);
  return new Transform({
    readableObjectMode: false,
    transform(chunk: Buffer, _enc, next) {
      next(null, text.decode(chunk, { stream: true }));
    },
    flush(next) {
      next(null, text.decode());
    },
  });
}

async function* readXlsx(path: string): AsyncGenerator<FileLine> {
  // Loaded on first XLSX import (see reports/report-export.ts).
  const { default: excel } = await import('exceljs');
  const input = createReadStream(path);
  const workbook = new excel.stream.xlsx.WorkbookReader(input, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  try {
    for await (const worksheet of workbook) {
      for await (const row of worksheet as AsyncIterable<ExcelJS.Row>) {
        const values = row.values as unknown[];
        const cells: string[] = [];
        for (let i = 1; i < values.length; i++) cells.push(cellText(values[i]));
        if (cells.some((c) => c.trim())) yield { line: row.number, cells, fraction: null };
      }
      return; // the first worksheet only
    }
  } finally {
    input.destroy();
  }
}

/** What a cell shows, as text: 户号 typed as a number stays its digits; 是/否 for a boolean. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isInteger(value) ? value.toFixed(0) : String(value);
  if (typeof value === 'boolean') return value ? '是' : '否';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result);
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}
