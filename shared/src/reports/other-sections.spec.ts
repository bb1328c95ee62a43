import { returnVisitCoverage, satisfaction } from './feedback-sections';
import { hazardsFoundAndClosed } from './hazard-sections';
import { paymentsAndArrears } from './payment-sections';
import { RatingFact, RatingLevelCode } from './report-facts';
import { Channel, ClockKind, OCTOBER, Role, TicketType, resolvedBy, sh } from './report-fixtures';
import { perStaff } from './staff-sections';

const rating = (ticketId: number, staffId: number | null, level: RatingLevelCode, at: Date): RatingFact => ({
  ticketId,
  staffId,
  level,
  at,
});

describe('satisfaction', () => {
  it("is the share of the top three levels among the month's ratings", () => {
    const ratings = [
      rating(1, 5, 'very_satisfied', sh('10-02 09:00')),
      rating(2, 5, 'satisfied', sh('10-03 09:00')),
      rating(3, 6, 'fairly_satisfied', sh('10-04 09:00')),
      rating(4, 6, 'dissatisfied', sh('10-05 09:00')),
      rating(5, 6, 'dissatisfied', sh('09-30 23:00')),
      rating(6, 6, 'very_satisfied', new Date('2026-11-04T00:00:00Z')),
    ];
    expect(satisfaction({ ratings }, OCTOBER)).toEqual({
      ratings: 4,
      satisfied: 3,
      rate: 0.75,
      byLevel: { very_satisfied: 1, satisfied: 1, fairly_satisfied: 1, dissatisfied: 1 },
    });
  });
});

describe('return-visit coverage', () => {
  it('counts complaints, emergencies and repairs resolved in the month, visited by generation time', () => {
    const tickets = [
      { id: 1, type: TicketType.Repair, districtId: 1, channel: Channel.Miniapp, createdAt: sh('10-01 09:00') },
      { id: 2, type: TicketType.Leak, districtId: 1, channel: Channel.Miniapp, createdAt: sh('10-01 09:00') },
      { id: 3, type: TicketType.Complaint, districtId: 1, channel: Channel.Miniapp, createdAt: sh('10-01 09:00') },
      { id: 4, type: TicketType.Billing, districtId: 1, channel: Channel.Miniapp, createdAt: sh('10-01 09:00') },
      { id: 5, type: TicketType.Repair, districtId: 1, channel: Channel.Miniapp, createdAt: sh('09-20 09:00') },
    ];
    const transitions = [1, 2, 3, 4]
      .map((id) => resolvedBy(id, 10, sh('10-10 09:00')))
      .concat(resolvedBy(5, 10, sh('09-25 09:00')));
    const returnVisits = [
      { ticketId: 1, completedAt: sh('10-11 09:00') },
      { ticketId: 2, completedAt: null },
      { ticketId: 3, completedAt: new Date('2026-11-10T00:00:00Z') },
      { ticketId: 4, completedAt: sh('10-11 09:00') },
      { ticketId: 5, completedAt: sh('10-11 09:00') },
    ];
    expect(returnVisitCoverage({ tickets, transitions, returnVisits }, OCTOBER)).toEqual({
      due: 3,
      visited: 1,
      rate: 0.3333,
    });
  });
});

describe('hazards', () => {
  it('found and closed in the month, open at its end', () => {
    const hazards = [
      { id: 1, districtId: 1, foundAt: sh('10-02 09:00'), closedAt: sh('10-20 09:00') },
      { id: 2, districtId: 1, foundAt: sh('10-03 09:00'), closedAt: null },
      { id: 3, districtId: 1, foundAt: sh('09-03 09:00'), closedAt: sh('10-05 09:00') },
      { id: 4, districtId: 1, foundAt: sh('09-04 09:00'), closedAt: new Date('2026-11-01T00:00:00Z') },
      { id: 5, districtId: 1, foundAt: new Date('2026-11-01T00:00:00Z'), closedAt: null },
    ];
    expect(hazardsFoundAndClosed({ hazards }, OCTOBER)).toEqual({ found: 2, closed: 2, openAtEnd: 2 });
  });
});

