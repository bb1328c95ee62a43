import { GasTariffSchema, HeatingTariffSchema, PowerTariffSchema, TariffSchema } from '../api/org-admin';
import { heatingProblems, isMonthDay, overlappingTariff, tierProblems, TierStep } from './tariff-rules';

const steps = (...s: [number | null, number][]): TierStep[] => s.map(([upTo, priceFen]) => ({ upTo, priceFen }));

describe('tierProblems', () => {
  it.each<[string, TierStep[], string[]]>([
    ['the default gas tiers', steps([350, 261], [500, 313], [null, 392]), []],
    ['equal prices in two tiers', steps([350, 261], [500, 261], [null, 392]), []],
    ['two tiers', steps([350, 261], [null, 313]), ['须设置3档阶梯']],
    ['four tiers', steps([1, 1], [2, 2], [3, 3], [null, 4]), ['须设置3档阶梯']],
    ['limits not ascending', steps([500, 261], [350, 313], [null, 392]), ['档位上限须逐档递增']],
    ['equal limits', steps([350, 261], [350, 313], [null, 392]), ['档位上限须逐档递增']],
    ['a last tier with a limit', steps([350, 261], [500, 313], [900, 392]), ['最后一档不设上限']],
    ['an open middle tier', steps([350, 261], [null, 313], [null, 392]), ['只有最后一档可以不设上限']],
    ['a zero price', steps([350, 0], [500, 313], [null, 392]), ['单价须为正整数（分）']],
    ['a price in yuan with decimals', steps([350, 2.61], [500, 313], [null, 392]), ['单价须为正整数（分）']],
    ['a cheaper higher tier', steps([350, 261], [500, 250], [null, 392]), ['高档单价不能低于低档']],
    ['a zero limit', steps([0, 261], [500, 313], [null, 392]), ['档位上限须为正整数']],
  ])('%s', (_what, tiers, messages) => {
    expect(tierProblems(tiers).map((p) => p.message)).toEqual(messages);
  });
});

describe('heatingProblems', () => {
  it.each<[string, string, string, number, string[]]>([
    ['the default season', '11-15', '03-15', 2400, []],
    ['a season within one year', '10-01', '12-31', 2400, []],
    ['a leap day', '02-29', '11-15', 2400, []],
    ['a day that does not exist', '11-31', '03-15', 2400, ['供暖开始日期格式应为MM-DD']],
    ['a full date', '11-15', '2027-03-15', 2400, ['供暖结束日期格式应为MM-DD']],
    ['the same day twice', '11-15', '11-15', 2400, ['供暖开始与结束不能是同一天']],
    ['a negative price', '11-15', '03-15', -1, ['单价须为正整数（分）']],
    ['a price with decimals', '11-15', '03-15', 24.5, ['单价须为正整数（分）']],
  ])('%s', (_what, seasonStart, seasonEnd, priceFenPerM2, messages) => {
    expect(heatingProblems({ seasonStart, seasonEnd, priceFenPerM2 }).map((p) => p.message)).toEqual(messages);
  });

  it.each([
    ['01-01', true],
    ['12-31', true],
    ['13-01', false],
    ['00-10', false],
    ['1-1', false],
  ])('isMonthDay(%s) → %s', (value, ok) => expect(isMonthDay(value)).toBe(ok));
});

describe('overlappingTariff', () => {
  const existing = [
    { id: 1, kind: 'gas', districtId: 1, effectiveFrom: '2026-01-01' },
    { id: 2, kind: 'heating', districtId: 1, effectiveFrom: '2026-01-01' },
    { id: 3, kind: 'gas', districtId: 2, effectiveFrom: '2026-01-01' },
  ];
  it.each<[string, { id?: number; kind: string; districtId: number; effectiveFrom: string }, number | null]>([
    ['the same kind, district and date', { kind: 'gas', districtId: 1, effectiveFrom: '2026-01-01' }, 1],
    ['a later date', { kind: 'gas', districtId: 1, effectiveFrom: '2027-01-01' }, null],
    ['another district', { kind: 'gas', districtId: 4, effectiveFrom: '2026-01-01' }, null],
    ['another kind', { kind: 'power', districtId: 1, effectiveFrom: '2026-01-01' }, null],
    ['itself, being edited', { id: 1, kind: 'gas', districtId: 1, effectiveFrom: '2026-01-01' }, null],
    ['another, edited onto its date', { id: 3, kind: 'gas', districtId: 1, effectiveFrom: '2026-01-01' }, 1],
  ])('%s', (_what, candidate, clash) => {
    expect(overlappingTariff(existing, candidate)?.id ?? null).toBe(clash);
  });
});

describe('TariffSchema', () => {
  const gas = {
    kind: 'gas',
    districtId: 1,
    effectiveFrom: '2027-01-01',
    tiers: [
      { upToM3: 350, priceFenPerM3: 261 },
      { upToM3: 500, priceFenPerM3: 313 },
      { upToM3: null, priceFenPerM3: 392 },
    ],
  };
  const power = {
    kind: 'power',
    districtId: 1,
    effectiveFrom: '2027-01-01',
    tiers: [
      { upToKwh: 2160, priceCentiFenPerKwh: 4883 },
      { upToKwh: 4200, priceCentiFenPerKwh: 5383 },
      { upToKwh: null, priceCentiFenPerKwh: 7883 },
    ],
  };
  const heating = {
    kind: 'heating',
    districtId: 1,
    effectiveFrom: '2027-01-01',
    seasonStart: '11-15',
    seasonEnd: '03-15',
    priceFenPerM2: 2400,
  };

  it.each<[string, object, boolean]>([
    ['gas tiers', gas, true],
    ['power tiers', power, true],
    [
      'power tiers with 峰谷 prices',
      { ...power, timeOfUse: { peakCentiFenPerKwh: 5683, valleyCentiFenPerKwh: 2883 } },
      true,
    ],
    [
      'a valley price not below the peak',
      { ...power, timeOfUse: { peakCentiFenPerKwh: 5683, valleyCentiFenPerKwh: 5683 } },
      false,
    ],
    [
      'a power price as fen with a fraction (not 0.0001 元)',
      { ...power, tiers: power.tiers.map((t) => ({ ...t, priceCentiFenPerKwh: t.priceCentiFenPerKwh + 0.5 })) },
      false,
    ],
    [
      'power in whole fen as before',
      { ...power, tiers: power.tiers.map((t) => ({ upToKwh: t.upToKwh, priceFenPerKwh: 49 })) },
      false,
    ],
    ['a heating price', heating, true],
    ['gas tiers given as power', { ...power, kind: 'gas' }, false],
    ['an unknown kind', { ...gas, kind: 'water' }, false],
    ['a date that does not exist', { ...gas, effectiveFrom: '2027-02-30' }, false],
    ['power tiers out of order', { ...power, tiers: [power.tiers[1], power.tiers[0], power.tiers[2]] }, false],
    ['a heating price of 0', { ...heating, priceFenPerM2: 0 }, false],
  ])('%s → valid %s', (_what, body, ok) => {
    expect(TariffSchema.safeParse(body).success).toBe(ok);
  });

  it('names the offending tier', () => {
    const res = GasTariffSchema.safeParse({
      ...gas,
      tiers: [gas.tiers[0], { upToM3: 300, priceFenPerM3: 313 }, gas.tiers[2]],
    });
    expect(res.success ? [] : res.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['tiers.1', '档位上限须逐档递增'],
    ]);
    expect(PowerTariffSchema.safeParse(power).success && HeatingTariffSchema.safeParse(heating).success).toBe(true);
  });
});
