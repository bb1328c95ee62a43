import { TicketType, shanghaiStartOfDay } from '@utility/shared';
import { DEMO_HISTORY_DAYS, HISTORY_TYPES, fatesOf, planHistory } from './demo-history-plan';

const DAY = 86_400_000;

describe('demo history plan', () => {
  it('is the same for the same day, and moves with the day: it always ends today', () => {
    expect(planHistory('2026-12-07')).toEqual(planHistory('2026-12-07'));
    const today = planHistory('2026-12-07');
    const tomorrow = planHistory('2026-12-08');
    expect(tomorrow.map((t) => t.openedAt.getTime() - DAY)).toEqual(today.map((t) => t.openedAt.getTime()));
  });

  it('opens every ticket within the days asked for, before today, in time order', () => {
    const plan = planHistory('2026-12-07');
    const start = shanghaiStartOfDay('2026-12-07').getTime();
    for (const t of plan) {
      expect(t.openedAt.getTime()).toBeLessThan(start);
      expect(t.openedAt.getTime()).toBeGreaterThanOrEqual(start - DEMO_HISTORY_DAYS * DAY);
    }
    expect(plan.map((t) => t.openedAt.getTime())).toEqual(plan.map((t) => t.openedAt.getTime()).sort((a, b) => a - b));
    expect(planHistory('2026-12-07', 30).every((t) => t.openedAt.getTime() >= start - 30 * DAY)).toBe(true);
  });

  it('holds a ticket of every type in every state it can end in', () => {
    const plan = planHistory('2026-12-07');
    for (const type of HISTORY_TYPES)
      for (const fate of fatesOf(type)) expect(plan.some((t) => t.type === type && t.fate === fate)).toBe(true);
  });

  it('gives desk work no journey: only visits go en route or on site', () => {
    expect(fatesOf(TicketType.Complaint)).not.toContain('en_route');
    expect(fatesOf(TicketType.Repair)).toContain('on_site');
  });
});
