import {
  BOOKING_STATE_LABELS,
  BookingState,
  HazardSeverity,
  HazardStatus,
  InspectionItemCode,
  SlotHalf,
  TicketStatus,
  VisitKind,
  type FieldInspectionView,
  type HazardView,
  type InspectionBookingView,
  type InspectionSlotView,
} from '@utility/shared';

/** Slots close at 18:00 Shanghai the day before (10:00 UTC). */
export function inspectionSlot(over: Partial<InspectionSlotView> = {}): InspectionSlotView {
  const date = over.date ?? '2026-11-25';
  const [y, m, d] = date.split('-').map(Number);
  const cutoffAt = new Date(Date.UTC(y, m - 1, d - 1, 10)).toISOString();
  return { id: 11, planId: 2, date, half: SlotHalf.Am, halfLabel: '上午', capacity: 10, left: 4, cutoffAt, ...over };
}

export function inspectionBooking(over: Partial<InspectionBookingView> = {}): InspectionBookingView {
  const state = over.state ?? BookingState.Booked;
  return {
    id: 7,
    accountId: 1,
    accountNo: '9100000001',
    address: '城东区幸福路11号2单元302室',
    planId: 2,
    planName: '2026年11月城东安检',
    slot: inspectionSlot(),
    state,
    stateLabel: BOOKING_STATE_LABELS[state],
    ticket: { id: 40, no: 'T202611230040', status: TicketStatus.Accepted },
    canReschedule: true,
    canCancel: true,
    createdAt: '2026-11-23T02:00:00Z',
    ...over,
  };
}

export function hazardView(over: Partial<HazardView> = {}): HazardView {
  return {
    id: 3,
    accountId: 1,
    code: InspectionItemCode.Hoses,
    itemLabel: '软管',
    severity: HazardSeverity.Serious,
    severityLabel: '较大隐患',
    note: '灶前胶管老化龟裂',
    advice: '请更换为金属波纹管，整改前使用时注意通风',
    deadline: '2026-12-02T15:59:59Z',
    overdue: false,
    status: HazardStatus.Open,
    statusLabel: '待整改',
    photoIds: [91],
    foundAt: '2026-11-25T02:30:00Z',
    closedAt: null,
    reinspectionTicket: { id: 44, no: 'T202611250044', status: TicketStatus.Accepted },
    stopSupplyTicket: null,
    ...over,
  };
}

export function fieldInspection(over: Partial<FieldInspectionView> = {}): FieldInspectionView {
  return {
    id: 40,
    ticketNo: 'T202611230040',
    kind: VisitKind.Booking,
    ticketStatus: TicketStatus.Accepted,
    accountId: 1,
    accountNo: '9100000001',
    address: '城东区幸福路11号2单元302室',
    contactName: '王**',
    contactPhone: '138****5678',
    date: '2026-11-25',
    half: SlotHalf.Am,
    halfLabel: '上午',
    dueAt: '2026-11-25T04:00:00Z',
    bookingId: 7,
    bookingState: BookingState.Booked,
    checklist: [
      { code: InspectionItemCode.Pipes, label: '管道' },
      { code: InspectionItemCode.Hoses, label: '软管' },
      { code: InspectionItemCode.Alarm, label: '报警器' },
    ],
    openHazards: [],
    recorded: false,
    ...over,
  };
}
