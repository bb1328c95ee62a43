import { Module } from '@nestjs/common';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { FeedbackModule } from '../feedback/feedback.module';
import { InspectionsModule } from '../inspections/inspections.module';
import { OrgModule } from '../org/org.module';
import { PaymentsModule } from '../payments/payments.module';
import { QueuesModule } from '../queues/queues.module';
import { TicketsModule } from '../tickets/tickets.module';
import { CustomerHistoryController } from './customer-history.controller';
import { CustomerHistoryService } from './customer-history.service';
import { PhoneIndexBackfill } from './phone-index-backfill';

/** The desk's view of a customer (docs/domain.md#customer-history): reads only, through the owning modules. */
@Module({
  imports: [
    AccountsModule,
    BillingModule,
    FeedbackModule,
    InspectionsModule,
    OrgModule,
    PaymentsModule,
    QueuesModule,
    TicketsModule,
  ],
  controllers: [CustomerHistoryController],
  providers: [CustomerHistoryService, PhoneIndexBackfill],
})
export class CustomerHistoryModule {}
