import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { PaymentCredit } from './payment-credit.service';
import { PaymentFactsService } from './payment-facts.service';
import { PaymentNoticeHandler } from './payment-notice-handler.service';
import { PaymentNotice } from './payment-notice.entity';
import { PaymentNotifyController } from './payment-notify.controller';
import { PaymentOrder } from './payment-order.entity';
import { PaymentSweeper } from './payment-sweeper.service';
import { PaymentsController } from './payments.controller';
import { PaymentsService } from './payments.service';
import { ReconciliationMismatch } from './reconciliation-mismatch.entity';
import { ReconciliationJob } from './reconciliation-job.service';
import { ReconciliationRun } from './reconciliation-run.entity';
import { ReconciliationService } from './reconciliation.service';
import { Refund } from './refund.entity';
import { RefundsController } from './refunds.controller';
import { RefundsService } from './refunds.service';

/** Paying bills through WeChat Pay (wechat-pay/ is the integration; this is the domain). */
@Module({
  imports: [
    TypeOrmModule.forFeature([PaymentOrder, PaymentNotice, Refund, ReconciliationMismatch, ReconciliationRun]),
    AccountsModule,
    BillingModule,
    ResidentsModule,
    TicketsModule,
  ],
  controllers: [PaymentsController, PaymentNotifyController, RefundsController],
  providers: [
    PaymentsService,
    PaymentCredit,
    PaymentNoticeHandler,
    RefundsService,
    PaymentSweeper,
    ReconciliationService,
    ReconciliationJob,
    PaymentFactsService,
  ],
  exports: [
    PaymentFactsService,
    PaymentsService,
    PaymentCredit,
    PaymentSweeper,
    ReconciliationService,
    ReconciliationJob,
  ],
})
export class PaymentsModule {}
