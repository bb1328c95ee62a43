import { InvoiceStatus, InvoiceTitleKind } from '@utility/shared';
import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import { IdRefColumn, TimeColumn } from '../common/columns';
import type { InvoiceItemKind } from '../payments/invoice-subjects.service';
import type { FapiaoScene } from '../payments/wechat-pay/fapiao.client';

/**
 * An e-invoice (电子发票) of one payment, issued through WeChat Pay (docs/domain.md#invoices). A reissue is a
 * new row under the same fapiao application (the payment's transaction id) with a new fapiao id, replacing
 * the one it reverses. What the invoice says (title, subject, amount) is kept as issued.
 */
@Entity('invoice')
@Index(['status', 'requestedAt'])
export class Invoice {
  @PrimaryGeneratedColumn()
  id: number;

  @Index()
  @IdRefColumn()
  paymentId: number;

  /** Equal to paymentId while this is the payment's current invoice, null once replaced: one per payment. */
  @Column({ type: 'int', nullable: true, unique: true })
  currentPaymentId: number | null;

  @Index()
  @IdRefColumn()
  residentId: number;

  @IdRefColumn()
  accountId: number;

  /** The account's district: billing staff see the invoices of theirs. */
  @Index()
  @IdRefColumn()
  districtId: number;

  @Column({ type: 'varchar', length: 10 })
  accountNo: string;

  @Column({ type: 'varchar', length: 32 })
  orderNo: string;

  /** What was paid for: the invoice line's tax code and rate (invoice-lines.ts). */
  @Column({ type: 'varchar', length: 10 })
  itemKind: InvoiceItemKind;

  /** 燃气费 2026-10: the invoice line. */
  @Column({ type: 'varchar', length: 64 })
  subject: string;

  @Column({ type: 'int' })
  amountFen: number;

  @Column({ type: 'varchar', length: 10 })
  titleKind: InvoiceTitleKind;

  @Column({ type: 'varchar', length: 100 })
  titleName: string;

  /** 统一社会信用代码 of a company title. */
  @Column({ type: 'varchar', length: 18, nullable: true })
  taxNo: string | null;

  @Column({ type: 'varchar', length: 10 })
  status: InvoiceStatus;

  /** WITH_WECHATPAY for a WeChat Pay payment; WITHOUT_WECHATPAY for counter and bank money. */
  @Column({ type: 'varchar', length: 20, default: 'WITH_WECHATPAY' })
  scene: FapiaoScene;

  /**
   * WeChat Pay's fapiao_apply_id: the payment's transaction_id (WITH_WECHATPAY), else the payment's order number,
   * the id its title link was asked with. One application carries at most 5 invoices.
   */
  @Index()
  @Column({ type: 'varchar', length: 32 })
  fapiaoApplyId: string;

  /**
   * WITHOUT_WECHATPAY: when the resident filled the title on WeChat Pay's title page (their authorisation; null
   * while waiting, and nothing is asked of WeChat Pay before). WITH_WECHATPAY rows: the request's time.
   */
  @TimeColumn({ nullable: true })
  titleFilledAt: Date | null;

  /** Our fapiao_id (商户发票单号). */
  @Column({ type: 'varchar', length: 32, unique: true })
  fapiaoId: string;

  /** WeChat Pay accepted the issue request; false while a reissue waits for the reversal, or the call failed. */
  @Column({ type: 'boolean', default: false })
  submitted: boolean;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fapiaoCode: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fapiaoNumber: string | null;

  /** WeChat Pay's card_status (INSERTED: in the resident's card wallet). */
  @Column({ type: 'varchar', length: 20, nullable: true })
  cardStatus: string | null;

  /** The invoice this one replaces (a reissue). */
  @Index()
  @IdRefColumn({ nullable: true })
  replacesId: number | null;

  @TimeColumn()
  requestedAt: Date;

  @TimeColumn({ nullable: true })
  issuedAt: Date | null;

  @TimeColumn({ nullable: true })
  reversedAt: Date | null;
}
