import { PlanPeriod, SlotHalf } from '@utility/shared';
import { newPlanForm, periodEnd, validatePlan, type PlanForm } from './plan-form';

const form = (over: Partial<PlanForm> = {}): PlanForm => ({
  districtId: 1,
  name: '2026年12月城东安检',
  period: PlanPeriod.Monthly,
  startDate: '2026-12-01',
  endDate: '2026-12-31',
  halves: [SlotHalf.Am, SlotHalf.Pm],
  capacity: '10',
  ...over,
});

describe('inspection plan form', () => {
  it.each([
    ['2026-12-01', PlanPeriod.Monthly, '2026-12-31'],
    ['2027-01-31', PlanPeriod.Monthly, '2027-02-27'],
    ['2026-11-25', PlanPeriod.Quarterly, '2027-02-24'],
    ['2027-01-01', PlanPeriod.Yearly, '2027-12-31'],
  ])('a plan from %s (%s) ends on %s', (start, period, end) => {
    expect(periodEnd(start, period)).toBe(end);
  });

  it('starts a new plan tomorrow in Shanghai, monthly, both halves', () => {
    // 20:00 UTC on the 24th is already the 25th in Shanghai.
    expect(newPlanForm(2, new Date('2026-11-24T20:00:00Z'))).toEqual({
      districtId: 2,
      name: '',
      period: PlanPeriod.Monthly,
      startDate: '2026-11-26',
      endDate: '2026-12-25',
      halves: ['am', 'pm'],
      capacity: '10',
    });
  });

  it('sends the capacity as a number', () => {
    expect(validatePlan(form({ name: ' 城东冬季安检 ', capacity: '25' }))).toEqual({
      ok: true,
      request: {
        districtId: 1,
        name: '城东冬季安检',
        period: 'monthly',
        startDate: '2026-12-01',
        endDate: '2026-12-31',
        halves: ['am', 'pm'],
        capacity: 25,
      },
    });
  });

  it.each([
    ['no name', { name: ' ' }, 'name', '请填写计划名称'],
    ['an end before the start', { endDate: '2026-11-30' }, 'endDate', '结束日期不能早于开始日期'],
    ['no half-day', { halves: [] }, 'halves', '请选择上午或下午'],
    ['a capacity that is not a number', { capacity: '十' }, 'capacity', '请填写每个时段的名额（整数）'],
    ['no place at all', { capacity: '0' }, 'capacity', '每个时段至少1个名额'],
    ['no district', { districtId: 0 }, 'districtId', '请选择片区'],
  ] as const)('refuses %s', (_name, over, field, message) => {
    const result = validatePlan(form(over as Partial<PlanForm>));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.errors[field]).toBe(message);
  });
});
