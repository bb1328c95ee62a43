import { ErrorCode } from '../errors';

/**
 * A chargeable service the technician may quote (docs/domain.md#charges): the company's price
 * list for work on the resident's own installation (户内产权部分). Integer fen per unit.
 */
export interface RepairPriceItem {
  code: string;
  name: string;
  unit: string;
  unitFen: number;
}

/**
 * The price list the product starts with, in the order the technician's form lists it. The
 * operator keeps the list as data (`GET|PUT /api/admin/price-list`); this only seeds it.
 */
export const DEFAULT_REPAIR_PRICE_LIST: readonly RepairPriceItem[] = [
  { code: 'visit', name: '户内维修上门服务费', unit: '次', unitFen: 3000 },
  { code: 'gas-hose', name: '燃气灶前软管更换（含材料）', unit: '根', unitFen: 4500 },
  { code: 'gas-valve', name: '灶前阀更换（含材料）', unit: '个', unitFen: 6000 },
  { code: 'stove-thermocouple', name: '灶具熄火保护针更换', unit: '个', unitFen: 3500 },
  { code: 'heater-service', name: '燃气热水器检修', unit: '台', unitFen: 8000 },
  { code: 'radiator-valve', name: '暖气片阀门更换（含材料）', unit: '个', unitFen: 8000 },
  { code: 'radiator-vent', name: '暖气片排气阀更换', unit: '个', unitFen: 2500 },
  { code: 'radiator-pipe', name: '户内暖气管道漏点维修', unit: '处', unitFen: 12000 },
  { code: 'radiator-flush', name: '暖气片清洗', unit: '组', unitFen: 5000 },
  { code: 'power-socket', name: '户内插座/开关更换（含材料）', unit: '个', unitFen: 2000 },
];

/** The most of one item a quote may hold. */
export const QUOTE_MAX_QTY = 99;

export interface QuoteItemInput {
  code: string;
  qty: number;
}

/** One priced line of a quote: the price list's name and price at the moment it was sent. */
export interface QuoteLine {
  code: string;
  name: string;
  unit: string;
  qty: number;
  unitFen: number;
  amountFen: number;
}

export interface PricedQuote {
  lines: QuoteLine[];
  totalFen: number;
}

/** A quote naming an item the price list does not have, or a quantity out of range. */
export class QuoteItemError extends Error {
  readonly code = ErrorCode.QuoteItemUnknown;

  constructor(readonly itemCode: string) {
    super(`quote item ${JSON.stringify(itemCode)} is not on the price list or its quantity is out of range`);
    this.name = 'QuoteItemError';
  }
}

/**
 * Prices a quote from the list (the items that may be quoted now: the operator's, without the
 * retired): the technician names items and quantities, never amounts. The same item twice is one
 * line with the quantities added; lines keep the order first named. Integer fen throughout.
 */
export function priceQuote(items: readonly QuoteItemInput[], list: readonly RepairPriceItem[]): PricedQuote {
  const lines: QuoteLine[] = [];
  for (const { code, qty } of items) {
    const item = list.find((p) => p.code === code);
    if (!item || !Number.isInteger(qty) || qty < 1) throw new QuoteItemError(code);
    const line = lines.find((l) => l.code === code);
    if (line) line.qty += qty;
    else lines.push({ code, name: item.name, unit: item.unit, qty, unitFen: item.unitFen, amountFen: 0 });
  }
  for (const line of lines) {
    if (line.qty > QUOTE_MAX_QTY) throw new QuoteItemError(line.code);
    line.amountFen = line.qty * line.unitFen;
  }
  return { lines, totalFen: lines.reduce((sum, l) => sum + l.amountFen, 0) };
}
