import { Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { FapiaoClient } from '../payments/wechat-pay/fapiao.client';
import { WechatPayError } from '../payments/wechat-pay/wechat-pay.client';
import { Invoice } from './invoice.entity';
import { invoiceBuyer, invoiceLine } from './invoice-lines';

/** 收款方 on the wallet card. */
const PAYEE_NAME = '公用事业缴费';
/** 冲红原因: the 数电 enum value (a free text in the older mode, where it reads as well). */
const REVERSE_REASON = 'ISSUE_ERROR';

/**
 * The calls to WeChat Pay's e-invoice APIs for our invoices. Never inside a transaction (they are side effects);
 * a failed call is logged and left to the invoice sweep or the resident's repeated request.
 */
@Injectable()
export class InvoiceIssuer {
  private readonly logger = new Logger(InvoiceIssuer.name);
  private cardTemplate: Promise<unknown> | null = null;

  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    private readonly fapiao: FapiaoClient,
  ) {}

  /** Asks WeChat Pay to issue (the same fapiao_id again is safe); true when it accepted the request. */
  async submit(invoice: Invoice): Promise<boolean> {
    // WITHOUT_WECHATPAY: nothing is asked before the resident filled the title (invoice-titles.service.ts).
    if (invoice.titleFilledAt === null) return false;
    try {
      await this.ensureCardTemplate();
      await this.fapiao.issue({
        scene: invoice.scene,
        fapiaoApplyId: invoice.fapiaoApplyId,
        fapiaoId: invoice.fapiaoId,
        buyer: invoiceBuyer(invoice.titleKind, invoice.titleName, invoice.taxNo),
        totalFen: invoice.amountFen,
        lines: [invoiceLine(invoice.itemKind, invoice.subject, invoice.amountFen)],
        remark: `户号${invoice.accountNo}`,
      });
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      this.logger.warn(`invoice ${invoice.fapiaoId} not accepted by WeChat Pay: ${error.message}`);
      return false;
    }
    await this.invoices.update({ id: invoice.id, submitted: false }, { submitted: true });
    invoice.submitted = true;
    return true;
  }

  /** Asks for the red-letter reversal of an issued invoice; throws WechatPayError when WeChat Pay refuses. */
  async reverse(invoice: Invoice): Promise<void> {
    await this.fapiao.reverse(invoice.fapiaoApplyId, REVERSE_REASON, {
      fapiaoId: invoice.fapiaoId,
      number: invoice.fapiaoNumber ?? '',
      code: invoice.fapiaoCode ?? '',
    });
  }

  /** The wallet card template, created once per process before the first invoice (WeChat Pay keeps one per app). */
  private ensureCardTemplate(): Promise<unknown> {
    this.cardTemplate ??= this.fapiao.createCardTemplate(PAYEE_NAME).catch((error: unknown) => {
      this.cardTemplate = null;
      throw error;
    });
    return this.cardTemplate;
  }
}
