import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode, InvoiceTitleLink, normalizeTaxNo } from '@utility/shared';
import { Between, IsNull, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { FapiaoClient } from '../payments/wechat-pay/fapiao.client';
import { WechatPayError } from '../payments/wechat-pay/wechat-pay.client';
import { ResidentsService } from '../residents/residents.service';
import { Invoice } from './invoice.entity';
import { InvoiceIssuer } from './invoice-issuer.service';

/**
 * Counter and bank money is invoiced in WeChat Pay's WITHOUT_WECHATPAY scene (docs/domain.md#invoices): the
 * resident fills the title on WeChat Pay's title page first (抬头填写, their authorisation), WeChat Pay tells us by
 * FAPIAO.USER_APPLIED, and only then is the invoice asked for, with the title they filled.
 */
@Injectable()
export class InvoiceTitles {
  private readonly logger = new Logger(InvoiceTitles.name);

  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    private readonly fapiao: FapiaoClient,
    private readonly issuer: InvoiceIssuer,
    private readonly residents: ResidentsService,
    private readonly clock: Clock,
  ) {}

  /** The title page of an invoice awaiting its title, asked for its resident (a link lasts 30 minutes). */
  async link(invoice: Invoice): Promise<InvoiceTitleLink> {
    const resident = await this.residents.findActive(invoice.residentId);
    if (!resident?.openid) throw new AppError(HttpStatus.UNAUTHORIZED, ErrorCode.Unauthenticated);
    try {
      return await this.fapiao.titleLink({
        fapiaoApplyId: invoice.fapiaoApplyId,
        openid: resident.openid,
        totalFen: invoice.amountFen,
      });
    } catch (error) {
      if (error instanceof WechatPayError)
        throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.InvoiceUnavailable);
      throw error;
    }
  }

  /**
   * The title of an application, if the resident filled it (a USER_APPLIED notice, or the sweep asking for a
   * notice that never came): taken once (a conditional update), then the invoice is asked for.
   * True when this call took it.
   */
  async takeFilled(fapiaoApplyId: string): Promise<boolean> {
    const waiting = await this.invoices.findOneBy({
      fapiaoApplyId,
      scene: 'WITHOUT_WECHATPAY',
      titleFilledAt: IsNull(),
      status: 'issuing',
    });
    if (!waiting) return false;
    const title = await this.fapiao.userTitle(fapiaoApplyId, 'WITHOUT_WECHATPAY');
    if (!title) return false;
    const company = title.type === 'ORGANIZATION';
    const filled = {
      titleKind: company ? ('company' as const) : ('personal' as const),
      titleName: title.name.slice(0, 100),
      taxNo: company ? normalizeTaxNo(title.taxpayerId!).slice(0, 18) : null,
      titleFilledAt: this.clock.now(),
    };
    const taken = await this.invoices.update({ id: waiting.id, titleFilledAt: IsNull() }, filled);
    if (!taken.affected) return false;
    await this.issuer.submit({ ...waiting, ...filled });
    return true;
  }

  /** Applications asked between these times still waiting for their title, for the sweep (oldest first). */
  waiting(from: Date, to: Date, take: number): Promise<Invoice[]> {
    return this.invoices.find({
      where: { scene: 'WITHOUT_WECHATPAY', titleFilledAt: IsNull(), status: 'issuing', requestedAt: Between(from, to) },
      order: { id: 'ASC' },
      take,
    });
  }

  /** For the sweep: a failed question is logged and asked again next time. */
  async sweepOne(invoice: Invoice): Promise<boolean> {
    try {
      return await this.takeFilled(invoice.fapiaoApplyId);
    } catch (error) {
      if (!(error instanceof WechatPayError)) throw error;
      this.logger.warn(`title of ${invoice.fapiaoApplyId} not read: ${error.message}`);
      return false;
    }
  }
}
