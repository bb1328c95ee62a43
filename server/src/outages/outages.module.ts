import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { NotificationsModule } from '../notifications/notifications.module';
import { OrgModule } from '../org/org.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { OutageAccount } from './outage-account.entity';
import { OutageAnnouncement } from './outage-announcement.entity';
import { OutageChildren } from './outage-children.service';
import { OutageNotices } from './outage-notices.service';
import { OutageTicket } from './outage-ticket.entity';
import { Outage } from './outage.entity';
import { OutagesController } from './outages.controller';
import { OutagesService } from './outages.service';

/** Outages (docs/domain.md#outages): plugs into ticket intake and the notice worker through their ports. */
@Module({
  imports: [
    TypeOrmModule.forFeature([Outage, OutageAccount, OutageTicket, OutageAnnouncement]),
    AccountsModule,
    NotificationsModule,
    OrgModule,
    ResidentsModule,
    TicketsModule,
  ],
  controllers: [OutagesController],
  providers: [OutagesService, OutageChildren, OutageNotices],
  exports: [OutagesService, OutageNotices],
})
export class OutagesModule {}
