import { ticketIdOfNumber, ticketNumber } from './ticket-number';

describe('ticketNumber', () => {
  it.each([
    // Shanghai is UTC+8: 16:00 UTC is already the next day there.
    ['2026-12-07T15:59:59.999Z', 123, '20261207000123'],
    ['2026-12-07T16:00:00.000Z', 123, '20261208000123'],
    ['2026-12-31T23:00:00.000Z', 999999, '20270101999999'],
    ['2026-12-07T08:00:00.000Z', 1234567, '202612071234567'],
  ])('%s, id %d → %s', (at, id, no) => expect(ticketNumber(new Date(at), id)).toBe(no));
});

describe('ticketIdOfNumber', () => {
  it.each([
    ['20261207000123', 123],
    ['202612071234567', 1234567],
    ['20261207000000', null],
    ['2026120700012', null],
    ['2026-12-07-000123', null],
    ['', null],
  ])('%s → %s', (no, id) => expect(ticketIdOfNumber(no)).toBe(id));

  it('reads back every number it is given', () => {
    const at = new Date('2026-12-07T03:00:00Z');
    for (const id of [1, 42, 999999, 1000000, 2147483647]) expect(ticketIdOfNumber(ticketNumber(at, id))).toBe(id);
  });
});
