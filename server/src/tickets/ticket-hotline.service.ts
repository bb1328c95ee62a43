import { HttpStatus, Injectable } from '@nestjs/common';
import { Channel, ClockKind, ErrorCode, HotlineReplyRequest, TicketEventKind } from '@utility/shared';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { TicketClocksService } from './ticket-clocks.service';
import { appendEvents } from './ticket-events';
import { TicketReader } from './ticket-reader.service';
import { TicketsService } from './tickets.service';
import { Ticket } from './ticket.entity';

/**
 * 12345 transfers (docs/domain.md#clocks): the handling opinion sent back to the hotline is
 * recorded on the timeline and stops the `opinion` clock (heating 四(五): within 1 hour). Later
 * replies (the final answer) are recorded too; a late first one still counts as late.
 */
@Injectable()
export class TicketHotline {
  constructor(
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly reader: TicketReader,
    private readonly tickets: TicketsService,
    private readonly clocks: TicketClocksService,
  ) {}

  async recordReply(actor: StaffPrincipal, id: number, body: HotlineReplyRequest): Promise<Ticket> {
    await this.reader.visibleTicket(actor, id);
    return this.db.transaction(async () => {
      const { ticket } = await this.tickets.lockForStep(id);
      if (ticket.channel !== Channel.Hotline12345)
        throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.NotHotlineTicket);
      const now = this.clock.now();
      const first = await this.clocks.stop(ticket, ClockKind.Opinion, now);
      await appendEvents(id, [
        {
          kind: TicketEventKind.HotlineReplied,
          actor,
          at: now,
          note: body.reply,
          data: { externalRef: ticket.externalRef, first },
        },
      ]);
      return ticket;
    });
  }
}
