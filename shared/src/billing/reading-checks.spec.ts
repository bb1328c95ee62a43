import { BillingError } from './billing-error';
import { checkReading, DEFAULT_READING_RULES, ReadingCheckInput, ReadingCheckResult } from './reading-checks';

/** Last reading 1,000.00 m³, a 30-day period, usually 1 m³ a day unless said otherwise. */
const reading = (used: number, usualDailyCentiM3: number | null = 100, periodDays = 30): ReadingCheckInput => ({
  previousValueCentiM3: 100000,
  valueCentiM3: 100000 + used,
  periodDays,
  usualDailyCentiM3,
});
const OK: ReadingCheckResult = { ok: true };
const LOWER = expect.objectContaining({ ok: false, reason: 'lower_than_previous' });
const FAR = expect.objectContaining({ ok: false, reason: 'far_above_usual' });

describe('checkReading', () => {
  it.each<[string, ReadingCheckInput, unknown]>([
    ['usual use', reading(3000), OK],
    ['no use at all', reading(0), OK],
    ['0.01 m³ lower than last time', reading(-1), LOWER],
    ['lower, on a new account', reading(-500, null), LOWER],
    ['exactly 3× the usual use: not over it', reading(9000), OK],
    ['0.01 m³ over 3×', reading(9001), FAR],
    ['a new account has no usual use to compare with', reading(500000, null), OK],
    ['tiny usual use (0.01 m³/day), 16×, under the 0.5 m³/day floor', reading(500, 1), OK],
    ['tiny usual use, exactly at the floor (15 m³ in 30 days)', reading(1500, 1), OK],
    ['tiny usual use, 0.01 m³ over the floor', reading(1501, 1), FAR],
    ['no recent use, over the floor', reading(1501, 0), FAR],
    ['no recent use, at the floor', reading(1500, 0), OK],
    ['a fractional average at exactly 3× (3 × 33.4 × 30 = 3006)', reading(3006, 33.4), OK],
    ['a fractional average, 0.01 m³ over 3×', reading(3007, 33.4), FAR],
    ['a one-day period over 3× and the floor', reading(301, 100, 1), FAR],
  ])('%s', (_name, input, expected) => {
    expect(checkReading(input)).toEqual(expected);
  });

  it('tells staff in Chinese what to check', () => {
    expect(checkReading(reading(-1))).toEqual({
      ok: false,
      reason: 'lower_than_previous',
      message: '本次读数 999.99 m³ 低于上次读数 1,000.00 m³，请核实是否换表、表码回零或抄错，核实前暂不出账',
    });
    expect(checkReading(reading(9001))).toEqual({
      ok: false,
      reason: 'far_above_usual',
      message: '本期 30 天用气 90.01 m³，超过近期日均 1.00 m³ 的 3 倍，请核实读数，核实前暂不出账',
    });
  });

  it('defaults to 3× the usual use and 0.5 m³ a day', () => {
    expect(DEFAULT_READING_RULES).toEqual({ farAboveRatio: 3, floorCentiM3PerDay: 50 });
  });

  it.each<[string, ReadingCheckInput, boolean]>([
    ['2× at 2×', reading(6000), true],
    ['2× plus 0.01 m³', reading(6001), false],
    ['no floor: tiny use is judged by the ratio alone', reading(61, 1), false],
  ])('follows the operator’s rules (2×, no floor): %s', (_name, input, ok) => {
    expect(checkReading(input, { farAboveRatio: 2, floorCentiM3PerDay: 0 }).ok).toBe(ok);
  });

  it.each<[string, ReadingCheckInput]>([
    ['a zero-day period', reading(100, 100, 0)],
    ['a fractional period', reading(100, 100, 1.5)],
    ['a negative reading', { ...reading(0), valueCentiM3: -1 }],
    ['a reading in m³ with decimals', { ...reading(0), valueCentiM3: 1000.5 }],
    ['a negative usual use', reading(100, -1)],
    ['a NaN usual use', reading(100, NaN)],
  ])('refuses %s', (_name, input) => {
    const run = () => checkReading(input);
    expect(run).toThrow(BillingError);
    expect(run).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
