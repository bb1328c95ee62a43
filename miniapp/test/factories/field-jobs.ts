import {
  FaultCategory,
  Priority,
  TicketStatus,
  TicketType,
  type FieldJobView,
  type TemperatureReadingView,
} from '@utility/shared';

/** A repair job assigned to the signed-in technician (staffLogin: id 7), not yet acknowledged. */
export function fieldJob(over: Partial<FieldJobView> = {}): FieldJobView {
  return {
    id: 21,
    no: 'T202611230021',
    type: TicketType.Repair,
    typeLabel: '一般报修',
    status: TicketStatus.Assigned,
    priority: Priority.Normal,
    accountNo: '9100000001',
    address: '城东区幸福路11号2单元302室',
    contactName: '王**',
    contactPhone: '138****5678',
    description: '灶台打不着火',
    category: FaultCategory.Appliance,
    categoryLabel: '灶具/热水器',
    window: { start: '2026-11-24T01:00:00.000Z', end: '2026-11-24T04:00:00.000Z' },
    accepted: false,
    eta: null,
    photos: [],
    createdAt: '2026-11-23T05:00:00Z',
    deadlines: { respondBy: null, contactBy: null, decisionBy: null, onSiteBy: null, resolveBy: null },
    clocks: [],
    quote: null,
    residentConfirmed: false,
    ...over,
  };
}

export function temperatureReading(over: Partial<TemperatureReadingView> = {}): TemperatureReadingView {
  return {
    id: 4,
    ticketId: 21,
    celsius: 17.5,
    measuredAt: '2026-11-23T06:00:00.000Z',
    minCelsius: 18,
    belowStandard: true,
    signed: false,
    residentConfirmed: false,
    ...over,
  };
}
