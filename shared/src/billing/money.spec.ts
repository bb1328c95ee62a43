import { formatHundredths, formatYuan, roundHalfUpDiv } from './money';

describe('roundHalfUpDiv', () => {
  it.each<[string, number | bigint, number | bigint, number]>([
    ['2.61 → 3', 261, 100, 3],
    ['2.5 → 3 (half up)', 250, 100, 3],
    ['2.49 → 2', 249, 100, 2],
    ['130.5 → 131', 13050, 100, 131],
    ['exact', 7830_00, 100, 7830],
    ['zero', 0, 100, 0],
    ['1/3 → 0', 1, 3, 0],
    ['2/3 → 1', 2, 3, 1],
    ['−2.5 → −3 (half away from zero, like the charge it refunds)', -250, 100, -3],
    ['−2.49 → −2', -249, 100, -2],
    ['negative denominator: −0.5 → −1', 5, -10, -1],
    ['both negative: 0.5 → 1', -5, -10, 1],
    ['−0.4 → 0, not −0', -4, 10, 0],
    // 10¹⁷ + 50 is not a float: as a number it would already be 10¹⁷ and round down.
    ['large numerator in BigInt', 10n ** 17n + 50n, 100, 1_000_000_000_000_001],
    ['largest safe result', BigInt(Number.MAX_SAFE_INTEGER) * 100n + 49n, 100n, Number.MAX_SAFE_INTEGER],
  ])('%s', (_name, n, d, expected) => {
    expect(Object.is(roundHalfUpDiv(n, d), expected)).toBe(true);
  });

  it.each<[string, number | bigint, number | bigint]>([
    ['division by zero', 1, 0],
    ['a fraction', 1.5, 1],
    ['a number past 2⁵³ (digits may be lost already)', 2 ** 60, 100],
    ['NaN', NaN, 100],
    ['a result past 2⁵³', BigInt(Number.MAX_SAFE_INTEGER) * 100n + 50n, 100n],
  ])('refuses %s', (_name, n, d) => {
    expect(() => roundHalfUpDiv(n, d)).toThrow(RangeError);
  });
});

describe('formatYuan', () => {
  it.each<[number, string]>([
    [0, '¥0.00'],
    [-0, '¥0.00'],
    [1, '¥0.01'],
    [99, '¥0.99'],
    [100, '¥1.00'],
    [123456, '¥1,234.56'],
    [100000, '¥1,000.00'],
    [99999999, '¥999,999.99'],
    [100000000, '¥1,000,000.00'],
    [-5, '-¥0.05'],
    [-123456, '-¥1,234.56'],
    [Number.MAX_SAFE_INTEGER, '¥90,071,992,547,409.91'],
  ])('%p fen → %s', (fen, expected) => {
    expect(formatYuan(fen)).toBe(expected);
  });

  it.each([1.5, NaN, Infinity])('refuses %p fen', (fen) => {
    expect(() => formatYuan(fen)).toThrow(RangeError);
  });
});

describe('formatHundredths', () => {
  it.each<[number, string]>([
    [12345, '123.45'],
    [3500000, '35,000.00'],
    [-1, '-0.01'],
  ])('%p → %s', (n, expected) => {
    expect(formatHundredths(n)).toBe(expected);
  });
});
