import { ErrorCode } from '../errors';
import { Priority, TicketType } from '../tickets/ticket-codes';
import {
  FAULT_CATEGORIES,
  FAULT_CATEGORY_LABELS,
  FaultCategory,
  FaultCategoryError,
  UTILITIES,
  classifyFault,
} from './fault-categories';

describe('classifyFault', () => {
  it.each([
    ['gas', 'no_gas', TicketType.Repair, Priority.Normal],
    ['gas', 'gas_smell', TicketType.Leak, Priority.Emergency],
    ['gas', 'meter_fault', TicketType.Repair, Priority.Normal],
    ['gas', 'appliance', TicketType.Repair, Priority.Normal],
    ['heating', 'not_warm', TicketType.Repair, Priority.Normal],
    ['heating', 'drip_leak', TicketType.Leak, Priority.Emergency],
    ['heating', 'valve', TicketType.Repair, Priority.Normal],
    ['heating', 'room_cold', TicketType.RoomTemperature, Priority.Normal],
    ['power', 'outage', TicketType.Repair, Priority.Normal],
    ['power', 'power_meter', TicketType.Repair, Priority.Normal],
  ])('%s / %s → %s, %s', (utility, category, type, priority) => {
    expect(classifyFault(utility, category)).toEqual({ type, priority });
  });

  it.each([
    ['gas', 'not_warm'],
    ['gas', 'room_cold'],
    ['heating', 'gas_smell'],
    ['heating', 'no_gas'],
    ['power', 'drip_leak'],
    ['gas', 'toString'],
    ['gas', ''],
    ['water', 'no_gas'],
    ['constructor', 'no_gas'],
  ])('refuses %s / %s with FAULT_CATEGORY_INVALID', (utility, category) => {
    expect(() => classifyFault(utility, category)).toThrow(FaultCategoryError);
    try {
      classifyFault(utility, category);
    } catch (error) {
      expect((error as FaultCategoryError).code).toBe(ErrorCode.FaultCategoryInvalid);
    }
  });
});

describe('FAULT_CATEGORIES', () => {
  it('lists every category exactly once, under one utility, with a Chinese label', () => {
    const all = UTILITIES.flatMap((u) => FAULT_CATEGORIES[u].map((o) => o.category));
    expect([...all].sort()).toEqual(Object.values(FaultCategory).sort());
    for (const option of Object.values(FAULT_CATEGORIES).flat()) expect(option.label).toMatch(/^[\u4e00-\u9fff/]+$/);
    expect(FAULT_CATEGORY_LABELS[FaultCategory.GasSmell]).toBe('燃气味/泄漏');
  });

  it('agrees with classifyFault and flags exactly the leaks as emergencies', () => {
    for (const utility of UTILITIES) {
      for (const option of FAULT_CATEGORIES[utility]) {
        expect(classifyFault(utility, option.category).type).toBe(option.type);
        expect(option.emergency).toBe(option.type === TicketType.Leak);
      }
    }
    expect(
      Object.values(FAULT_CATEGORIES)
        .flat()
        .filter((o) => o.emergency)
        .map((o) => o.category),
    ).toEqual(['gas_smell', 'drip_leak']);
  });
});
