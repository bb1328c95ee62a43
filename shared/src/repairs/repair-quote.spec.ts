import { ErrorCode } from '../errors';
import {
  DEFAULT_REPAIR_PRICE_LIST,
  QUOTE_MAX_QTY,
  QuoteItemError,
  priceQuote,
  type RepairPriceItem,
} from './repair-quote';

const LIST: RepairPriceItem[] = [
  { code: 'visit', name: '上门服务费', unit: '次', unitFen: 3000 },
  { code: 'hose', name: '软管更换', unit: '根', unitFen: 4550 },
];

describe('priceQuote', () => {
  it.each([
    ['one item', [{ code: 'visit', qty: 1 }], [['visit', 1, 3000]], 3000],
    ['quantity times unit price', [{ code: 'hose', qty: 3 }], [['hose', 3, 13650]], 13650],
    [
      'lines in the order named, total their sum',
      [
        { code: 'hose', qty: 2 },
        { code: 'visit', qty: 1 },
      ],
      [
        ['hose', 2, 9100],
        ['visit', 1, 3000],
      ],
      12100,
    ],
    [
      'the same item twice is one line',
      [
        { code: 'hose', qty: 1 },
        { code: 'visit', qty: 1 },
        { code: 'hose', qty: 2 },
      ],
      [
        ['hose', 3, 13650],
        ['visit', 1, 3000],
      ],
      16650,
    ],
    ['nothing quoted, nothing to pay', [], [], 0],
  ])('%s', (_, items, expected, totalFen) => {
    const quote = priceQuote(items, LIST);
    expect(quote.lines.map((l) => [l.code, l.qty, l.amountFen])).toEqual(expected);
    expect(quote.totalFen).toBe(totalFen);
  });

  it('takes names and unit prices from the list, never from the request', () => {
    expect(priceQuote([{ code: 'hose', qty: 1 }], LIST).lines[0]).toEqual({
      code: 'hose',
      name: '软管更换',
      unit: '根',
      qty: 1,
      unitFen: 4550,
      amountFen: 4550,
    });
  });

  it.each([
    ['an unknown item', [{ code: 'gold-tap', qty: 1 }], 'gold-tap'],
    ['a zero quantity', [{ code: 'hose', qty: 0 }], 'hose'],
    ['a fractional quantity', [{ code: 'hose', qty: 1.5 }], 'hose'],
    [
      'more than the most of one item, added up',
      [
        { code: 'hose', qty: QUOTE_MAX_QTY },
        { code: 'hose', qty: 1 },
      ],
      'hose',
    ],
  ])('refuses %s', (_, items, code) => {
    try {
      priceQuote(items, LIST);
      throw new Error('priced');
    } catch (e) {
      expect(e).toBeInstanceOf(QuoteItemError);
      expect(e).toMatchObject({ code: ErrorCode.QuoteItemUnknown, itemCode: code });
    }
  });

  it('the company list has unique codes and positive whole-fen prices', () => {
    const codes = DEFAULT_REPAIR_PRICE_LIST.map((p) => p.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const p of DEFAULT_REPAIR_PRICE_LIST) expect(Number.isInteger(p.unitFen) && p.unitFen > 0).toBe(true);
  });
});
