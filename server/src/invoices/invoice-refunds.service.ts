import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { InvoiceSubjects } from '../payments/invoice-subjects.service';
import { RefundListeners } from '../payments/refund-listeners';
import { WechatPayError } from '../payments/wechat-pay/wechat-pay.client';
import { Invoice } from './invoice.entity';
import { InvoiceIssuer } from './invoice-issuer.service';

/**
 * A refunded payment keeps no invoice (docs/domain.md#invoices): its issued invoice is reversed (red-letter) when
 * the refund is recorded, and one still being issued is reversed as soon as it is issued. A reversal WeChat Pay
 * did not take is asked again by the invoice sweep.
 */
@Injectable()
export class InvoiceRefunds implements OnModuleInit {
  private readonly logger = new Logger(InvoiceRefunds.name);

  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    private readonly issuer: InvoiceIssuer,
    private readonly subjects: InvoiceSubjects,
    private readonly listeners: RefundListeners,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.listeners.add((paymentId) => this.reverseFor(paymentId));
  }

  async reverseFor(paymentId: number): Promise<void> {
    const invoice = await this.invoices.findOneBy({ currentPaymentId: paymentId, status: 'issued' });
    if (invoice) await this.reverse(invoice.id);
  }

  /** An invoice just issued: reversed at once if its payment was refunded while it was being issued. */
  async issued(invoiceId: number, paymentId: number): Promise<void> {
    if ((await this.subjects.find(paymentId))?.status === 'refunded') await this.reverse(invoiceId);
  }

  private async reverse(invoiceId: number): Promise<void> {
    const moved = await this.invoices.update(
      { id: invoiceId, status: 'issued' },
      { status: 'reversing', currentPaymentId: null, requestedAt: this.clock.now() },
    );
    if (!moved.affected) return;
    const invoice = await this.invoices.findOneByOrFail({ id: invoiceId });
    try {
      await this.issuer.reverse(invoice);
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      this.logger.warn(`invoice ${invoice.fapiaoId} of a refunded payment not reversed yet: ${error.message}`);
    }
  }
}
