import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { NoticeCursor } from './notice-cursor.entity';
import { NoticeOutbox } from './notice-outbox.service';
import { NoticePlanner } from './notice-planner.service';
import { NoticeSender } from './notice-sender.service';
import { NoticeWorker } from './notice-worker.service';
import { Notice } from './notice.entity';
import { SubscriptionConsent } from './subscription-consent.entity';
import { SubscriptionsController } from './subscriptions.controller';
import { TicketSubscriptions } from './ticket-subscriptions.service';

/** Resident notices: consent, the outbox (NoticeOutbox is the way in for every module) and its worker. */
@Module({
  imports: [TypeOrmModule.forFeature([Notice, NoticeCursor, SubscriptionConsent]), ResidentsModule, TicketsModule],
  controllers: [SubscriptionsController],
  providers: [NoticeOutbox, NoticePlanner, NoticeSender, NoticeWorker, TicketSubscriptions],
  exports: [NoticeOutbox, NoticeWorker, NoticeSender],
})
export class NotificationsModule {}
