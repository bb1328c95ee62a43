import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { OrgModule } from '../org/org.module';
import { QueuesModule } from '../queues/queues.module';
import { RotaModule } from '../rota/rota.module';
import { SlaModule } from '../sla/sla.module';
import { StaffModule } from '../staff/staff.module';
import { StaffNoticesModule } from '../staff-notices/staff-notices.module';
import { DispatchWatch } from './dispatch-watch.service';
import { OncallChain } from './oncall-chain.service';
import { OncallPage } from './oncall-page.entity';
import { OncallPager } from './oncall-pager.service';
import { UploadsModule } from '../uploads/uploads.module';
import { QueueBoardController } from './queue-board.controller';
import { SlaBreach } from './sla-breach.entity';
import { TicketAppointmentsController } from './ticket-appointments.controller';
import { TicketAppointments } from './ticket-appointments.service';
import { TicketAssignment } from './ticket-assignment.service';
import { TicketBoard } from './ticket-board.service';
import { TicketClock } from './ticket-clock.entity';
import { TicketClocksService } from './ticket-clocks.service';
import { TicketEvent } from './ticket-event.entity';
import { TicketExtensions } from './ticket-extensions';
import { TicketFactsService } from './ticket-facts.service';
import { TicketHotline } from './ticket-hotline.service';
import { TicketLinks } from './ticket-links.service';
import { TicketPhotos } from './ticket-photos.service';
import { TicketReader } from './ticket-reader.service';
import { TicketSweeper } from './ticket-sweeper.service';
import { Ticket } from './ticket.entity';
import { TicketsController } from './tickets.controller';
import { TicketsService } from './tickets.service';
import { UnclaimedAlert } from './unclaimed-alert.entity';
import { UnclaimedWatch } from './unclaimed-watch.service';

@Module({
  imports: [
    TypeOrmModule.forFeature([Ticket, TicketEvent, TicketClock, SlaBreach, OncallPage, UnclaimedAlert]),
    AccountsModule,
    OrgModule,
    QueuesModule,
    RotaModule,
    SlaModule,
    StaffModule,
    StaffNoticesModule,
    UploadsModule,
  ],
  controllers: [TicketsController, QueueBoardController, TicketAppointmentsController],
  providers: [
    TicketsService,
    TicketAppointments,
    TicketHotline,
    TicketAssignment,
    TicketReader,
    TicketBoard,
    TicketClocksService,
    TicketSweeper,
    TicketExtensions,
    TicketFactsService,
    OncallPager,
    OncallChain,
    UnclaimedWatch,
    DispatchWatch,
    TicketLinks,
    TicketPhotos,
  ],
  exports: [
    TicketsService,
    TicketAppointments,
    TicketReader,
    TicketSweeper,
    TicketExtensions,
    TicketAssignment,
    TicketBoard,
    TicketFactsService,
    DispatchWatch,
    TicketLinks,
    TicketPhotos,
  ],
})
export class TicketsModule {}
