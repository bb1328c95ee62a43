import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  InvoiceReissueRequest,
  InvoiceRequest,
  InvoiceView,
  PaymentView,
  shanghaiDate,
} from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { In, Repository } from 'typeorm';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { InvoiceSubject, InvoiceSubjects } from '../payments/invoice-subjects.service';
import type { FapiaoScene } from '../payments/wechat-pay/fapiao.client';
import { PaymentsService } from '../payments/payments.service';
import { WechatPayError } from '../payments/wechat-pay/wechat-pay.client';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { Invoice } from './invoice.entity';
import { InvoiceIssuer } from './invoice-issuer.service';
import { InvoiceTitles } from './invoice-titles.service';
import { toInvoiceView } from './invoice-view';

/** WeChat Pay's limit: one fapiao application carries at most 5 invoices (the first and its reissues). */
export const INVOICES_PER_APPLICATION = 5;

/** Our fapiao_id (商户发票单号, at most 32): F, the Shanghai date, 12 random hex digits. */
const newFapiaoId = (now: Date) =>
  `F${shanghaiDate(now).replaceAll('-', '')}${randomBytes(6).toString('hex').toUpperCase()}`;

export interface InvoiceAnswer {
  view: InvoiceView;
  /** False when the payment already had this invoice: nothing new was asked of WeChat Pay. */
  created: boolean;
}

/**
 * A resident's e-invoices (docs/domain.md#invoices): one current invoice per payment, for the payer's own
 * paid WeChat Pay payments; a reissue reverses the current one and issues a replacement once it is reversed.
 */
@Injectable()
export class InvoicesService implements OnModuleInit {
  constructor(
    @InjectRepository(Invoice) private readonly invoices: Repository<Invoice>,
    private readonly subjects: InvoiceSubjects,
    private readonly payments: PaymentsService,
    private readonly issuer: InvoiceIssuer,
    private readonly titles: InvoiceTitles,
    private readonly bindings: AccountBindingsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.payments.addReceiptDecorator((views, residentId) => this.decorateReceipts(views, residentId));
  }

