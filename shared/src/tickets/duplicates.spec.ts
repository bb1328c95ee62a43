import { TicketType } from './ticket-codes';
import { buildingOf, duplicateFamilyOf } from './duplicates';

describe('buildingOf', () => {
  it.each([
    ['城东区幸福路11号2单元201室', '城东区幸福路11号'],
    ['城东区翠竹苑7栋302', '城东区翠竹苑7栋'],
    ['阳光小区 3号楼 2单元', '阳光小区3号楼'],
    ['锦绣花园5幢1单元', '锦绣花园5幢'],
    ['城西区人民路', null],
  ])('%s → %s', (address, building) => expect(buildingOf(address)).toBe(building));
});

describe('duplicateFamilyOf', () => {
  it.each([
    [TicketType.Leak, [TicketType.Leak]],
    [TicketType.Repair, [TicketType.Repair, TicketType.RoomTemperature]],
    [TicketType.RoomTemperature, [TicketType.Repair, TicketType.RoomTemperature]],
    [TicketType.Complaint, []],
    [TicketType.Billing, []],
  ])('%s → %j', (type, family) => expect(duplicateFamilyOf(type)).toEqual(family));
});
