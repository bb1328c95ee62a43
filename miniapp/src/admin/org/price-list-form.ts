import type { PriceListRequest, PriceListView } from '@utility/shared';
import { fenToYuan, yuanToFen } from './org-form';

/** One row of the price-list page as the admin types it (the price in yuan). */
export interface PriceRow {
  code: string;
  name: string;
  unit: string;
  yuan: string;
  retired: boolean;
  /** A quote named it: it can be retired, not deleted. */
  inUse: boolean;
  /** Added on this page, not saved yet: its code can still be typed. */
  added: boolean;
}

export const toRows = (view: PriceListView): PriceRow[] =>
  view.items.map((i) => ({
    code: i.code,
    name: i.name,
    unit: i.unit,
    yuan: fenToYuan(i.unitFen),
    retired: i.retired,
    inUse: i.inUse,
    added: false,
  }));

export const blankRow = (): PriceRow => ({
  code: '',
  name: '',
  unit: '次',
  yuan: '',
  retired: false,
  inUse: false,
  added: true,
});

/** What `PUT /api/admin/price-list` takes (fen), or the first thing to correct, naming its row. */
export function toPriceListBody(rows: readonly PriceRow[]): { body: PriceListRequest } | { error: string } {
  const items: PriceListRequest['items'] = [];
  for (const [i, row] of rows.entries()) {
    const label = row.name.trim() || `第${i + 1}项`;
    const unitFen = yuanToFen(row.yuan);
    if (unitFen === null) return { error: `${label}：请填写单价（元，最多两位小数）` };
    if (!row.code.trim()) return { error: `${label}：请填写编码` };
    items.push({ code: row.code.trim(), name: row.name.trim(), unit: row.unit.trim(), unitFen, retired: row.retired });
  }
  return { body: { items } };
}
