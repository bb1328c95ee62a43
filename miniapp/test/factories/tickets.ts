import {
  Channel,
  ClockKind,
  Priority,
  Role,
  TicketStatus,
  TicketType,
  type ClockView,
  type StaffLoginResponse,
  type TicketDetailView,
  type TicketView,
} from '@utility/shared';

export function clockView(over: Partial<ClockView> = {}): ClockView {
  return {
    kind: ClockKind.Respond,
    startedAt: '2026-11-23T05:00:00Z',
    dueAt: '2026-11-23T05:30:00Z',
    stoppedAt: null,
    atRisk: false,
    breached: false,
    ...over,
  };
}

export function ticketView(over: Partial<TicketView> = {}): TicketView {
  return {
    id: 1,
    no: 'T202611230001',
    type: TicketType.Repair,
    status: TicketStatus.Accepted,
    priority: Priority.Normal,
    channel: Channel.Phone,
    queueId: 3,
    queueName: '城东站维修队列',
    assigneeId: null,
    assigneeName: null,
    accountNo: null,
    districtId: 1,
    stationId: 2,
    address: '幸福小区3栋2单元501',
    contactName: '李女士',
    contactPhone: '138****5678',
    description: '家里没有燃气',
    createdAt: '2026-11-23T05:00:00Z',
    updatedAt: '2026-11-23T05:00:00Z',
    windowStart: null,
    windowEnd: null,
    deadlines: { respondBy: null, contactBy: null, decisionBy: null, onSiteBy: null, resolveBy: null },
    clocks: [],
    ...over,
  };
}

export function ticketDetail(over: Partial<TicketDetailView> = {}): TicketDetailView {
  return {
    ...ticketView(),
    possibleDuplicateOf: null,
    parent: null,
    children: [],
    photos: [],
    events: [],
    allowedTransitions: [],
    ...over,
  };
}

export function staffLogin(role: Role = Role.Dispatcher): StaffLoginResponse {
  return {
    token: 'tok-1',
    expiresAt: '2026-11-24T00:00:00Z',
    mustChangePassword: false,
    staff: { id: 7, name: '王调度', username: 'wang', role, roles: [role], stationId: 2, districtId: 1 },
  };
}
