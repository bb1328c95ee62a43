import { BillingError, BillingErrorCode } from './billing-error';
import { DEFAULT_GAS_TIERS } from './default-tariffs';
import { computeGasBill, GasBillInput, gasVolumeByYear } from './gas-bill';
import { roundHalfUpDiv } from './money';
import { BillLine, GasTariff, GasTier } from './tariff-types';

const tiers = (p1: number, p2: number, p3: number, [limit1, limit2]: [number, number] = [350, 500]): GasTier[] => [
  { upToM3: limit1, priceFenPerM3: p1 },
  { upToM3: limit2, priceFenPerM3: p2 },
  { upToM3: null, priceFenPerM3: p3 },
];
const tariff = (effectiveFrom: string, t: GasTier[] = DEFAULT_GAS_TIERS, districtId = 1): GasTariff => ({
  districtId,
  effectiveFrom,
  tiers: t,
});
/** 261 / 313 / 392 since 2020; a rise of 0.25 元 a tier on 2026-07-01. */
const BASE = tariff('2020-01-01');
const RAISED = tariff('2026-07-01', tiers(286, 343, 429));

const gas = (
  from: string,
  to: string,
  volumeCentiM3: number,
  yearToDateCentiM3: Record<number, number> = {},
  tariffs: GasTariff[] = [BASE],
): GasBillInput => ({ from, to, volumeCentiM3, yearToDateCentiM3, tariffs });

const march = (volume: number, ytd: Record<number, number> = {}, tariffs: GasTariff[] = [BASE]) =>
  gas('2026-03-01', '2026-03-31', volume, ytd, tariffs);
const withTiers = (t: GasTier[]) => march(100, {}, [tariff('2020-01-01', t)]);
const [T1, T2, T3] = DEFAULT_GAS_TIERS;

const line = (
  tier: 1 | 2 | 3,
  year: number,
  from: string,
  to: string,
  quantity: number,
  unitPriceFen: number,
  amountFen: number,
): BillLine => ({ kind: 'gas_tier', tier, year, from, to, quantity, unitPriceFen, amountFen });

