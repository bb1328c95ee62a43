import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  TicketEventKind,
  TicketDetailView,
  TicketRef,
  TicketStatus,
  buildingOf,
  clocksStoppedBy,
  duplicateFamilyOf,
  isOpen,
} from '@utility/shared';
import { Brackets, In, IsNull, Not, Repository } from 'typeorm';
import { conflict, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { TicketClock } from './ticket-clock.entity';
import { TicketClocksService } from './ticket-clocks.service';
import { appendEvents } from './ticket-events';
import { TicketPhotos } from './ticket-photos.service';
import { TicketReader } from './ticket-reader.service';
import { Ticket } from './ticket.entity';

const DONE = [TicketStatus.Resolved, TicketStatus.Closed, TicketStatus.Cancelled];
/** A duplicate may join its parent until someone is on the way to it. */
const LINKABLE = [TicketStatus.Submitted, TicketStatus.Accepted, TicketStatus.Assigned];

export const toTicketRef = (t: Ticket): TicketRef => ({
  id: t.id,
  no: t.no ?? String(t.id),
  type: t.type,
  status: t.status,
  address: t.address,
});

/**
 * Duplicate reports (docs/domain.md#duplicates): a new leak or fault at an account, address or building
 * with an earlier open one is flagged, and may join it as its child. A child is parked: 受理, nobody
 * assigned, its clocks stopped (the parent's clocks measure the work), nobody may claim or be assigned
 * it; it is resolved when its parent is, and worked alone again if its parent is cancelled.
 */
@Injectable()
export class TicketLinks {
  constructor(
    @InjectRepository(Ticket) private readonly tickets: Repository<Ticket>,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly reader: TicketReader,
    private readonly clocks: TicketClocksService,
    private readonly photos: TicketPhotos,
  ) {}

  /** The earliest open ticket of the same work there that `viewer` may read, which `ticket` may duplicate. */
  async possibleDuplicateOf(viewer: StaffPrincipal, ticket: Ticket): Promise<Ticket | null> {
    const family = duplicateFamilyOf(ticket.type);
    if (ticket.parentId !== null || !isOpen(ticket.status) || !family.length) return null;
    const building = buildingOf(ticket.address);
    const candidates = await this.tickets
      .createQueryBuilder('t')
      .where('t.id < :id AND t.type IN (:...family) AND t.status NOT IN (:...done) AND t.parentId IS NULL', {
        id: ticket.id,
        family,
        done: DONE,
      })
      .andWhere(
        new Brackets((w) => {
          w.where('t.address = :address', { address: ticket.address });
          if (ticket.accountNo) w.orWhere('t.accountNo = :accountNo', { accountNo: ticket.accountNo });
          // '!' escapes LIKE's wildcards (a backslash would need escaping in MariaDB's literals).
          if (building)
            w.orWhere("t.address LIKE :building ESCAPE '!'", {
              building: `${building.replace(/[!%_]/g, (c) => `!${c}`)}%`,
            });
        }),
      )
      .orderBy('t.id', 'ASC')
      .limit(5)
      .getMany();
    return (await this.reader.readableAtDesk(viewer, candidates))[0] ?? null;
  }

  /** A ticket's detail with its possible duplicate, its parent and children, and its photos. */
  async detail(viewer: StaffPrincipal, id: number): Promise<TicketDetailView> {
    const { ticket, view } = await this.reader.detail(viewer, id);
    const [duplicate, parent, children, photos] = await Promise.all([
      this.possibleDuplicateOf(viewer, ticket),
      ticket.parentId ? this.tickets.findOneBy({ id: ticket.parentId }) : Promise.resolve(null),
      this.tickets.find({ where: { parentId: ticket.id }, order: { id: 'ASC' } }),
      this.photos.ofTicket(ticket.id),
    ]);
    return {
      ...view,
      possibleDuplicateOf: duplicate && toTicketRef(duplicate),
      parent: parent && toTicketRef(parent),
      children: children.map(toTicketRef),
      photos,
    };
  }

  /** `childId` joins `parentId` (or the ticket that one joined): timeline events on both, in one transaction. */
  async link(actor: StaffPrincipal, childId: number, parentId: number): Promise<Ticket> {
    const child = await this.reader.visibleTicket(actor, childId);
    let parent = await this.tickets.findOneBy({ id: parentId });
    if (parent?.parentId) parent = await this.tickets.findOneBy({ id: parent.parentId });
    if (!parent || !(await this.reader.readableAtDesk(actor, [parent])).length) throw notFound();
    const family = duplicateFamilyOf(child.type);
    const refused =
      parent.id === child.id ||
      child.parentId !== null ||
      !family.includes(parent.type) ||
      !isOpen(parent.status) ||
      !LINKABLE.includes(child.status) ||
      (await this.tickets.countBy({ parentId: child.id })) > 0;
    if (refused) throw conflict(ErrorCode.LinkNotAllowed);
    const now = this.clock.now();
    const parentNo = parent.no ?? String(parent.id);
    const childNo = child.no ?? String(child.id);
    return this.db.transaction(async (em) => {
      const moved = await em.update(
        Ticket,
        { id: child.id, status: child.status, assigneeId: child.assigneeId ?? IsNull(), parentId: IsNull() },
        { parentId: parent.id, status: TicketStatus.Accepted, assigneeId: null, updatedAt: now },
      );
      if (!moved.affected) throw conflict(ErrorCode.Conflict);
      const note = `已并入工单 ${parentNo}，随该工单一并处理`;
      await appendEvents(child.id, [
        ...(child.status !== TicketStatus.Accepted
          ? [{ kind: TicketEventKind.Transition, actor, at: now, from: child.status, to: TicketStatus.Accepted, note }]
          : []),
        {
          kind: TicketEventKind.Linked,
          actor,
          at: now,
          note,
          data: { parentId: parent.id, parentNo, previousAssigneeId: child.assigneeId },
        },
      ]);
      await appendEvents(parent.id, [
        {
          kind: TicketEventKind.Linked,
          actor,
          at: now,
          note: `重复报修：工单 ${childNo} 已并入本单`,
          data: { childId: child.id, childNo },
        },
      ]);
      // The parent's clocks measure the work now; a clock already late still counts as breached.
      const running = await em.findBy(TicketClock, { ticketId: child.id, stoppedAt: IsNull() });
      for (const c of running) await this.clocks.stop(child, c.kind, now);
      return em.findOneByOrFail(Ticket, { id: child.id });
    });
  }

  /**
   * After the parent moved (in its transaction): resolved → its open children are resolved with it;
   * cancelled → they are worked alone again, their clocks restarted from now.
   */
  async followParent(parent: Ticket, to: TicketStatus, now: Date): Promise<void> {
    const em = this.db.manager;
    if (to !== TicketStatus.Resolved && to !== TicketStatus.Cancelled) return;
    const children = await em.findBy(Ticket, { parentId: parent.id, status: Not(In(DONE)) });
    const parentNo = parent.no ?? String(parent.id);
    for (const child of children) {
      if (to === TicketStatus.Resolved) {
        const moved = await em.update(
          Ticket,
          { id: child.id, status: child.status },
          { status: TicketStatus.Resolved, updatedAt: now },
        );
        if (!moved.affected) continue;
        await appendEvents(child.id, [
          {
            kind: TicketEventKind.Transition,
            actor: null,
            at: now,
            from: child.status,
            to: TicketStatus.Resolved,
            note: `随工单 ${parentNo} 处理完成`,
            data: { parentId: parent.id },
          },
        ]);
        await this.clocks.onTransition(child, child.status, TicketStatus.Resolved, now);
      } else {
        await em.update(Ticket, { id: child.id }, { parentId: null, updatedAt: now });
        await appendEvents(child.id, [
          {
            kind: TicketEventKind.Linked,
            actor: null,
            at: now,
            note: `工单 ${parentNo} 已取消，本单恢复单独处理`,
            data: { parentId: null },
          },
        ]);
        const met = clocksStoppedBy(child.status, child.type);
        const kinds = (await em.findBy(TicketClock, { ticketId: child.id })).map((c) => c.kind);
        await this.clocks.start(
          child,
          now,
          kinds.filter((k) => !met.includes(k)),
        );
      }
    }
  }
}
