import { timeOfUseRegistersBelow, timeOfUseRegistersError } from './time-of-use-registers';

describe('峰谷 registers of a power reading (docs/domain.md#readings)', () => {
  it.each([
    ['no registers: a flat meter', 500_000, null, null, null],
    ['peak + valley = total', 500_000, 300_000, 200_000, null],
    ['a zero valley register', 1_000, 1_000, 0, null],
    ['the sum one hundredth short', 500_000, 300_000, 199_999, '峰段与谷段读数之和应等于总读数'],
    ['the sum over the total', 500_000, 300_001, 200_000, '峰段与谷段读数之和应等于总读数'],
    ['peak without valley', 500_000, 300_000, null, '峰段与谷段读数须同时填写'],
    ['valley without peak', 500_000, null, 200_000, '峰段与谷段读数须同时填写'],
  ])('%s', (_case, valueCentiKwh, peakCentiKwh, valleyCentiKwh, error) => {
    expect(timeOfUseRegistersError({ valueCentiKwh, peakCentiKwh, valleyCentiKwh })).toBe(error);
  });

  it.each([
    ['both registers up', [100, 50], [120, 60], false],
    ['unchanged', [100, 50], [100, 50], false],
    ['peak went down', [100, 50], [99, 60], true],
    ['valley went down', [100, 50], [120, 49], true],
    ['no previous registers', [null, null], [10, 5], false],
  ] as const)('%s', (_case, [peak0, valley0], [peak1, valley1], below) => {
    expect(
      timeOfUseRegistersBelow(
        { peakCentiKwh: peak0, valleyCentiKwh: valley0 },
        { peakCentiKwh: peak1, valleyCentiKwh: valley1 },
      ),
    ).toBe(below);
  });
});
