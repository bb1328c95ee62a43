import { z } from 'zod';
import type { RepairPriceItem } from '../repairs/repair-quote';

/** The most items the operator's price list holds. */
export const PRICE_LIST_MAX_ITEMS = 100;

/**
 * One item of the operator's price list (docs/domain.md#charges): a price per unit in integer fen.
 * A retired item can no longer be quoted; it stays on the list for the quotes that named it.
 */
export const PriceListItemSchema = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{0,31}$/, '编码只能由小写字母、数字和连字符组成，最多32个字符'),
  name: z.string().trim().min(1, '请填写收费项目名称').max(50, '收费项目名称最多50个字'),
  unit: z.string().trim().min(1, '请填写计价单位').max(8, '计价单位最多8个字'),
  unitFen: z.number().int('单价须为整数（以分计）').min(1, '单价须大于0').max(10_000_000, '单价不能超过10万元'),
  retired: z.boolean().default(false),
});

/**
 * `PUT /api/admin/price-list`: the whole list, in the order the technician's form shows it. An item
 * left out is deleted — refused (409 PRICE_ITEM_IN_USE) for one a quote has named: retire it instead.
 */
export const PriceListSchema = z.object({
  items: z
    .array(PriceListItemSchema)
    .min(1, '价目表至少要有一个收费项目')
    .max(PRICE_LIST_MAX_ITEMS, `价目表最多${PRICE_LIST_MAX_ITEMS}个收费项目`)
    .refine((items) => new Set(items.map((i) => i.code)).size === items.length, {
      message: '收费项目编码不能重复',
    }),
});
export type PriceListRequest = z.input<typeof PriceListSchema>;

export interface PriceListItemView extends RepairPriceItem {
  retired: boolean;
  /** A quote has named it: it can be retired but not deleted. */
  inUse: boolean;
}

/** The operator's price list (admin), in the technician's order. */
export interface PriceListView {
  items: PriceListItemView[];
}
