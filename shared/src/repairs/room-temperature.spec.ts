import { isBelowStandard, roomTemperatureStandard } from './room-temperature';

/** Shanghai is UTC+8: 06:00 Shanghai is 22:00Z the day before, 21:00 Shanghai is 13:00Z. */
describe('roomTemperatureStandard (Shanghai clock)', () => {
  it.each([
    ['2026-12-01T05:59:59+08:00', 'night', 16],
    ['2026-12-01T06:00:00+08:00', 'day', 18],
    ['2026-12-01T06:00:01+08:00', 'day', 18],
    ['2026-12-01T10:00:00+08:00', 'day', 18],
    ['2026-12-01T20:59:59+08:00', 'day', 18],
    ['2026-12-01T21:00:00+08:00', 'night', 16],
    ['2026-12-01T23:00:00+08:00', 'night', 16],
    ['2026-12-01T00:00:00+08:00', 'night', 16],
    ['2026-11-30T22:00:00.000Z', 'day', 18],
    ['2026-12-01T13:00:00.000Z', 'night', 16],
    ['2026-12-01T12:59:59.999Z', 'day', 18],
  ])('%s → %s, ≥ %i ℃', (at, period, minCelsius) => {
    expect(roomTemperatureStandard(new Date(at))).toEqual({ period, minCelsius });
  });

  it('refuses an invalid date', () => {
    expect(() => roomTemperatureStandard(new Date('nope'))).toThrow(RangeError);
  });
});

describe('isBelowStandard', () => {
  it.each([
    [17.5, '2026-12-01T10:00:00+08:00', true],
    [16.5, '2026-12-01T23:00:00+08:00', false],
    [18.0, '2026-12-01T10:00:00+08:00', false],
    [17.9, '2026-12-01T10:00:00+08:00', true],
    [16.0, '2026-12-01T23:00:00+08:00', false],
    [15.9, '2026-12-01T23:00:00+08:00', true],
    [17.9, '2026-12-01T05:59:59+08:00', false],
    [17.9, '2026-12-01T06:00:00+08:00', true],
    [17.9, '2026-12-01T20:59:59+08:00', true],
    [17.9, '2026-12-01T21:00:00+08:00', false],
    [0.1 + 17.8, '2026-12-01T10:00:00+08:00', true],
    [-5, '2026-12-01T23:00:00+08:00', true],
  ])('%d ℃ at %s → %s', (celsius, at, below) => {
    expect(isBelowStandard(celsius, new Date(at))).toBe(below);
  });
});
