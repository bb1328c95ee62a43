import { allocateLargestRemainder } from './pro-rata';

describe('allocateLargestRemainder', () => {
  it.each<[string, number, number[], number[]]>([
    ['one part takes all', 5, [3], [5]],
    ['even split', 6000, [15, 15], [3000, 3000]],
    ['a tie: the earlier part takes the unit', 6001, [15, 15], [3001, 3000]],
    ['20 / 10 days: 666.67 / 333.33', 1000, [20, 10], [667, 333]],
    ['29 / 1 days: the larger remainder wins', 3100, [29, 1], [2997, 103]],
    ['three equal parts', 100, [10, 10, 10], [34, 33, 33]],
    ['two units left over', 2, [1, 1, 1], [1, 1, 0]],
    ['the largest remainder is last', 10, [1, 1, 4], [2, 2, 6]],
    ['a zero weight gets nothing', 7, [0, 1], [0, 7]],
    ['nothing to share', 0, [1, 2], [0, 0]],
    ['large totals stay exact', 9_007_199_254_740_991, [365, 1], [8_982_589_420_711_644, 24_609_834_029_347]],
  ])('%s', (_name, total, weights, expected) => {
    const parts = allocateLargestRemainder(total, weights);
    expect(parts).toEqual(expected);
    expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it.each<[string, number, number[]]>([
    ['no weights', 10, []],
    ['only zero weights', 10, [0, 0]],
    ['a negative weight', 10, [2, -1]],
    ['a fractional weight', 10, [1.5, 1]],
    ['a negative total', -1, [1]],
    ['a fractional total', 1.5, [1]],
  ])('refuses %s', (_name, total, weights) => {
    expect(() => allocateLargestRemainder(total, weights)).toThrow(RangeError);
  });
});
