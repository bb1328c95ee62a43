import { outagesOfMonth } from './outage-sections';

const at = (iso: string) => new Date(iso);
const december = {
  start: at('2026-11-30T16:00:00Z'),
  end: at('2026-12-31T16:00:00Z'),
  asOf: at('2027-01-01T00:00:00Z'),
};
const outage = (startsAt: string, restoredAt: string | null, households = 100, residentsNotified = 80) => ({
  id: 1,
  startsAt: at(startsAt),
  restoredAt: restoredAt ? at(restoredAt) : null,
  households,
  residentsNotified,
});

describe('outagesOfMonth', () => {
  it('counts outages on during the month, their hours within it, households and residents told', () => {
    expect(
      outagesOfMonth(
        {
          outages: [
            outage('2026-12-07T01:00:00Z', '2026-12-07T09:30:00Z'), // 8.5 h
            outage('2026-11-30T12:00:00Z', '2026-11-30T18:00:00Z', 10, 5), // 2 h of it in December
            outage('2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'), // November only
            outage('2027-01-02T00:00:00Z', null), // next month
          ],
        },
        december,
      ),
    ).toEqual({ count: 2, hours: 10.5, households: 110, residentsNotified: 85 });
  });

  it('counts an outage still on to the end of the month, or to now in the current one', () => {
    const still = { outages: [outage('2026-12-31T10:00:00Z', null)] };
    expect(outagesOfMonth(still, december).hours).toBe(6);
    expect(outagesOfMonth(still, { ...december, asOf: at('2026-12-31T12:00:00Z') }).hours).toBe(2);
  });

  it('is all zero without outages', () =>
    expect(outagesOfMonth({}, december)).toEqual({ count: 0, hours: 0, households: 0, residentsNotified: 0 }));
});
