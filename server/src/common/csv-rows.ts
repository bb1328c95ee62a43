import { parse } from 'csv-parse/sync';

/**
 * The rows of a small CSV a staff member uploads (bank results, meter readings): a spreadsheet's
 * BOM dropped, cells trimmed, blank lines skipped, short rows kept for the caller to report by line.
 * Throws csv-parse's error (with its line) on a file that is not CSV.
 */
export function csvRows(csv: string): string[][] {
  return parse(csv, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
}
