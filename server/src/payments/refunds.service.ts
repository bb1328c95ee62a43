import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ErrorCode } from '@utility/shared';
import { randomBytes } from 'node:crypto';
import { Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { BillsService } from '../billing/bills.service';
import { AppError, forbidden, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db, isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { coversDistrict, mayApproveRefunds } from '../common/staff-permissions';
import { PaymentOrder } from './payment-order.entity';
import { Refund } from './refund.entity';
import { RefundListeners } from './refund-listeners';
import { TopUpSettlement } from './top-up-settlement';
import { WechatPayClient, WechatPayError } from './wechat-pay/wechat-pay.client';
import { WechatRefund } from './wechat-pay/wechat-pay.types';

export interface RefundView {
  id: number;
  refundNo: string;
  orderNo: string;
  amountFen: number;
  reason: string;
  status: Refund['status'];
}

/** Full refunds of a payment: billing staff request, a supervisor approves, WeChat Pay's notice settles it. */
@Injectable()
export class RefundsService {
  constructor(
    @InjectRepository(Refund) private readonly refunds: Repository<Refund>,
    @InjectRepository(PaymentOrder) private readonly orders: Repository<PaymentOrder>,
    private readonly bills: BillsService,
    private readonly accounts: AccountsService,
    private readonly wechatPay: WechatPayClient,
    private readonly db: Db,
    private readonly clock: Clock,
    private readonly topUps: TopUpSettlement,
    private readonly listeners: RefundListeners,
  ) {}

  async request(staff: StaffPrincipal, orderNo: string, reason: string): Promise<RefundView> {
    const order = await this.orders.findOneBy({ orderNo });
    if (!order) throw notFound();
    await this.assertCovers(staff, order);
    if (order.status !== 'paid') throw new AppError(HttpStatus.CONFLICT, ErrorCode.RefundNotAllowed);
    // Money taken at the counter or by the bank goes back the way it came, not through WeChat Pay.
    if (order.method !== 'wechat')
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.RefundNotAllowed, '柜台或银行代扣的缴费请在营业厅办理退款');
    const row = {
      refundNo: `R${randomBytes(10).toString('hex').toUpperCase()}`,
      orderId: order.id,
      amountFen: order.amountFen,
      reason,
      status: 'requested' as const,
      requestedById: staff.id,
      decidedById: null,
      wechatRefundId: null,
      requestedAt: this.clock.now(),
      decidedAt: null,
      completedAt: null,
    };
    try {
      await this.refunds.insert(row);
    } catch (error) {
      if (isDuplicateKey(error))
        throw new AppError(HttpStatus.CONFLICT, ErrorCode.RefundNotAllowed, '该笔缴费已申请过退款');
      throw error;
    }
    return this.view(await this.refunds.findOneByOrFail({ refundNo: row.refundNo }));
  }

  /**
   * Only a supervisor approves (docs/domain.md#priorities-and-grades), of the order's district, and never the one who
   * asked for it (four eyes on money going back); approval sends the refund to WeChat Pay.
   */
  async decide(staff: StaffPrincipal, id: number, approve: boolean): Promise<RefundView> {
    if (!mayApproveRefunds(staff)) throw forbidden();
    const refund = await this.refunds.findOneBy({ id });
    if (!refund) throw notFound();
    await this.assertCovers(staff, await this.orders.findOneByOrFail({ id: refund.orderId }));
    if (refund.requestedById === staff.id) throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.FourEyesRequired);
    const to = approve ? 'processing' : 'rejected';
    const moved = await this.refunds.update(
      { id, status: 'requested' },
      { status: to, decidedById: staff.id, decidedAt: this.clock.now() },
    );
    if (!moved.affected) throw new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict);
    if (approve) await this.send(refund);
    return this.view(await this.refunds.findOneByOrFail({ id }));
  }

  /** WeChat Pay's verdict, from a notice or a query; the first verdict wins, repeats change nothing. */
  async onWechatResult(result: WechatRefund): Promise<'refund_recorded' | 'unknown_order'> {
    const refund = await this.refunds.findOneBy({ refundNo: result.outRefundNo });
    if (!refund) return 'unknown_order';
    if (result.status === 'PROCESSING') return 'refund_recorded';
    const refundedOrderId = await this.db.transaction(async (em) => {
      const status = result.status === 'SUCCESS' ? 'succeeded' : 'failed';
      const moved = await em.update(
        Refund,
        { id: refund.id, status: 'processing' },
        { status, wechatRefundId: result.refundId, completedAt: this.clock.now() },
      );
      if (!moved.affected || status !== 'succeeded') return null;
      const order = await em.findOneByOrFail(PaymentOrder, { id: refund.orderId });
      await em.update(PaymentOrder, { id: order.id }, { status: 'refunded' });
      if (order.topUpId !== null) await this.topUps.ledger.refunded(order.topUpId, order.amountFen);
      else if (order.settledBill) await this.bills.unsettle(order.billId!, order.id);
      return order.id;
    });
    // Once, by whichever notice recorded it: the money is back, so its invoice is reversed (invoices module).
    if (refundedOrderId !== null) await this.listeners.refunded(refundedOrderId);
    return 'refund_recorded';
  }

  private async send(refund: Refund): Promise<void> {
    const order = await this.orders.findOneByOrFail({ id: refund.orderId });
    try {
      const sent = await this.wechatPay.refund({
        outTradeNo: order.orderNo,
        outRefundNo: refund.refundNo,
        refundFen: refund.amountFen,
        totalFen: order.amountFen,
        reason: refund.reason,
      });
      await this.refunds.update({ id: refund.id }, { wechatRefundId: sent.refundId });
    } catch (error) {
      // Still `processing`: the sweeper asks WeChat Pay again (refunds are idempotent by out_refund_no).
      if (!(error instanceof WechatPayError)) throw error;
    }
  }

  /** Staff handle the refunds of their own district's accounts (admins and staff of no district: any). */
  private async assertCovers(staff: StaffPrincipal, order: PaymentOrder): Promise<void> {
    const account = await this.accounts.findById(order.accountId);
    if (!account || !coversDistrict(staff, account.districtId))
      throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, '只能处理本片区户号的退款');
  }

  private async view(r: Refund): Promise<RefundView> {
    const order = await this.orders.findOneByOrFail({ id: r.orderId });
    return {
      id: r.id,
      refundNo: r.refundNo,
      orderNo: order.orderNo,
      amountFen: r.amountFen,
      reason: r.reason,
      status: r.status,
    };
  }
}
