import { DEFAULT_GAS_TIERS, DEFAULT_HEATING } from './default-tariffs';
import { computeGasBill, validateGasTariff } from './gas-bill';
import { computeHeatingBill, validateHeatingTariff } from './heating-bill';

describe('default tariffs', () => {
  const gas = { districtId: 1, effectiveFrom: '2020-01-01', tiers: DEFAULT_GAS_TIERS };
  const heating = { districtId: 1, effectiveFrom: '2020-01-01', ...DEFAULT_HEATING };

  it('are the figures of docs/domain.md#billing', () => {
    expect(DEFAULT_GAS_TIERS).toEqual([
      { upToM3: 350, priceFenPerM3: 261 },
      { upToM3: 500, priceFenPerM3: 313 },
      { upToM3: null, priceFenPerM3: 392 },
    ]);
    expect(DEFAULT_HEATING).toEqual({ seasonStart: '11-15', seasonEnd: '03-15', priceFenPerM2: 2400 });
  });

  it('are valid tariffs', () => {
    expect(() => validateGasTariff(gas)).not.toThrow();
    expect(() => validateHeatingTariff(heating)).not.toThrow();
  });

  it('price a year of 600 m³ through all three tiers', () => {
    // 350 × 2.61 + 150 × 3.13 + 100 × 3.92 = 913.50 + 469.50 + 392.00 = 1,775.00 元.
    const year = computeGasBill({
      from: '2025-12-31',
      to: '2026-12-31',
      volumeCentiM3: 60000,
      yearToDateCentiM3: {},
      tariffs: [gas],
    });
    expect(year.lines.map((l) => [l.tier, l.quantity, l.amountFen])).toEqual([
      [1, 35000, 91350],
      [2, 15000, 46950],
      [3, 10000, 39200],
    ]);
    expect(year.amountFen).toBe(177500);
  });

  it('price a 100 m² flat’s season at 2,400.00 元', () => {
    expect(computeHeatingBill({ areaCentiM2: 10000, seasonYear: 2026, tariffs: [heating] }).amountFen).toBe(240000);
  });
});