  /**
   * A second request for the same payment answers its current invoice (and retries one WeChat Pay never took).
   * Counter and bank money (WITHOUT_WECHATPAY) waits for the title filled on WeChat Pay's page: the answer
   * carries that page's link; a WeChat Pay payment needs the title in the request.
   */
  async request(residentId: number, body: InvoiceRequest): Promise<InvoiceAnswer> {
    const subject = await this.subjects.find(body.paymentId);
    // Someone else's payment is as unknown to this resident as one that does not exist.
    if (!subject) throw notFound();
    if (subject.payerResidentId === null) await this.bindings.assertBound(residentId, subject.accountId);
    else if (subject.payerResidentId !== residentId) throw notFound();
    const current = await this.invoices.findOneBy({ currentPaymentId: subject.paymentId });
    if (current) return { view: await this.answer(current, residentId), created: false };
    assertInvoiceable(subject);
    if (sceneOf(subject) === 'WITH_WECHATPAY' && !body.title)
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed);
    let invoice: Invoice;
    try {
      invoice = await this.db.transaction(async (em) => {
        const row = em.create(Invoice, this.newRow(subject, residentId, body, null));
        return em.save(row);
      });
    } catch (error) {
      if (!isDuplicateKey(error)) throw error;
      // A racing request for the same payment won: answer its invoice.
      const raced = await this.invoices.findOneByOrFail({ currentPaymentId: subject.paymentId });
      return { view: await this.answer(raced, residentId), created: false };
    }
    if (invoice.scene === 'WITHOUT_WECHATPAY')
      return { view: { ...(await this.view(invoice)), titleLink: await this.titles.link(invoice) }, created: true };
    await this.issuer.submit(invoice);
    return { view: await this.view(invoice), created: true };
  }

  /**
   * A wrong title: the issued invoice is reversed (红冲) and a replacement with the corrected title waits for the
   * reversal, then is issued (invoice-results.service.ts). The same reissue again answers that replacement.
   */
  async reissue(residentId: number, invoiceId: number, body: InvoiceReissueRequest): Promise<InvoiceView> {
    const old = await this.invoices.findOneBy({ id: invoiceId, residentId });
    if (!old) throw notFound();
    const replacement = await this.invoices.findOneBy({ replacesId: old.id });
    if (replacement) {
      if (
        replacement.titleKind !== body.title.kind ||
        replacement.titleName !== body.title.name ||
        replacement.taxNo !== (body.taxNo ?? null)
      )
        throw notReissuable();
      return this.view(replacement);
    }
    if (old.status !== 'issued' || old.currentPaymentId === null) throw notReissuable();
    const subject = await this.subjects.find(old.paymentId);
    if (!subject) throw notFound();
    assertInvoiceable(subject);
    // Each reissue is one more invoice of the same application: refused before anything is reversed.
    if ((await this.invoices.countBy({ fapiaoApplyId: old.fapiaoApplyId })) >= INVOICES_PER_APPLICATION)
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.InvoiceLimitReached);
    try {
      // Asked first (the same reversal again is safe at WeChat Pay), so that a refusal changes nothing here.
      await this.issuer.reverse(old);
    } catch (error) {
      if (error instanceof WechatPayError)
        throw new AppError(HttpStatus.SERVICE_UNAVAILABLE, ErrorCode.InvoiceUnavailable);
      throw error;
    }
    const created = await this.db.transaction(async (em) => {
      const moved = await em.update(
        Invoice,
        { id: old.id, status: 'issued', currentPaymentId: old.paymentId },
        { status: 'reversing', currentPaymentId: null },
      );
      if (!moved.affected) return null;
      return em.save(em.create(Invoice, this.newRow(subject, residentId, body, old.id)));
    });
    if (!created) {
      // A racing reissue of the same invoice made the replacement.
      const raced = await this.invoices.findOneBy({ replacesId: old.id });
      if (!raced) throw notReissuable();
      return this.view(raced);
    }
    return this.view(created);
  }

  async listMine(residentId: number): Promise<InvoiceView[]> {
    const rows = await this.invoices.find({ where: { residentId }, order: { id: 'DESC' }, take: 200 });
    return this.views(rows);
  }

  async views(rows: Invoice[]): Promise<InvoiceView[]> {
    const replacedBy = await this.replacements(rows.map((r) => r.id));
    return rows.map((r) => toInvoiceView(r, replacedBy.get(r.id) ?? null));
  }

  /** The replacement of each of these invoices that was reissued. */
  async replacements(ids: number[]): Promise<Map<number, number>> {
    if (!ids.length) return new Map();
    const rows = await this.invoices.find({ where: { replacesId: In(ids) }, select: { id: true, replacesId: true } });
    return new Map(rows.map((r) => [r.replacesId!, r.id]));
  }

  /** Each payment record shows its current invoice, and whether this resident may ask for one. */
  private async decorateReceipts(views: PaymentView[], residentId: number): Promise<void> {
    const ids = views.map((v) => v.id);
    if (!ids.length) return;
    const current = await this.invoices.findBy({ currentPaymentId: In(ids) });
    const byPayment = new Map(current.map((i) => [i.paymentId, i]));
    const subjects = new Map((await this.subjects.findMany(ids)).map((s) => [s.paymentId, s]));
    for (const view of views) {
      const invoice = byPayment.get(view.id);
      const subject = subjects.get(view.id);
      view.invoice = invoice
        ? { id: invoice.id, status: invoice.status, awaitingTitle: invoice.titleFilledAt === null }
        : null;
      // The records are of the resident's own accounts: counter and bank money there is theirs to invoice.
      const mine = subject?.payerResidentId === residentId || subject?.payerResidentId === null;
      view.invoiceable = !invoice && !!subject && mine && isInvoiceable(subject);
    }
  }

  /**
   * An existing invoice, submitted again if WeChat Pay never accepted it (and it is not waiting for a reversal);
   * one still awaiting its title answers a fresh title link to the resident who asked for it.
   */
  private async answer(invoice: Invoice, residentId: number): Promise<InvoiceView> {
    if (invoice.titleFilledAt === null && invoice.status === 'issuing') {
      // The title may have been filled and its notice lost.
      if (await this.titles.takeFilled(invoice.fapiaoApplyId)) return this.view(await this.reload(invoice));
      const view = await this.view(invoice);
      return invoice.residentId === residentId ? { ...view, titleLink: await this.titles.link(invoice) } : view;
    }
    if (!invoice.submitted && invoice.status === 'issuing' && (await this.replacedIsReversed(invoice)))
      await this.issuer.submit(invoice);
    return this.view(invoice);
  }

  private reload(invoice: Invoice): Promise<Invoice> {
    return this.invoices.findOneByOrFail({ id: invoice.id });
  }

  private async replacedIsReversed(invoice: Invoice): Promise<boolean> {
    if (invoice.replacesId === null) return true;
    return (await this.invoices.findOneBy({ id: invoice.replacesId }))?.status === 'reversed';
  }

  private async view(invoice: Invoice): Promise<InvoiceView> {
    const [view] = await this.views([invoice]);
    return view;
  }

  private newRow(
    subject: InvoiceSubject,
    residentId: number,
    body: Partial<InvoiceReissueRequest>,
    replacesId: number | null,
  ): Partial<Invoice> {
    const now = this.clock.now();
    const scene = sceneOf(subject);
    // WITHOUT_WECHATPAY: the title is WeChat Pay's to collect first; a reissue's corrected title is ours.
    const title = body.title ?? { kind: 'personal' as const, name: '' };
    return {
      paymentId: subject.paymentId,
      currentPaymentId: subject.paymentId,
      residentId,
      accountId: subject.accountId,
      accountNo: subject.accountNo,
      districtId: subject.districtId,
      orderNo: subject.orderNo,
      itemKind: subject.itemKind,
      subject: subject.description,
      amountFen: subject.amountFen,
      titleKind: title.kind,
      titleName: title.name,
      taxNo: title.kind === 'company' ? (body.taxNo ?? null) : null,
      status: 'issuing',
      scene,
      fapiaoApplyId: scene === 'WITH_WECHATPAY' ? subject.transactionId! : subject.orderNo,
      titleFilledAt: body.title ? now : null,
      fapiaoId: newFapiaoId(now),
      submitted: false,
      fapiaoCode: null,
      fapiaoNumber: null,
      cardStatus: null,
      replacesId,
      requestedAt: now,
      issuedAt: null,
      reversedAt: null,
    };
  }
}

/** A paid payment can be invoiced (a refunded one no longer); a WeChat Pay one needs its transaction id. */
function isInvoiceable(subject: InvoiceSubject): boolean {
  return subject.status === 'paid' && (subject.method !== 'wechat' || !!subject.transactionId);
}

/** WeChat Pay payments are invoiced in the WeChat Pay scene; counter and bank money in the other. */
function sceneOf(subject: InvoiceSubject): FapiaoScene {
  return subject.method === 'wechat' ? 'WITH_WECHATPAY' : 'WITHOUT_WECHATPAY';
}

function assertInvoiceable(subject: InvoiceSubject): void {
  if (!isInvoiceable(subject)) throw new AppError(HttpStatus.CONFLICT, ErrorCode.PaymentNotInvoiceable);
}

const notReissuable = () => new AppError(HttpStatus.CONFLICT, ErrorCode.InvoiceNotReissuable);
