import { Inject, Injectable } from '@nestjs/common';
import { Role, TICKET_TYPE_LABELS } from '@utility/shared';
import { APP_CONFIG, AppConfig } from '../common/config';
import { StaffNotices } from '../staff-notices/staff-notices.service';
import { StaffService } from '../staff/staff.service';
import { OncallPage } from './oncall-page.entity';
import { Ticket } from './ticket.entity';
import { Db } from '../common/db';

const label = (t: Ticket) => t.no ?? String(t.id);

/**
 * Who is told along the on-call chain (docs/domain.md#duty-roster), always inside the caller's transaction:
 * the timeline and the messages are written together, so a step is never recorded without its message.
 */
@Injectable()
export class OncallPager {
  constructor(
    private readonly db: Db,
    private readonly staffNotices: StaffNotices,
    private readonly staff: StaffService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  get ackMs(): number {
    return this.config.ONCALL_ACK_MINUTES * 60_000;
  }

  /** Auto-assignment chose `technician`: the chain starts, and he is paged. */
  async start(ticket: Ticket, technicianId: number, now: Date): Promise<void> {
    const em = this.db.manager;
    await em.insert(OncallPage, {
      ticketId: ticket.id,
      step: 0,
      staffId: technicianId,
      pagedIds: String(technicianId),
      state: 'waiting',
      pagedAt: now,
      ackDueAt: new Date(now.getTime() + this.ackMs),
      updatedAt: now,
    });
    await this.pageTechnician(ticket, technicianId, 0);
  }

  /** The job card: ticket number, address, what was reported, a link to the job; acknowledge within the time. */
  async pageTechnician(ticket: Ticket, technicianId: number, step: number): Promise<void> {
    await this.staffNotices.notify(
      [technicianId],
      {
        kind: 'oncall_page',
        title: `抢修派单：${TICKET_TYPE_LABELS[ticket.type]} ${label(ticket)}`,
        body: `地址：${ticket.address}\n报修内容：${ticket.description}\n请在${this.config.ONCALL_ACK_MINUTES}分钟内接单，否则将改派他人。`,
        ticketId: ticket.id,
        url: `/staff/job/index?id=${ticket.id}`,
      },
      `oncall:${ticket.id}:${step}`,
    );
  }

  /** The district's supervisors: nobody took the emergency (`why` says what happened). */
  async tellSupervisors(ticket: Ticket, why: string): Promise<number> {
    const supervisors = ticket.districtId ? await this.staff.activeInDistrict(Role.Supervisor, ticket.districtId) : [];
    await this.staffNotices.notify(
      supervisors.map((s) => s.id),
      {
        kind: 'oncall_unanswered',
        title: `抢修无人接单：${label(ticket)}`,
        body: `${TICKET_TYPE_LABELS[ticket.type]}工单 ${label(ticket)}（${ticket.address}）${why}，请立即安排处置。`,
        ticketId: ticket.id,
      },
      `oncall-supervisor:${ticket.id}`,
    );
    return supervisors.length;
  }
}
