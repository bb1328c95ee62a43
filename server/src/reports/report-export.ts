import { MonthlyReportView } from '@utility/shared';
import { ColumnFormat, ReportTable, reportTables } from './report-tables';

const NUM_FMT: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  count: '0',
  rate: '0.00%',
  yuan: '#,##0.00',
  score: '0.00',
};

/** XLSX cell value: rates stay fractions (shown as %), money in yuan. */
const cellValue = (value: string | number | null, format: ColumnFormat) =>
  value === null ? null : format === 'yuan' && typeof value === 'number' ? value / 100 : value;

export async function reportXlsx(view: MonthlyReportView): Promise<Buffer> {
  // Loaded on first export: ExcelJS is a third of the server's modules, and most processes never export.
  const { default: ExcelJS } = await import('exceljs');
  const book = new ExcelJS.Workbook();
  book.creator = '智慧燃气·热力服务';
  for (const table of reportTables(view)) {
    const sheet = book.addWorksheet(table.name);
    sheet.columns = table.columns.map((c) => ({
      header: c.header,
      width: c.format === 'text' ? 22 : 14,
      style: { numFmt: NUM_FMT[c.format] },
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) sheet.addRow(row.map((v, i) => cellValue(v, table.columns[i].format)));
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * Text that a spreadsheet would run as a formula (`=`, `+`, `-`, `@`, or a tab/CR before one) is
 * prefixed with `'`, so a staff or district name like `=HYPERLINK(…)` opens as the text it is.
 */
export const neutraliseCsvText = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

const csvText = (value: string | number | null, format: ColumnFormat): string => {
  if (value === null) return '';
  // Numbers are ours and stay numbers (a negative amount keeps its sign); text may come from anyone.
  if (typeof value === 'string') return neutraliseCsvText(value);
  if (format === 'rate') return `${(value * 100).toFixed(2)}%`;
  if (format === 'yuan') return (value / 100).toFixed(2);
  return String(value);
};

const csvField = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** One CSV, each section under its title; UTF-8 with a BOM so that Excel reads the Chinese. */
export function reportCsv(view: MonthlyReportView): Buffer {
  const lines: string[] = [];
  for (const table of reportTables(view) as ReportTable[]) {
    if (lines.length) lines.push('');
    lines.push(csvField(`【${table.name}】`));
    lines.push(table.columns.map((c) => csvField(neutraliseCsvText(c.header))).join(','));
    for (const row of table.rows)
      lines.push(row.map((v, i) => csvField(csvText(v, table.columns[i].format))).join(','));
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
