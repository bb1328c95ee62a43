import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ClockKind,
  CompensationRequest,
  ComplaintGrade,
  ErrorCode,
  Role,
  TicketEventKind,
  TicketStatus,
  TicketType,
  complaintHandling,
  isOpen,
  COMPLAINT_GRADE_LABELS,
} from '@utility/shared';
import { In, Repository } from 'typeorm';
import { AppError, conflict } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { Actor, StaffPrincipal } from '../common/principal';
import { QueuesService } from '../queues/queues.service';
import { StaffNotices } from '../staff-notices/staff-notices.service';
import { StaffService } from '../staff/staff.service';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { TicketSnapshot } from '../tickets/ticket-snapshot';
import { ComplaintCase } from './complaint-case.entity';
import { Compensation } from './compensation.entity';
import { ResidentRequest } from './resident-request.entity';

const supervisorOnly = () => new AppError(HttpStatus.FORBIDDEN, ErrorCode.SupervisorOnly);
const mismatch = () => new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.TicketTypeMismatch);

/** Grading, first reply, compensation and the grade-1 closing rule. */
@Injectable()
export class ComplaintHandling implements OnModuleInit {
  constructor(
    @InjectRepository(ComplaintCase) private readonly cases: Repository<ComplaintCase>,
    @InjectRepository(Compensation) private readonly compensations: Repository<Compensation>,
    @InjectRepository(ResidentRequest) private readonly requests: Repository<ResidentRequest>,
    private readonly tickets: TicketsService,
    private readonly reader: TicketReader,
    private readonly queues: QueuesService,
    private readonly extensions: TicketExtensions,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly staff: StaffService,
    private readonly staffNotices: StaffNotices,
  ) {}

  onModuleInit(): void {
    this.extensions.addAuthoredTickets(async (residentId) =>
      (await this.requests.findBy({ residentId })).map((r) => r.ticketId),
    );
    this.extensions.addTicketAuthors((ticketIds) =>
      this.requests.find({
        select: { ticketId: true, residentId: true },
        where: { ticketId: In(ticketIds), anonymous: false },
      }),
    );
    this.extensions.addResidentViewDecorator(async (views, residentId) => {
      if (residentId === null || !views.length) return;
      const mine = await this.requests.findBy({ residentId, ticketId: In(views.map((v) => v.id)) });
      for (const v of views) v.anonymous = mine.some((r) => r.ticketId === v.id && r.anonymous);
    });
    this.extensions.addMoveGuard((actor, ticket, to) => this.guardClose(actor, ticket, to));
  }

  /** Only a supervisor closes a grade-1 complaint. */
  private async guardClose(actor: Actor, ticket: TicketSnapshot, to: TicketStatus): Promise<void> {
    if (to !== TicketStatus.Closed || ticket.type !== TicketType.Complaint || actor.role === Role.Supervisor) return;
    if ((await this.gradeOf(ticket.id)) === ComplaintGrade.One) throw supervisorOnly();
  }

  async gradeOf(ticketId: number): Promise<ComplaintGrade | null> {
    return (await this.cases.findOneBy({ ticketId }))?.grade ?? null;
  }

  caseOf(ticketId: number): Promise<ComplaintCase | null> {
    return this.cases.findOneBy({ ticketId });
  }

  compensationsOf(ticketId: number): Promise<Compensation[]> {
    return this.compensations.find({ where: { ticketId }, order: { id: 'ASC' } });
  }

  /** Whether the ticket was filed anonymously (staff learn only this flag, never who). */
  async isAnonymous(ticketId: number): Promise<boolean> {
    return (await this.requests.findOneBy({ ticketId }))?.anonymous ?? false;
  }

