import { BillingError, BillingErrorCode } from './billing-error';
import { DEFAULT_HEATING } from './default-tariffs';
import { computeHeatingBill, HeatingBillInput, heatingSeason } from './heating-bill';
import { BillLine, HeatingTariff } from './tariff-types';

const tariff = (effectiveFrom: string, overrides: Partial<HeatingTariff> = {}): HeatingTariff => ({
  districtId: 1,
  effectiveFrom,
  ...DEFAULT_HEATING,
  ...overrides,
});
const BASE = tariff('2020-01-01');
/** 80 m² at 24.00 元/m²: 1,920.00 元 a season. */
const flat = (seasonYear: number, more: Partial<HeatingBillInput> = {}): HeatingBillInput => ({
  areaCentiM2: 8000,
  seasonYear,
  tariffs: [BASE],
  ...more,
});
/** The 2026 season of the flat under one tariff from 2020 with these changes. */
const priced = (changes: Partial<HeatingTariff>, more: Partial<HeatingBillInput> = {}) =>
  flat(2026, { tariffs: [tariff('2020-01-01', changes)], ...more });
/** The base price plus a new one from `effectiveFrom`. */
const repriced = (seasonYear: number, effectiveFrom: string, priceFenPerM2: number) =>
  flat(seasonYear, { tariffs: [BASE, tariff(effectiveFrom, { priceFenPerM2 })] });
const line = (from: string, to: string, amountFen: number, prorata?: { days: number; ofDays: number }): BillLine => ({
  kind: 'heating',
  year: 2026,
  from,
  to,
  quantity: 8000,
  unitPriceFen: 2400,
  amountFen,
  ...(prorata && { prorata }),
});

describe('heatingSeason', () => {
  type Season = ReturnType<typeof heatingSeason>;
  it.each<[string, Pick<HeatingTariff, 'seasonStart' | 'seasonEnd'>, number, Season]>([
    ['default, across the year end', DEFAULT_HEATING, 2026, { first: '2026-11-15', last: '2027-03-15', days: 121 }],
    ['a February 29 inside', DEFAULT_HEATING, 2027, { first: '2027-11-15', last: '2028-03-15', days: 122 }],
    [
      'within one calendar year',
      { seasonStart: '10-01', seasonEnd: '12-31' },
      2026,
      { first: '2026-10-01', last: '2026-12-31', days: 92 },
    ],
  ])('%s', (_name, t, year, expected) => {
    expect(heatingSeason(t, year)).toEqual(expected);
  });
});

