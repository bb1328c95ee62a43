import { ErrorCode } from '../errors';
import { Priority, TicketType } from '../tickets/ticket-codes';

/** What an account supplies (the company's records): the reportable faults depend on it. */
export type Utility = 'gas' | 'heating' | 'power';

export const UTILITIES: readonly Utility[] = ['gas', 'heating', 'power'];

/** What the resident says is wrong, in the miniapp's words. */
export enum FaultCategory {
  NoGas = 'no_gas',
  GasSmell = 'gas_smell',
  MeterFault = 'meter_fault',
  Appliance = 'appliance',
  NotWarm = 'not_warm',
  DripLeak = 'drip_leak',
  Valve = 'valve',
  RoomCold = 'room_cold',
  Outage = 'outage',
  PowerMeter = 'power_meter',
}

export interface FaultCategoryOption {
  category: FaultCategory;
  label: string;
  /** The ticket type it becomes (docs/domain.md#ticket-types). */
  type: TicketType;
  /** Leaks: the miniapp shows the safety instructions first. */
  emergency: boolean;
}

const option = (category: FaultCategory, label: string, type: TicketType = TicketType.Repair): FaultCategoryOption => ({
  category,
  label,
  type,
  emergency: type === TicketType.Leak,
});

/** The categories a resident may pick, per utility, in the order the miniapp lists them. */
export const FAULT_CATEGORIES: Readonly<Record<Utility, readonly FaultCategoryOption[]>> = {
  gas: [
    option(FaultCategory.NoGas, '没气'),
    option(FaultCategory.GasSmell, '燃气味/泄漏', TicketType.Leak),
    option(FaultCategory.MeterFault, '表具故障'),
    option(FaultCategory.Appliance, '灶具/热水器'),
  ],
  heating: [
    option(FaultCategory.NotWarm, '暖气不热'),
    option(FaultCategory.DripLeak, '跑冒滴漏', TicketType.Leak),
    option(FaultCategory.Valve, '阀门'),
    option(FaultCategory.RoomCold, '室温不达标', TicketType.RoomTemperature),
  ],
  power: [option(FaultCategory.Outage, '停电'), option(FaultCategory.PowerMeter, '表计')],
};

/** Chinese label of any category, for views of tickets whatever the account's utility. */
export const FAULT_CATEGORY_LABELS: Record<FaultCategory, string> = Object.fromEntries(
  Object.values(FAULT_CATEGORIES)
    .flat()
    .map((o) => [o.category, o.label]),
) as Record<FaultCategory, string>;

/** A category the account's utility does not offer (a heating fault on a gas account, or no such category). */
export class FaultCategoryError extends Error {
  readonly code = ErrorCode.FaultCategoryInvalid;

  constructor(
    readonly utility: string,
    readonly category: string,
  ) {
    super(`fault category ${JSON.stringify(category)} is not offered for utility ${JSON.stringify(utility)}`);
    this.name = 'FaultCategoryError';
  }
}

export interface FaultClassification {
  type: TicketType;
  priority: Priority;
}

/** Type and priority of a reported fault; leaks are emergencies. Throws FaultCategoryError for a category the utility does not offer. */
export function classifyFault(utility: string, category: string): FaultClassification {
  // Own keys only: 'constructor' or 'toString' is no utility.
  const options = (UTILITIES as readonly string[]).includes(utility) ? FAULT_CATEGORIES[utility as Utility] : [];
  const found = options.find((o) => o.category === category);
  if (!found) throw new FaultCategoryError(utility, category);
  return { type: found.type, priority: found.type === TicketType.Leak ? Priority.Emergency : Priority.Normal };
}