describe('payments, refunds and arrears', () => {
  it("sums the month's money (by method) and the bills overdue and unpaid at its end", () => {
    const facts = {
      payments: [
        { id: 1, districtId: 1, method: 'wechat' as const, amountFen: 10_000, paidAt: sh('10-05 09:00') },
        { id: 2, districtId: 1, method: 'cash' as const, amountFen: 2_550, paidAt: sh('10-31 23:59') },
        { id: 3, districtId: 1, method: 'cash' as const, amountFen: 999, paidAt: sh('09-30 23:59') },
      ],
      refunds: [
        { id: 1, districtId: 1, amountFen: 2_550, completedAt: sh('10-20 09:00') },
        { id: 2, districtId: 1, amountFen: 100, completedAt: new Date('2026-11-01T01:00:00Z') },
      ],
      bills: [
        { id: 1, accountId: 1, districtId: 1, amountFen: 5_000, dueOn: '2026-10-20', paidAt: null },
        { id: 2, accountId: 1, districtId: 1, amountFen: 3_000, dueOn: '2026-09-20', paidAt: null },
        {
          id: 3,
          accountId: 2,
          districtId: 1,
          amountFen: 4_000,
          dueOn: '2026-10-31',
          paidAt: new Date('2026-11-01T02:00:00Z'),
        },
        { id: 4, accountId: 3, districtId: 1, amountFen: 7_000, dueOn: '2026-10-10', paidAt: sh('10-09 09:00') },
        { id: 5, accountId: 4, districtId: 1, amountFen: 8_000, dueOn: '2026-11-20', paidAt: null },
      ],
    };
    expect(paymentsAndArrears(facts, OCTOBER)).toEqual({
      payments: { count: 2, totalFen: 12_550 },
      byMethod: {
        wechat: { count: 1, totalFen: 10_000 },
        cash: { count: 1, totalFen: 2_550 },
        pos: { count: 0, totalFen: 0 },
        bank_transfer: { count: 0, totalFen: 0 },
        bank_debit: { count: 0, totalFen: 0 },
      },
      refunds: { count: 1, totalFen: 2_550 },
      netFen: 10_000,
      arrears: { count: 3, totalFen: 12_000, accounts: 2 },
    });
  });
});

describe('per staff', () => {
  it('tickets resolved, share with no late clock, average rating', () => {
    const transitions = [
      resolvedBy(1, 10, sh('10-05 09:00')),
      resolvedBy(2, 10, sh('10-06 09:00')),
      resolvedBy(3, 10, sh('10-07 09:00')),
      resolvedBy(3, 10, sh('10-09 09:00')),
      resolvedBy(4, 11, sh('10-08 09:00'), Role.Agent),
      resolvedBy(5, null, sh('10-08 09:00'), null),
      resolvedBy(6, 12, sh('09-30 09:00')),
    ];
    const clocks = [
      { ticketId: 1, kind: ClockKind.Resolve, dueAt: sh('10-05 10:00'), stoppedAt: sh('10-05 09:00') },
      { ticketId: 2, kind: ClockKind.Resolve, dueAt: sh('10-06 08:00'), stoppedAt: sh('10-06 09:00') },
    ];
    const breaches = [{ ticketId: 3, clock: ClockKind.Respond, breachedAt: sh('10-07 08:00') }];
    const ratings = [
      rating(1, 10, 'very_satisfied', sh('10-06 09:00')),
      rating(2, 10, 'fairly_satisfied', sh('10-07 09:00')),
      rating(3, 10, 'satisfied', sh('10-08 09:00')),
      rating(9, 12, 'dissatisfied', sh('10-08 09:00')),
    ];
    const staff = [
      { id: 10, name: '李师傅', role: Role.Technician },
      { id: 11, name: '张坐席', role: Role.Agent },
      { id: 12, name: '王师傅', role: Role.Technician },
    ];
    expect(perStaff({ transitions, clocks, breaches, ratings, staff }, OCTOBER)).toEqual([
      { staffId: 10, name: '李师傅', role: 'technician', handled: 3, onTimeRate: 0.3333, ratings: 3, averageRating: 3 },
      { staffId: 11, name: '张坐席', role: 'agent', handled: 1, onTimeRate: 1, ratings: 0, averageRating: null },
      { staffId: 12, name: '王师傅', role: 'technician', handled: 0, onTimeRate: null, ratings: 1, averageRating: 1 },
    ]);
  });
});
