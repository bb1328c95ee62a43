import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, LessThan, Not, IsNull, Repository } from 'typeorm';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { FapiaoOutcome, PaymentNoticeHandler } from '../payments/payment-notice-handler.service';
import { FapiaoClient } from '../payments/wechat-pay/fapiao.client';
import { FapiaoEventType, FapiaoNotice, QueriedFapiao } from '../payments/wechat-pay/fapiao.types';
import { WechatPayError } from '../payments/wechat-pay/wechat-pay.client';
import { Invoice } from './invoice.entity';
import { InvoiceIssuer } from './invoice-issuer.service';
import { InvoiceRefunds } from './invoice-refunds.service';
import { InvoiceTitles } from './invoice-titles.service';

/** An invoice asked of WeChat Pay with no result this long after is queried (its notice may be lost). */
const QUIET_MS = 2 * 60_000;
const BATCH = 50;
/** A title page not filled within a day is asked about no more by the sweep (a new request asks again). */
const TITLE_WAIT_MS = 24 * 3_600_000;

export interface InvoiceSweepResult {
  /** WITHOUT_WECHATPAY titles filled whose notice never came. */
  titled: number;
  submitted: number;
  settled: number;
}

/**
 * What WeChat Pay did with our invoices: FAPIAO.* notices (through the payments notify endpoint, verified and
 * decrypted there) and, for notices that never came, the `invoice-sweep` job's queries. Every change is a
 * conditional update from the state it leaves, so a notice delivered twice, or a notice and a query, change an
 * invoice once; a reversed invoice's waiting replacement is then issued.
 */
@Injectable()
export class InvoiceResults implements OnModuleInit {
  private readonly logger = new Logger(InvoiceResults.name);

  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    private readonly fapiao: FapiaoClient,
    private readonly issuer: InvoiceIssuer,
    private readonly refunds: InvoiceRefunds,
    private readonly titles: InvoiceTitles,
    private readonly notices: PaymentNoticeHandler,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.notices.onFapiaoNotice((eventType, notice) => this.onNotice(eventType, notice));
  }

  async onNotice(eventType: FapiaoEventType, notice: FapiaoNotice): Promise<FapiaoOutcome> {
    if (notice.mchid !== this.config.WECHATPAY_MCHID) return 'mismatch';
    if (eventType === 'FAPIAO.USER_APPLIED') return this.onTitleFilled(notice.fapiaoApplyId);
    const ids = notice.fapiaos.map((f) => f.fapiaoId);
    const invoices = ids.length ? await this.invoices.findBy({ fapiaoId: In(ids) }) : [];
    const ours = invoices.filter((i) => i.fapiaoApplyId === notice.fapiaoApplyId);
    if (!ours.length) return 'unknown_fapiao';
    let changed = false;
    for (const invoice of ours) {
      // The notice says which invoice moved; the query says what it is now (numbers, wallet card).
      const [found] = (await this.fapiao.query(invoice.fapiaoApplyId, invoice.fapiaoId)) ?? [];
      if (found && (await this.settle(invoice, found))) changed = true;
    }
    this.logger.log(`${eventType} for ${notice.fapiaoApplyId}: ${changed ? 'recorded' : 'duplicate'}`);
    return changed ? 'fapiao_recorded' : 'duplicate';
  }

  private async onTitleFilled(fapiaoApplyId: string): Promise<FapiaoOutcome> {
    if (await this.titles.takeFilled(fapiaoApplyId)) return 'fapiao_recorded';
    const known = await this.invoices.existsBy({ fapiaoApplyId, scene: 'WITHOUT_WECHATPAY' });
    return known ? 'duplicate' : 'unknown_fapiao';
  }

  /**
   * One pass: invoices WeChat Pay never accepted are submitted again (a replacement once its predecessor is
   * reversed); those accepted but quiet are queried and settled.
   */
  @BackgroundJob('invoice-sweep')
  async sweep(): Promise<InvoiceSweepResult> {
    const result: InvoiceSweepResult = { titled: 0, submitted: 0, settled: 0 };
    const now = this.clock.now().getTime();
    const untitled = await this.titles.waiting(new Date(now - TITLE_WAIT_MS), new Date(now - QUIET_MS), BATCH);
    for (const invoice of untitled) if (await this.titles.sweepOne(invoice)) result.titled++;
    const unsubmitted = await this.invoices.find({
      where: { status: 'issuing', submitted: false, titleFilledAt: Not(IsNull()) },
      take: BATCH,
    });
    for (const invoice of unsubmitted) {
      const waiting =
        invoice.replacesId !== null &&
        (await this.invoices.findOneBy({ id: invoice.replacesId }))?.status !== 'reversed';
      if (!waiting && (await this.issuer.submit(invoice))) result.submitted++;
    }
    const quiet = await this.invoices.find({
      where: [
        { status: 'issuing', submitted: true, requestedAt: LessThan(new Date(this.clock.now().getTime() - QUIET_MS)) },
        { status: 'reversing', requestedAt: LessThan(new Date(this.clock.now().getTime() - QUIET_MS)) },
      ],
      take: BATCH,
    });
    for (const invoice of quiet) {
      try {
        const [found] = (await this.fapiao.query(invoice.fapiaoApplyId, invoice.fapiaoId)) ?? [];
        if (found && (await this.settle(invoice, found))) result.settled++;
        else if (invoice.status === 'reversing' && found?.status === 'ISSUED') await this.reverseAgain(invoice);
      } catch (error) {
        if (!(error instanceof WechatPayError)) throw error;
        this.logger.warn(`invoice ${invoice.fapiaoId} not queried: ${error.message}`);
      }
    }
    return result;
  }

  /** A reversal WeChat Pay never took (refused, or lost): asked again (the same reversal twice is safe there). */
  private async reverseAgain(invoice: Invoice): Promise<void> {
    await this.issuer.reverse(invoice);
    await this.invoices.update({ id: invoice.id, status: 'reversing' }, { requestedAt: this.clock.now() });
  }

  /** Applies WeChat Pay's state of one invoice; true when something changed here. */
  private async settle(invoice: Invoice, found: QueriedFapiao): Promise<boolean> {
    const now = this.clock.now();
    if (found.status === 'ISSUED') {
      const issued = await this.invoices.update(
        { id: invoice.id, status: 'issuing' },
        {
          status: 'issued',
          submitted: true,
          fapiaoCode: found.blue?.code ?? null,
          fapiaoNumber: found.blue?.number ?? null,
          cardStatus: found.cardStatus ?? null,
          issuedAt: found.blue?.time ?? now,
        },
      );
      if (issued.affected) {
        await this.refunds.issued(invoice.id, invoice.paymentId);
        return true;
      }
      // Already issued: only the wallet card may have moved (FAPIAO.CARD_INSERTED).
      if (!found.cardStatus || found.cardStatus === invoice.cardStatus) return false;
      const card = await this.invoices.update({ id: invoice.id, status: 'issued' }, { cardStatus: found.cardStatus });
      return !!card.affected;
    }
    if (found.status === 'REVERSED') {
      const reversed = await this.invoices.update(
        { id: invoice.id, status: In(['issued', 'reversing']) },
        { status: 'reversed', reversedAt: now, cardStatus: found.cardStatus ?? invoice.cardStatus },
      );
      // Whether this notice or an earlier one reversed it, a replacement not yet accepted is asked for now.
      const replacement = await this.invoices.findOneBy({
        replacesId: invoice.id,
        status: 'issuing',
        submitted: false,
      });
      if (replacement) await this.issuer.submit(replacement);
      return !!reversed.affected;
    }
    return false;
  }
}