describe('computeGasBill', () => {
  it.each<[string, GasBillInput, BillLine[], number]>([
    [
      'entirely in tier 1 (30 m³ × 2.61)',
      gas('2026-03-01', '2026-03-31', 3000, { 2026: 5000 }),
      [line(1, 2026, '2026-03-02', '2026-03-31', 3000, 261, 7830)],
      7830,
    ],
    [
      'crosses the 350 m³ limit: two lines',
      gas('2026-09-30', '2026-10-31', 2500, { 2026: 34000 }),
      [
        line(1, 2026, '2026-10-01', '2026-10-31', 1000, 261, 2610),
        line(2, 2026, '2026-10-01', '2026-10-31', 1500, 313, 4695),
      ],
      7305,
    ],
    [
      'ends exactly on 350 m³: the limit is still tier 1',
      gas('2026-09-30', '2026-10-31', 5000, { 2026: 30000 }),
      [line(1, 2026, '2026-10-01', '2026-10-31', 5000, 261, 13050)],
      13050,
    ],
    [
      'starts exactly on 350 m³: the next 0.01 m³ is tier 2',
      gas('2026-09-30', '2026-10-31', 100, { 2026: 35000 }),
      [line(2, 2026, '2026-10-01', '2026-10-31', 100, 313, 313)],
      313,
    ],
    [
      'crosses both limits: three lines',
      gas('2026-09-30', '2026-10-31', 20000, { 2026: 34000 }),
      [
        line(1, 2026, '2026-10-01', '2026-10-31', 1000, 261, 2610),
        line(2, 2026, '2026-10-01', '2026-10-31', 15000, 313, 46950),
        line(3, 2026, '2026-10-01', '2026-10-31', 4000, 392, 15680),
      ],
      65240,
    ],
    [
      'already in tier 3',
      gas('2026-11-30', '2026-12-15', 1000, { 2026: 60000 }),
      [line(3, 2026, '2026-12-01', '2026-12-15', 1000, 392, 3920)],
      3920,
    ],
    [
      // 15 days each side: 6001 splits 3001 / 3000 (a tie, the earlier part takes the unit).
      'December → January: two years, the counter resets, 2027 starts at 0',
      gas('2026-12-16', '2027-01-15', 6001, { 2025: 70000, 2026: 34000 }),
      [
        line(1, 2026, '2026-12-17', '2026-12-31', 1000, 261, 2610),
        line(2, 2026, '2026-12-17', '2026-12-31', 2001, 313, 6263),
        line(1, 2027, '2027-01-01', '2027-01-15', 3000, 261, 7830),
      ],
      16703,
    ],
    [
      'previous reading on 12-31: that day was billed before, the period is all next year',
      gas('2026-12-31', '2027-01-31', 3000, { 2026: 60000 }),
      [line(1, 2027, '2027-01-01', '2027-01-31', 3000, 261, 7830)],
      7830,
    ],
    [
      'reading on 12-31: the reading day is in the period, all this year',
      gas('2026-11-30', '2026-12-31', 3000, { 2026: 60000 }),
      [line(3, 2026, '2026-12-01', '2026-12-31', 3000, 392, 11760)],
      11760,
    ],
    [
      // 20 days before, 10 after: 666.67 / 333.33 → 667 / 333.
      'price change mid-period: pro rata by days, each part at its price',
      gas('2026-06-10', '2026-07-10', 1000, {}, [BASE, RAISED]),
      [
        line(1, 2026, '2026-06-11', '2026-06-30', 667, 261, 1741),
        line(1, 2026, '2026-07-01', '2026-07-10', 333, 286, 952),
      ],
      2693,
    ],
    [
      'price change mid-period: the year counter carries across it',
      gas('2026-06-10', '2026-07-10', 1000, { 2026: 34900 }, [BASE, RAISED]),
      [
        line(1, 2026, '2026-06-11', '2026-06-30', 100, 261, 261),
        line(2, 2026, '2026-06-11', '2026-06-30', 567, 313, 1775),
        line(2, 2026, '2026-07-01', '2026-07-10', 333, 343, 1142),
      ],
      3178,
    ],
    [
      // 29 days / 1 day: 2996.67 / 103.33 → 2997 / 103.
      'a tariff effective on the reading date covers that one day',
      gas('2026-06-01', '2026-07-01', 3100, {}, [BASE, RAISED]),
      [
        line(1, 2026, '2026-06-02', '2026-06-30', 2997, 261, 7822),
        line(1, 2026, '2026-07-01', '2026-07-01', 103, 286, 295),
      ],
      8117,
    ],
    [
      'a tariff effective on the previous reading date covers the whole period',
      gas('2026-07-01', '2026-07-31', 1000, {}, [BASE, RAISED]),
      [line(1, 2026, '2026-07-02', '2026-07-31', 1000, 286, 2860)],
      2860,
    ],
    [
      'a price change on 1 January is one cut, not two',
      gas('2026-12-16', '2027-01-15', 6001, {}, [BASE, tariff('2027-01-01', tiers(286, 343, 429))]),
      [
        line(1, 2026, '2026-12-17', '2026-12-31', 3001, 261, 7833),
        line(1, 2027, '2027-01-01', '2027-01-15', 3000, 286, 8580),
      ],
      16413,
    ],
    [
      'a new tariff lowering tier 1 to 300 m³ applies to the year’s running total',
      gas('2026-06-30', '2026-07-31', 2000, { 2026: 29000 }, [
        BASE,
        tariff('2026-07-01', tiers(261, 313, 392, [300, 500])),
      ]),
      [
        line(1, 2026, '2026-07-01', '2026-07-31', 1000, 261, 2610),
        line(2, 2026, '2026-07-01', '2026-07-31', 1000, 313, 3130),
      ],
      5740,
    ],
    [
      // 10 / 10 / 10 days: 100 → 34 / 33 / 33, still exactly 100.
      'year end and a price change: three parts that add up exactly',
      gas('2026-12-21', '2027-01-20', 100, {}, [BASE, tariff('2027-01-11', tiers(286, 343, 429))]),
      [
        line(1, 2026, '2026-12-22', '2026-12-31', 34, 261, 89),
        line(1, 2027, '2027-01-01', '2027-01-10', 33, 261, 86),
        line(1, 2027, '2027-01-11', '2027-01-20', 33, 286, 94),
      ],
      269,
    ],
    ['no gas used: no lines', gas('2026-03-01', '2026-03-31', 0, { 2026: 5000 }), [], 0],
    ['two readings on one day, no gas used', gas('2026-03-31', '2026-03-31', 0), [], 0],
  ])('%s', (_name, input, lines, amountFen) => {
    const bill = computeGasBill(input);
    expect(bill).toEqual({ lines, amountFen, volumeCentiM3: input.volumeCentiM3 });
    expect(bill.lines.reduce((sum, l) => sum + l.quantity, 0)).toBe(input.volumeCentiM3);
  });

  describe('rounding: each line half up to the fen, the bill is the sum of the lines', () => {
    it.each<[string, number, GasTier[], number]>([
      ['0.01 m³ × 2.61 元 = 2.61 fen → 3', 1, DEFAULT_GAS_TIERS, 3],
      ['0.50 m³ × 2.61 元 = 130.5 fen → 131 (exactly half goes up)', 50, DEFAULT_GAS_TIERS, 131],
      ['0.01 m³ × 2.49 元 = 2.49 fen → 2', 1, tiers(249, 313, 392), 2],
      ['0.01 m³ × 2.50 元 = 2.5 fen → 3', 1, tiers(250, 313, 392), 3],
      ['0.01 m³ × 2.51 元 = 2.51 fen → 3', 1, tiers(251, 313, 392), 3],
    ])('%s', (_name, volume, t, amountFen) => {
      const bill = computeGasBill(march(volume, {}, [tariff('2020-01-01', t)]));
      expect(bill.amountFen).toBe(amountFen);
      expect(bill.lines[0].amountFen).toBe(amountFen);
    });

    it('rounds per line, not the total: 130.5 + 159.63 fen bills 131 + 160 = 291, not 290', () => {
      const bill = computeGasBill(gas('2026-09-30', '2026-10-31', 101, { 2026: 34950 }));
      expect(bill.lines.map((l) => [l.quantity, l.amountFen])).toEqual([
        [50, 131],
        [51, 160],
      ]);
      expect(bill.amountFen).toBe(291);
      expect(roundHalfUpDiv(50 * 261 + 51 * 313, 100)).toBe(290);
    });
  });

  it('takes the tariffs in any order', () => {
    const input = gas('2026-06-10', '2026-07-10', 1000, { 2026: 34900 }, [BASE, RAISED]);
    expect(computeGasBill({ ...input, tariffs: [RAISED, BASE] })).toEqual(computeGasBill(input));
  });

  it('handles a large commercial volume exactly', () => {
    // 90 million m³ in tier 3: 9e9 centiM3 × 392 overflows no float because it is done in BigInt.
    const bill = computeGasBill(gas('2026-03-01', '2026-03-31', 9_000_000_000, { 2026: 60000 }));
    expect(bill.amountFen).toBe(35_280_000_000);
  });

  it.each<[string, GasBillInput, BillingErrorCode, RegExp]>([
    ['a negative volume', march(-1), 'negative_volume', /不能为负/],
    ['a fractional volume', march(1.5), 'invalid_input', /整数/],
    ['to before from', gas('2026-03-31', '2026-03-01', 100), 'period_reversed', /早于/],
    ['gas used between two readings of one day', gas('2026-03-31', '2026-03-31', 100), 'empty_period', /同一天/],
    ['an impossible date', gas('2026-02-01', '2026-02-30', 100), 'invalid_input', /2026-02-30/],
    ['a negative year-to-date', march(100, { 2026: -1 }), 'invalid_input', /2026 年/],
    ['no tariff at all', march(100, {}, []), 'no_tariff', /2026-03-02/],
    ['a tariff that starts mid-period', gas('2026-06-10', '2026-07-10', 100, {}, [RAISED]), 'no_tariff', /2026-06-11/],
    ['two tiers', withTiers(DEFAULT_GAS_TIERS.slice(1)), 'invalid_tariff', /三档/],
    ['four tiers', withTiers([{ upToM3: 100, priceFenPerM3: 200 }, ...DEFAULT_GAS_TIERS]), 'invalid_tariff', /三档/],
    ['limits not ascending', withTiers(tiers(261, 313, 392, [500, 350])), 'invalid_tariff', /递增/],
    ['two equal limits', withTiers(tiers(261, 313, 392, [350, 350])), 'invalid_tariff', /递增/],
    ['a fractional limit', withTiers(tiers(261, 313, 392, [350.5, 500])), 'invalid_tariff', /正整数/],
    ['a zero limit', withTiers(tiers(261, 313, 392, [0, 500])), 'invalid_tariff', /正整数/],
    ['a limit on the last tier', withTiers([T1, T2, { upToM3: 900, priceFenPerM3: 392 }]), 'invalid_tariff', /第三档/],
    [
      'no limit on the middle tier',
      withTiers([T1, { upToM3: null, priceFenPerM3: 313 }, T3]),
      'invalid_tariff',
      /递增/,
    ],
    ['a negative price', withTiers(tiers(-1, 313, 392)), 'invalid_tariff', /单价/],
    ['a price in yuan', withTiers(tiers(2.61, 3.13, 3.92)), 'invalid_tariff', /单价/],
    ['an impossible effective date', march(100, {}, [tariff('2026-13-01')]), 'invalid_input', /生效日期/],
    [
      'tariffs of two districts',
      march(100, {}, [BASE, tariff('2026-07-01', DEFAULT_GAS_TIERS, 2)]),
      'invalid_tariff',
      /多个片区/,
    ],
    ['two tariffs from one date', march(100, {}, [BASE, RAISED, tariff('2026-07-01')]), 'invalid_tariff', /2026-07-01/],
  ])('refuses %s', (_name, input, code, message) => {
    const run = () => computeGasBill(input);
    expect(run).toThrow(BillingError);
    expect(run).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});

describe('gasVolumeByYear', () => {
  it('gives the next period its year-to-date, heating lines aside', () => {
    const winter = computeGasBill(gas('2026-12-16', '2027-01-15', 6001, { 2026: 34000 }));
    const heating: BillLine = {
      kind: 'heating',
      year: 2026,
      from: '2026-11-15',
      to: '2027-03-15',
      quantity: 8000,
      unitPriceFen: 2400,
      amountFen: 192000,
    };
    expect(gasVolumeByYear([...winter.lines, heating])).toEqual({ 2026: 3001, 2027: 3000 });
  });
});
