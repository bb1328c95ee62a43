import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { BillingModule } from '../billing/billing.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AccountLookup } from './account-lookup.entity';
import { InvoiceSubjects } from './invoice-subjects.service';
import { OfflinePaymentsController } from './offline-payments.controller';
import { OfflinePaymentsService } from './offline-payments.service';
import { PayByAccountService } from './pay-by-account.service';
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
import { RefundListeners } from './refund-listeners';
import { TopUpOrders } from './top-up-orders.service';
import { TopUpSettlement } from './top-up-settlement';

/** Paying bills and prepaid top-ups: WeChat Pay (wechat-pay/ is the integration), the counter, the bank's auto-debit, 代缴. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      PaymentOrder,
      PaymentNotice,
      Refund,
      ReconciliationMismatch,
      ReconciliationRun,
      AccountLookup,
    ]),
    AccountsModule,
    BillingModule,
    ResidentsModule,
    TicketsModule,
  ],
  controllers: [PaymentsController, PaymentNotifyController, RefundsController, OfflinePaymentsController],
  providers: [
    PaymentsService,
    PaymentCredit,
    PaymentNoticeHandler,
    RefundsService,
    PaymentSweeper,
    ReconciliationService,
    ReconciliationJob,
    PaymentFactsService,
    OfflinePaymentsService,
    PayByAccountService,
    InvoiceSubjects,
    RefundListeners,
    TopUpOrders,
    TopUpSettlement,
  ],
  exports: [
    RefundListeners,
    TopUpOrders,
    TopUpSettlement,
    PaymentFactsService,
    PaymentNoticeHandler,
    InvoiceSubjects,
    PaymentsService,
    PaymentCredit,
    PaymentSweeper,
    ReconciliationService,
    ReconciliationJob,
  ],
})
export class PaymentsModule {}
