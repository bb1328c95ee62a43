import { daysOverdue, lateFeeFen } from './late-fee';

const policy = { perDayPermille: 3, capPermille: 300 };
const bill = (amountFen: number, today: string, waived = false) => ({ amountFen, dueOn: '2026-11-20', today, waived });

describe('late fee (滞纳金)', () => {
  it.each([
    // amount, today, fee: 3‰ a day from the day after the due date, rounded half up to the fen
    [10000, '2026-11-19', 0],
    [10000, '2026-11-20', 0], // on the due date: nothing yet
    [10000, '2026-11-21', 30], // day 1: 100 元 × 3‰ = 0.30 元
    [10000, '2026-11-30', 300], // day 10
    [10000, '2026-12-31', 1230], // day 41, across a month end
    [10000, '2027-03-01', 3000], // day 101: 30.30 元 capped at 300‰ = 30.00 元
    [12345, '2026-11-21', 37], // 37.035 → 37
    [12350, '2026-11-21', 37], // 37.05 → 37
    [16500, '2026-11-21', 50], // 49.5 → 50 (half up)
    [1, '2026-11-21', 0], // 0.003 fen → 0
    [167, '2026-11-21', 1], // 0.501 fen → 1
    [0, '2026-12-31', 0],
  ])('%i fen due 2026-11-20, charged %s → %i fen', (amountFen, today, fee) => {
    expect(lateFeeFen(policy, bill(amountFen, today))).toBe(fee);
  });

  it.each([
    [{ perDayPermille: 0, capPermille: 300 }, 0], // off by default
    [{ perDayPermille: 3, capPermille: 0 }, 0],
    [{ perDayPermille: 5, capPermille: 1000 }, 1500], // 30 days × 5‰ of 100 元
    [{ perDayPermille: 50, capPermille: 1000 }, 10000], // capped at the bill's amount
  ])('policy %j on 100 元, 30 days overdue → %i fen', (p, fee) => {
    expect(lateFeeFen(p, bill(10000, '2026-12-20'))).toBe(fee);
  });

  it('a waived fee is nothing, however late', () => {
    expect(lateFeeFen(policy, bill(10000, '2027-06-01', true))).toBe(0);
  });

  it('exact on amounts whose product leaves the float range of fen', () => {
    expect(lateFeeFen({ perDayPermille: 999, capPermille: 1_000_000 }, bill(2 ** 40, '2027-11-20'))).toBe(
      Number((2n ** 40n * 999n * 365n + 500n) / 1000n),
    );
  });

  it.each([
    ['2026-11-20', '2026-11-20', 0],
    ['2026-11-20', '2026-11-19', 0],
    ['2026-11-20', '2026-12-20', 30],
    ['2026-02-28', '2026-03-01', 1],
    ['2028-02-28', '2028-03-01', 2], // leap year
  ])('due %s, on %s: %i days overdue', (dueOn, today, days) => {
    expect(daysOverdue(dueOn, today)).toBe(days);
  });
});
