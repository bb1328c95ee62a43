import {
  centiFenToYuan,
  fenToYuan,
  parseLimit,
  shanghaiLabel,
  shanghaiToIso,
  toggleId,
  yuanToCentiFen,
  yuanToFen,
} from './org-form';

describe('yuanToFen / fenToYuan', () => {
  it.each<[string, number | null]>([
    ['2.61', 261],
    ['24', 2400],
    ['0.5', 50],
    [' 3.92 ', 392],
    ['0', null],
    ['2.615', null],
    ['-1', null],
    ['二元', null],
    ['', null],
  ])('%s → %s', (text, fen) => expect(yuanToFen(text)).toBe(fen));

  it.each([
    [261, '2.61'],
    [2400, '24.00'],
    [5, '0.05'],
  ])('%i fen reads %s', (fen, text) => expect(fenToYuan(fen)).toBe(text));
});

describe('yuanToCentiFen / centiFenToYuan: power prices to 0.0001 元', () => {
  it.each<[string, number | null]>([
    ['0.4883', 4883],
    ['0.5383', 5383],
    ['0.49', 4900],
    ['1', 10_000],
    [' 0.2883 ', 2883],
    ['0.48835', null],
    ['0', null],
    ['0.0000', null],
    ['-0.1', null],
    ['', null],
  ])('%s → %s', (text, centiFen) => expect(yuanToCentiFen(text)).toBe(centiFen));

  it.each([
    [4883, '0.4883'],
    [4900, '0.4900'],
    [12_345, '1.2345'],
  ])('%i reads %s', (centiFen, text) => expect(centiFenToYuan(centiFen)).toBe(text));
});

describe('parseLimit', () => {
  it.each<[string, number | null | undefined]>([
    ['350', 350],
    ['', null],
    ['  ', null],
    ['0', undefined],
    ['3.5', undefined],
  ])('%j → %s', (text, limit) => expect(parseLimit(text)).toBe(limit));
});

describe('Shanghai wall time', () => {
  it('08:00 in Shanghai is 00:00 UTC, and reads back the same', () => {
    expect(shanghaiToIso('2026-12-07', '08:00')).toBe('2026-12-07T00:00:00.000Z');
    expect(shanghaiLabel('2026-12-07T12:00:00.000Z')).toBe('12-07 20:00');
  });

  it('toggles an id in and out of a selection', () => {
    expect(toggleId([1, 2], 2)).toEqual([1]);
    expect(toggleId([1], 3)).toEqual([1, 3]);
  });
});
