import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PaymentsModule } from '../payments/payments.module';
import { ResidentsModule } from '../residents/residents.module';
import { Invoice } from './invoice.entity';
import { InvoiceIssuer } from './invoice-issuer.service';
import { InvoiceRefunds } from './invoice-refunds.service';
import { InvoiceResults } from './invoice-results.service';
import { InvoiceTitles } from './invoice-titles.service';
import { InvoicesController } from './invoices.controller';
import { InvoicesService } from './invoices.service';
import { StaffInvoicesController } from './staff-invoices.controller';
import { StaffInvoicesService } from './staff-invoices.service';

/**
 * E-invoices of payments (WeChat Pay, counter and bank money) through WeChat Pay's fapiao APIs (docs/domain.md#invoices). It reads payments through
 * `InvoiceSubjects`, shows its status on their records through a receipt decorator and takes FAPIAO.* notices
 * from the payments notify endpoint (`PaymentNoticeHandler.onFapiaoNotice`) and refunds from `RefundListeners`:
 * payments never imports it.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Invoice]), PaymentsModule, ResidentsModule],
  controllers: [InvoicesController, StaffInvoicesController],
  providers: [InvoicesService, InvoiceIssuer, InvoiceResults, InvoiceRefunds, InvoiceTitles, StaffInvoicesService],
})
export class InvoicesModule {}