describe('computeHeatingBill', () => {
  it.each<[string, HeatingBillInput, BillLine]>([
    ['full season: area × price', flat(2026), line('2026-11-15', '2027-03-15', 192000)],
    [
      'the season’s own first and last day are a full season',
      flat(2026, { from: '2026-11-15', to: '2027-03-15' }),
      line('2026-11-15', '2027-03-15', 192000),
    ],
    [
      'connected on 2027-01-01: 74 of 121 days, 117,421.49 fen',
      flat(2026, { from: '2027-01-01' }),
      line('2027-01-01', '2027-03-15', 117421, { days: 74, ofDays: 121 }),
    ],
    [
      'stopped after 2026-12-31: 47 of 121 days, 74,578.51 fen',
      flat(2026, { to: '2026-12-31' }),
      line('2026-11-15', '2026-12-31', 74579, { days: 47, ofDays: 121 }),
    ],
    [
      'connected and stopped mid-season: 62 of 121 days, 98,380.17 fen',
      flat(2026, { from: '2026-12-01', to: '2027-01-31' }),
      line('2026-12-01', '2027-01-31', 98380, { days: 62, ofDays: 121 }),
    ],
    [
      'a single day: 1 of 121 days, 1,586.78 fen',
      flat(2026, { from: '2026-11-15', to: '2026-11-15' }),
      line('2026-11-15', '2026-11-15', 1587, { days: 1, ofDays: 121 }),
    ],
  ])('%s', (_name, input, expected) => {
    expect(computeHeatingBill(input)).toEqual({ lines: [expected], amountFen: expected.amountFen });
  });

  it.each<[string, HeatingBillInput, number]>([
    ['leap season, full: still area × price', flat(2027), 192000],
    // 75 of 122 days: 118,032.79 fen.
    ['leap season from 2028-01-01 counts 02-29', flat(2027, { from: '2028-01-01' }), 118033],
    [
      '75.33 m² × 24.50 元 = 184,558.5 fen → 184,559 (half up)',
      priced({ priceFenPerM2: 2450 }, { areaCentiM2: 7533 }),
      184559,
    ],
    [
      '2.42 m² × 0.25 元 × 1/121 of the season = 0.5 fen → 1',
      priced({ priceFenPerM2: 25 }, { areaCentiM2: 242, to: '2026-11-15' }),
      1,
    ],
    ['no area, nothing to bill', flat(2026, { areaCentiM2: 0 }), 0],
    ['a price set before the season applies to it', repriced(2026, '2026-08-01', 2600), 208000],
    ['a price set on the season’s first day applies to it', repriced(2026, '2026-11-15', 2600), 208000],
    ['a price set mid-season waits for the next season', repriced(2026, '2026-12-01', 2800), 192000],
    ['…and applies to the next one', repriced(2027, '2026-12-01', 2800), 224000],
  ])('%s', (_name, input, amountFen) => {
    expect(computeHeatingBill(input).amountFen).toBe(amountFen);
  });

  it.each<[string, HeatingBillInput, BillingErrorCode, RegExp]>([
    [
      'connection before the season',
      flat(2026, { from: '2026-11-14' }),
      'invalid_input',
      /采暖期 2026-11-15 至 2027-03-15/,
    ],
    ['a stop after the season', flat(2026, { to: '2027-03-16' }), 'invalid_input', /采暖期/],
    ['from after to', flat(2026, { from: '2027-01-02', to: '2027-01-01' }), 'invalid_input', /先后/],
    ['an impossible date', flat(2026, { from: '2026-11-31' }), 'invalid_input', /2026-11-31/],
    ['a negative area', flat(2026, { areaCentiM2: -1 }), 'invalid_input', /面积/],
    ['an area in m² with decimals', flat(2026, { areaCentiM2: 80.5 }), 'invalid_input', /面积/],
    ['no tariff for the season', flat(2026, { tariffs: [tariff('2026-12-01')] }), 'no_tariff', /2026 年采暖期/],
    ['an impossible season day', priced({ seasonStart: '11-31' }), 'invalid_tariff', /MM-DD/],
    ['a season ending on 02-29', priced({ seasonEnd: '02-29' }), 'invalid_tariff', /02-29/],
    ['a season day without a dash', priced({ seasonStart: '1115' }), 'invalid_tariff', /MM-DD/],
    ['a season that starts and ends on one day', priced({ seasonEnd: '11-15' }), 'invalid_tariff', /不同/],
    ['a negative price', priced({ priceFenPerM2: -1 }), 'invalid_tariff', /单价/],
    ['a price in yuan', priced({ priceFenPerM2: 24.5 }), 'invalid_tariff', /单价/],
    [
      'tariffs of two districts',
      flat(2026, { tariffs: [BASE, tariff('2026-08-01', { districtId: 2 })] }),
      'invalid_tariff',
      /多个/,
    ],
    [
      'two tariffs from one date',
      flat(2026, { tariffs: [BASE, tariff('2026-08-01'), tariff('2026-08-01')] }),
      'invalid_tariff',
      /两套/,
    ],
  ])('refuses %s', (_name, input, code, message) => {
    const run = () => computeHeatingBill(input);
    expect(run).toThrow(BillingError);
    expect(run).toThrow(expect.objectContaining({ code, message: expect.stringMatching(message) }));
  });
});
