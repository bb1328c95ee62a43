import { TicketType } from './ticket-codes';

/**
 * The building an address is in, for spotting duplicate reports (docs/domain.md#duplicates): the
 * address up to its first building number — `城东区幸福路11号2单元201室` → `城东区幸福路11号`,
 * `翠竹苑7栋302` → `翠竹苑7栋`, `阳光小区3号楼2单元` → `阳光小区3号楼`. Null when it has none.
 */
export function buildingOf(address: string): string | null {
  const compact = address.replace(/\s/g, '');
  const match = compact.match(/^(.*?\d+(?:号楼|号院|栋|幢|座|号))/);
  return match ? match[1] : null;
}

/** Field work reported twice is the same work: a leak joins a leak, a fault (repair, room temperature) a fault. */
const FAMILIES: TicketType[][] = [[TicketType.Leak], [TicketType.Repair, TicketType.RoomTemperature]];

/** The types a ticket of `type` may duplicate; empty for work that is never merged (complaints, bills…). */
export function duplicateFamilyOf(type: TicketType): TicketType[] {
  return FAMILIES.find((family) => family.includes(type)) ?? [];
}