  /** Grade 1 moves to the supervisors' complaint queue, priority high, escalated at once. */
  async grade(actor: StaffPrincipal, id: number, grade: ComplaintGrade, note?: string): Promise<TicketSnapshot> {
    const ticket = await this.reader.visibleTicket(actor, id);
    if (ticket.type !== TicketType.Complaint) throw mismatch();
    if (!isOpen(ticket.status)) throw conflict(ErrorCode.TransitionNotAllowed);
    const handling = complaintHandling(grade);
    const queue = handling.supervisorQueue ? await this.queues.supervisorComplaintQueue(ticket.districtId) : null;
    return this.db.transaction(async (em) => {
      const existing = await em.findOneBy(ComplaintCase, { ticketId: id });
      if (existing) await em.update(ComplaintCase, { ticketId: id }, { grade });
      else
        await em.insert(ComplaintCase, {
          ticketId: id,
          grade,
          relatedTicketId: null,
          firstReplyAt: null,
          firstReply: null,
        });
      const label = `定为${COMPLAINT_GRADE_LABELS[grade]}投诉${note ? `：${note}` : ''}`;
      if (queue) {
        const moved = await this.tickets.requeue(actor, ticket, {
          queueId: queue.id,
          priority: handling.priority,
          note: `${label}，转主管处理`,
          escalate: true,
        });
        await this.tellSupervisors(moved, note);
        return moved;
      }
      return this.tickets.recordStep(actor, ticket, {
        events: [{ kind: TicketEventKind.Note, note: label, data: { grade } }],
      });
    });
  }

  /** A grade-1 complaint reaches the district's supervisors at once (docs/domain.md#priorities-and-grades). */
  private async tellSupervisors(ticket: TicketSnapshot, note?: string): Promise<void> {
    const supervisors = ticket.districtId ? await this.staff.activeInDistrict(Role.Supervisor, ticket.districtId) : [];
    const no = ticket.no ?? String(ticket.id);
    await this.staffNotices.notify(
      supervisors.map((s) => s.id),
      {
        kind: 'complaint_grade1',
        title: `一级投诉：${no}`,
        body: `投诉工单 ${no}（${ticket.address}）已定为一级投诉，转主管处理${note ? `：${note}` : ''}。`,
        ticketId: ticket.id,
      },
      `complaint-grade1:${ticket.id}`,
    );
  }

  /**
   * The first answer to the complainant: stops the first-reply clock (docs/domain.md#complaints-and-reports:
   * within 3 days). A billing ticket's reply is the same step (1 working day, docs/domain.md#ticket-types).
   */
  async firstReply(actor: StaffPrincipal, id: number, text: string): Promise<TicketSnapshot> {
    const ticket = await this.reader.visibleTicket(actor, id);
    if (ticket.type === TicketType.Billing) {
      // Answered before the money is settled (a refund under way, an invoice to reissue): the reply clock
      // stops, the resolve clock runs on. Once, and only while it runs: a resolution already answered.
      return this.db.transaction(async () => {
        if (!(await this.tickets.stopClock(ticket, ClockKind.FirstReply))) throw conflict(ErrorCode.Conflict);
        return this.tickets.recordStep(actor, ticket, {
          events: [{ kind: TicketEventKind.Note, note: `答复：${text}`, data: { firstReply: true } }],
        });
      });
    }
    if (ticket.type !== TicketType.Complaint) throw mismatch();
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const existing = await em.findOneBy(ComplaintCase, { ticketId: id });
      if (existing?.firstReplyAt) throw conflict(ErrorCode.Conflict);
      if (existing) await em.update(ComplaintCase, { ticketId: id }, { firstReplyAt: now, firstReply: text });
      else
        await em.insert(ComplaintCase, {
          ticketId: id,
          grade: null,
          relatedTicketId: null,
          firstReplyAt: now,
          firstReply: text,
        });
      await this.tickets.stopClock(ticket, ClockKind.FirstReply);
      return this.tickets.recordStep(actor, ticket, {
        events: [{ kind: TicketEventKind.Note, note: `首次答复：${text}`, data: { firstReply: true } }],
      });
    });
  }

  /** Only a supervisor approves a compensation. */
  async approveCompensation(actor: StaffPrincipal, id: number, body: CompensationRequest): Promise<Compensation> {
    if (actor.role !== Role.Supervisor) throw supervisorOnly();
    const ticket = await this.reader.visibleTicket(actor, id);
    if (ticket.type !== TicketType.Complaint) throw mismatch();
    const now = this.clock.now();
    return this.db.transaction(async (em) => {
      const { identifiers } = await em.insert(Compensation, {
        ticketId: id,
        amountFen: body.amountFen,
        reason: body.reason,
        approvedById: actor.id,
        approvedByName: actor.name,
        approvedAt: now,
      });
      await this.tickets.recordStep(actor, ticket, {
        events: [
          {
            kind: TicketEventKind.Note,
            note: `批准补偿 ${(body.amountFen / 100).toFixed(2)} 元：${body.reason}`,
            data: { amountFen: body.amountFen },
          },
        ],
      });
      return em.findOneByOrFail(Compensation, { id: identifiers[0].id as number });
    });
  }
}
