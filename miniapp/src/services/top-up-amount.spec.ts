import { yuanToFen } from './top-up-amount';

describe('yuanToFen', () => {
  it.each([
    ['50', 5_000],
    ['12.5', 1_250],
    ['0.01', 1],
    [' 100 ', 10_000],
    ['5000.00', 500_000],
    ['', null],
    ['abc', null],
    ['1.234', null],
    ['-5', null],
    ['1e3', null],
  ])('%j → %p', (text, fen) => expect(yuanToFen(text)).toBe(fen));
});
