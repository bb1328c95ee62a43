import { BillingError } from './billing-error';
import { DEFAULT_POWER } from './default-tariffs';
import { computePowerBill, PowerBillInput } from './power-bill';
import { PowerTariff } from './tariff-types';

/** 0.4883 / 0.5383 / 0.7883 元/kWh, steps at 2,760 and 4,800 kWh; 峰谷 0.5683 / 0.2883 元 for step 1. */
const TARIFF: PowerTariff = { districtId: 1, effectiveFrom: '2020-01-01', ...DEFAULT_POWER };
const FLAT: PowerTariff = { ...TARIFF, timeOfUse: null };

const power = (
  from: string,
  to: string,
  usageCentiKwh: number,
  yearToDateCentiKwh: Record<number, number> = {},
  extra: Partial<PowerBillInput> = {},
): PowerBillInput => ({ from, to, usageCentiKwh, yearToDateCentiKwh, tariffs: [TARIFF], ...extra });

/** Each line as [year, step, register, centiKwh, 0.01 fen/kWh, fen]. */
const rows = (input: PowerBillInput) => {
  const bill = computePowerBill(input);
  return {
    amountFen: bill.amountFen,
    lines: bill.lines.map((l) => [l.year, l.tier, l.timeOfUse ?? 'flat', l.quantity, l.unitPriceCentiFen, l.amountFen]),
  };
};

describe('computePowerBill (阶梯电价, integer fen, each line rounded half up)', () => {
  it.each([
    {
      name: '200 kWh in step 1: 200 × 0.4883 = 97.66 元',
      input: power('2026-01-31', '2026-02-28', 20_000),
      amountFen: 9766,
      lines: [[2026, 1, 'flat', 20_000, 4883, 9766]],
    },
    {
      name: 'crossing into step 2 at 2,760 kWh: 60 kWh at 0.4883 (29.298 → 29.30) and 40 kWh at 0.5383 (21.532 → 21.53)',
      input: power('2026-06-30', '2026-07-31', 10_000, { 2026: 270_000 }),
      amountFen: 5083,
      lines: [
        [2026, 1, 'flat', 6_000, 4883, 2930],
        [2026, 2, 'flat', 4_000, 5383, 2153],
      ],
    },
    {
      name: 'one period through all three steps',
      input: power('2026-06-30', '2026-07-31', 220_000, { 2026: 270_000 }),
      amountFen: 2930 + 109_813 + 7883,
      lines: [
        [2026, 1, 'flat', 6_000, 4883, 2930],
        [2026, 2, 'flat', 204_000, 5383, 109_813],
        [2026, 3, 'flat', 10_000, 7883, 7883],
      ],
    },
    {
      name: 'a period over New Year: half to the old year (its counter near the step), half restarts at step 1; 73.245 → 73.25',
      input: power('2025-12-16', '2026-01-15', 30_000, { 2025: 275_000 }),
      amountFen: 488 + 7536 + 7325,
      lines: [
        [2025, 1, 'flat', 1_000, 4883, 488],
        [2025, 2, 'flat', 14_000, 5383, 7536],
        [2026, 1, 'flat', 15_000, 4883, 7325],
      ],
    },
    {
      name: '峰谷 in step 1: 180 kWh peak at 0.5683 and 120 kWh valley at 0.2883',
      input: power(
        '2026-03-31',
        '2026-04-30',
        30_000,
        {},
        {
          peakValley: { peakCentiKwh: 18_000, valleyCentiKwh: 12_000 },
        },
      ),
      amountFen: 10_229 + 3460,
      lines: [
        [2026, 1, 'peak', 18_000, 5683, 10_229],
        [2026, 1, 'valley', 12_000, 2883, 3460],
      ],
    },
    {
      name: '峰谷 crossing a step: each step split 60 : 40 like the period, step 2 adding its 0.05 元',
      input: power(
        '2026-06-30',
        '2026-07-31',
        10_000,
        { 2026: 270_000 },
        {
          peakValley: { peakCentiKwh: 6_000, valleyCentiKwh: 4_000 },
        },
      ),
      amountFen: 2046 + 692 + 1484 + 541,
      lines: [
        [2026, 1, 'peak', 3_600, 5683, 2046],
        [2026, 1, 'valley', 2_400, 2883, 692],
        [2026, 2, 'peak', 2_400, 6183, 1484],
        [2026, 2, 'valley', 1_600, 3383, 541],
      ],
    },
    {
      name: 'a 峰谷 meter under a flat tariff is billed flat',
      input: power(
        '2026-01-31',
        '2026-02-28',
        20_000,
        {},
        {
          tariffs: [FLAT],
          peakValley: { peakCentiKwh: 5_000, valleyCentiKwh: 15_000 },
        },
      ),
      amountFen: 9766,
      lines: [[2026, 1, 'flat', 20_000, 4883, 9766]],
    },
    {
      name: 'a price change mid-period: the counter carries over, days before it at the old price',
      input: power(
        '2026-06-20',
        '2026-07-10',
        20_000,
        {},
        {
          tariffs: [
            FLAT,
            {
              ...FLAT,
              effectiveFrom: '2026-07-01',
              tiers: FLAT.tiers.map((t) => ({ ...t, priceCentiFenPerKwh: t.priceCentiFenPerKwh + 100 })),
            },
          ],
        },
      ),
      amountFen: 4883 + 4983,
      lines: [
        [2026, 1, 'flat', 10_000, 4883, 4883],
        [2026, 1, 'flat', 10_000, 4983, 4983],
      ],
    },
  ])('$name', ({ input, amountFen, lines }) => {
    expect(rows(input)).toEqual({ amountFen, lines });
  });

  it('bills nothing for no usage', () => {
    expect(computePowerBill(power('2026-01-31', '2026-02-28', 0))).toEqual({
      lines: [],
      amountFen: 0,
      volumeCentiM3: 0,
    });
  });

  it.each([
    [
      'peak and valley not adding up to the usage',
      power('2026-01-31', '2026-02-28', 100, {}, { peakValley: { peakCentiKwh: 60, valleyCentiKwh: 50 } }),
      'invalid_input',
    ],
    ['negative usage', power('2026-01-31', '2026-02-28', -1), 'negative_volume'],
    ['no tariff in force yet', power('2019-01-31', '2019-02-28', 100), 'no_tariff'],
    [
      'two steps only',
      power('2026-01-31', '2026-02-28', 100, {}, { tariffs: [{ ...TARIFF, tiers: TARIFF.tiers.slice(1) }] }),
      'invalid_tariff',
    ],
  ])('refuses %s', (_name, input, code) => {
    expect(() => computePowerBill(input)).toThrow(expect.objectContaining({ code }) as BillingError);
  });
});
