import {
  ClockKind,
  ClockView,
  FieldJobView,
  Priority,
  TicketEventKind,
  TicketStatus,
  TicketType,
} from '@utility/shared';
import { TicketEvent } from '../tickets/ticket-event.entity';
import { acceptedSinceAssigned, inWorkOrder } from './field-job-view';

const clock = (kind: ClockKind, dueAt: string, stoppedAt: string | null = null): ClockView => ({
  kind,
  startedAt: '2026-11-20T00:00:00.000Z',
  dueAt,
  stoppedAt,
  atRisk: false,
  breached: false,
});

function job(
  id: number,
  priority: Priority,
  clocks: ClockView[],
  createdAt = '2026-11-20T00:00:00.000Z',
): FieldJobView {
  return {
    id,
    no: String(id),
    type: TicketType.Repair,
    typeLabel: '一般报修',
    status: TicketStatus.Assigned,
    priority,
    accountNo: null,
    address: '',
    contactName: '',
    contactPhone: '',
    description: '',
    category: null,
    categoryLabel: null,
    window: null,
    accepted: false,
    eta: null,
    photos: [],
    createdAt,
    deadlines: { respondBy: null, contactBy: null, decisionBy: null, onSiteBy: null, resolveBy: null },
    clocks,
  };
}

function event(kind: TicketEventKind): TicketEvent {
  return Object.assign(new TicketEvent(), {
    kind,
    at: new Date(),
    fromStatus: null,
    toStatus: null,
    note: null,
    data: null,
  });
}

describe('inWorkOrder', () => {
  it.each([
    [
      'priority first, whatever the deadlines',
      [
        job(1, Priority.Normal, [clock(ClockKind.OnSite, '2026-11-20T01:00:00.000Z')]),
        job(2, Priority.Emergency, [clock(ClockKind.OnSite, '2026-11-21T00:00:00.000Z')]),
        job(3, Priority.High, []),
      ],
      [2, 3, 1],
    ],
    [
      'then the earliest running deadline',
      [
        job(1, Priority.Normal, [clock(ClockKind.Resolve, '2026-11-21T00:00:00.000Z')]),
        job(2, Priority.Normal, [
          clock(ClockKind.OnSite, '2026-11-20T02:00:00.000Z'),
          clock(ClockKind.Resolve, '2026-11-21T00:00:00.000Z'),
        ]),
      ],
      [2, 1],
    ],
    [
      'stopped clocks do not count',
      [
        job(1, Priority.Normal, [
          clock(ClockKind.OnSite, '2026-11-20T01:00:00.000Z', '2026-11-20T00:30:00.000Z'),
          clock(ClockKind.Resolve, '2026-11-22T00:00:00.000Z'),
        ]),
        job(2, Priority.Normal, [clock(ClockKind.Resolve, '2026-11-21T00:00:00.000Z')]),
      ],
      [2, 1],
    ],
    [
      'a job without a running clock comes last, then the oldest, then by id',
      [
        job(3, Priority.Normal, []),
        job(2, Priority.Normal, [], '2026-11-19T00:00:00.000Z'),
        job(1, Priority.Normal, []),
        job(4, Priority.Normal, [clock(ClockKind.Resolve, '2026-12-01T00:00:00.000Z')]),
      ],
      [4, 2, 1, 3],
    ],
  ])('%s', (_name, jobs, ids) => {
    expect(inWorkOrder(jobs).map((j) => j.id)).toEqual(ids);
  });
});

describe('acceptedSinceAssigned', () => {
  const { Created, Assigned, Claimed, JobAccepted, Transition, HandedOver } = TicketEventKind;
  it.each([
    [[Created, Assigned], false],
    [[Created, Assigned, JobAccepted], true],
    [[Created, Claimed, JobAccepted, Transition], true],
    // Handed back and given to someone else: they have not accepted yet.
    [[Created, Assigned, JobAccepted, Transition, HandedOver, Claimed], false],
    [[Created, Assigned, JobAccepted, Assigned], false],
  ])('%j → %s', (kinds, accepted) => {
    expect(acceptedSinceAssigned(kinds.map(event))).toBe(accepted);
  });
});
