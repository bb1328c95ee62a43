import { dayNumber, dayString } from './billing-dates';
import { BillingError } from './billing-error';
import { splitAtYearsAndTariffs, tierQuantities } from './annual-tiers';

describe('tierQuantities: a quantity stepped through three annual tiers (docs/domain.md#billing)', () => {
  const gas = [350, 500, null];
  it.each<[string, number, number, number[]]>([
    ['all in tier 1', 10_000, 0, [10_000, 0, 0]],
    ['up to tier 1’s limit exactly', 35_000, 0, [35_000, 0, 0]],
    ['across tiers 1 and 2', 10_000, 30_000, [5_000, 5_000, 0]],
    ['across all three', 30_000, 30_000, [5_000, 15_000, 10_000]],
    ['tier 1 already full', 1_000, 35_000, [0, 1_000, 0]],
    ['all in tier 3', 7_000, 90_000, [0, 0, 7_000]],
    ['nothing', 0, 40_000, [0, 0, 0]],
  ])('%s', (_case, quantity, counter, parts) => {
    expect(tierQuantities(gas, quantity, counter)).toEqual(parts);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(quantity);
  });

  it('power steps in kWh: 2,700 kWh billed, 100 kWh more → 60 in step 1, 40 in step 2', () => {
    expect(tierQuantities([2760, 4800, null], 10_000, 270_000)).toEqual([6_000, 4_000, 0]);
  });
});

describe('splitAtYearsAndTariffs', () => {
  const tariffs = [{ effectiveFrom: '2026-01-01' }, { effectiveFrom: '2026-07-01' }];
  const parts = (first: string, last: string) =>
    splitAtYearsAndTariffs(dayNumber(first, 'from'), dayNumber(last, 'to'), tariffs, '气价').map((p) => [
      dayString(p.first),
      dayString(p.last),
      p.tariff.effectiveFrom,
    ]);

  it.each<[string, string, string, string[][]]>([
    ['within one tariff', '2026-03-01', '2026-03-31', [['2026-03-01', '2026-03-31', '2026-01-01']]],
    [
      'across a tariff change',
      '2026-06-16',
      '2026-07-15',
      [
        ['2026-06-16', '2026-06-30', '2026-01-01'],
        ['2026-07-01', '2026-07-15', '2026-07-01'],
      ],
    ],
    [
      'across new year (the counter resets)',
      '2026-12-16',
      '2027-01-15',
      [
        ['2026-12-16', '2026-12-31', '2026-07-01'],
        ['2027-01-01', '2027-01-15', '2026-07-01'],
      ],
    ],
  ])('%s', (_case, first, last, expected) => expect(parts(first, last)).toEqual(expected));

  it('a day before every tariff cannot be billed', () => {
    expect(() =>
      splitAtYearsAndTariffs(dayNumber('2025-12-31', 'from'), dayNumber('2026-01-05', 'to'), tariffs, '电价'),
    ).toThrow(new BillingError('no_tariff', '2025-12-31 没有生效的电价，无法计费'));
  });
});
