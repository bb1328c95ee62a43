import { dailyUseCentiM3, daysLeft, prepaidPriceFenPerM3, prepaidWarning, usageCharges } from './prepaid-rules';
import { TopUpRequestSchema, topUpStatusLabel } from '../api/prepaid';

const r = (id: number, readOn: string, valueCentiM3: number) => ({ id, readOn, valueCentiM3 });

describe('dailyUseCentiM3', () => {
  it.each([
    ['no readings', [], null],
    ['one reading', [r(1, '2026-12-01', 100)], null],
    ['two readings ten days apart', [r(1, '2026-11-27', 10_000), r(2, '2026-12-07', 13_000)], 300],
    ['unordered input', [r(2, '2026-12-07', 13_000), r(1, '2026-11-27', 10_000)], 300],
    ['rounded to the centiM3', [r(1, '2026-12-04', 0), r(2, '2026-12-07', 100)], 33],
    [
      'older than 30 days left out',
      [r(1, '2026-10-01', 0), r(2, '2026-11-27', 10_000), r(3, '2026-12-07', 11_000)],
      100,
    ],
    ['same day twice', [r(1, '2026-12-07', 0), r(2, '2026-12-07', 500)], null],
    ['meter replaced (went back)', [r(1, '2026-11-27', 9_000), r(2, '2026-12-07', 100)], null],
    ['future reading ignored', [r(1, '2026-11-27', 0), r(2, '2026-12-07', 1_000), r(3, '2026-12-09', 9_000)], 100],
  ])('%s', (_, readings, expected) => {
    expect(dailyUseCentiM3(readings, '2026-12-07')).toBe(expected);
  });
});

describe('daysLeft', () => {
  it.each([
    // balance, daily centiM3, price fen/m³ → days
    [10_000, 300, 300, 11], // 100 元 at 3 m³ × 3 元 = 9 元 a day: 11 whole days
    [900, 300, 300, 1],
    [899, 300, 300, 0],
    [0, 300, 300, 0],
    [-500, 300, 300, 0],
    [10_000, null, 300, null],
    [10_000, 0, 300, null],
  ])('%i fen at %p centiM3/day and %i fen/m³ → %p', (balance, daily, price, expected) => {
    expect(daysLeft(balance, daily, price)).toBe(expected);
  });
});

describe('prepaidPriceFenPerM3', () => {
  const tiers = (p: number) => [
    { upToM3: 300, priceFenPerM3: p },
    { upToM3: 600, priceFenPerM3: p + 50 },
    { upToM3: null, priceFenPerM3: p + 100 },
  ];
  const tariffs = [
    { districtId: 1, effectiveFrom: '2025-01-01', tiers: tiers(280) },
    { districtId: 1, effectiveFrom: '2026-07-01', tiers: tiers(300) },
  ];
  it.each([
    ['2026-12-07', 300],
    ['2026-06-30', 280],
    ['2024-12-31', null],
  ])('on %s → %p', (day, expected) => expect(prepaidPriceFenPerM3(tariffs, day)).toBe(expected));
});

describe('usageCharges', () => {
  it('charges each span since the ledger opened once, by its closing reading, rounded half up', () => {
    const readings = [
      r(1, '2026-11-01', 0),
      r(2, '2026-11-20', 1_000),
      r(3, '2026-11-30', 2_005),
      r(4, '2026-12-07', 2_005),
    ];
    expect(usageCharges(readings, '2026-11-20', 299)).toEqual([
      { readingId: 3, volumeCentiM3: 1_005, amountFen: 3_005 },
    ]);
  });
  it('skips a meter that went back', () => {
    expect(usageCharges([r(1, '2026-12-01', 9_000), r(2, '2026-12-05', 100)], '2026-12-01', 300)).toEqual([]);
  });
});

describe('prepaidWarning', () => {
  it.each([
    ['iot', 0, 0, 'valve_close'],
    ['iot', -100, 0, 'valve_close'],
    ['ic_card', 0, 0, 'low_balance'],
    ['iot', 1_000, 2, 'low_balance'],
    ['iot', 1_000, 3, null],
    ['ic_card', 1_000, null, null],
  ] as const)('%s, %i fen, %p days → %p', (kind, balance, left, expected) => {
    expect(prepaidWarning(kind, balance, left, 3)).toBe(expected);
  });
});

describe('top-up request', () => {
  it.each([
    [100, true],
    [500_000, true],
    [99, false],
    [500_001, false],
    [100.5, false],
  ])('%p fen valid: %p', (amountFen, ok) => {
    expect(TopUpRequestSchema.safeParse({ amountFen }).success).toBe(ok);
  });
  it('refuses too much with the bound in Chinese', () => {
    const parsed = TopUpRequestSchema.safeParse({ amountFen: 600_000 });
    expect(parsed.error?.issues[0].message).toBe('单次充值不能超过5000元');
  });
  it.each([
    ['credited', 'iot', '充值成功'],
    ['credited', 'ic_card', '待写卡'],
    ['delivered', 'iot', '已到表'],
    ['awaiting_payment', 'ic_card', '待支付'],
    ['refunded', 'iot', '已退款'],
  ] as const)('%s on %s reads %s', (status, kind, label) => expect(topUpStatusLabel(status, kind)).toBe(label));
});
