import { Channel, ClockKind, Priority, Role, TicketEventKind, TicketStatus, TicketType } from '@utility/shared';

/**
 * What other modules read of a ticket, its timeline and its clocks: plain read models, so that they depend on
 * the tickets module's services and not on its entities (docs/architecture.md). The entities implement them.
 */
export interface TicketSnapshot {
  readonly id: number;
  readonly no: string | null;
  readonly type: TicketType;
  readonly status: TicketStatus;
  readonly priority: Priority;
  readonly channel: Channel;
  readonly externalRef: string | null;
  readonly queueId: number;
  readonly assigneeId: number | null;
  readonly accountNo: string | null;
  readonly districtId: number | null;
  readonly stationId: number | null;
  readonly address: string;
  readonly contactName: string;
  readonly contactPhone: string;
  readonly contactPhoneIndex: string | null;
  readonly parentId: number | null;
  readonly description: string;
  /** The agreed visit window, if any (docs/domain.md#clocks). */
  readonly windowStart: Date | null;
  readonly windowEnd: Date | null;
  readonly createdById: number | null;
  readonly createdAt: Date;
  readonly updatedAt: Date;
}

export interface TicketEventSnapshot {
  readonly id: number;
  readonly ticketId: number;
  readonly kind: TicketEventKind;
  readonly at: Date;
  readonly actorId: number | null;
  readonly actorName: string | null;
  readonly actorRole: Role | null;
  readonly fromStatus: TicketStatus | null;
  readonly toStatus: TicketStatus | null;
  readonly note: string | null;
  readonly data: Readonly<Record<string, string | number | boolean | null>> | null;
}

export interface TicketClockSnapshot {
  readonly id: number;
  readonly ticketId: number;
  readonly kind: ClockKind;
  readonly startedAt: Date;
  readonly dueAt: Date;
  readonly riskAt: Date;
  readonly stoppedAt: Date | null;
  readonly atRiskAt: Date | null;
  readonly breachedAt: Date | null;
}
