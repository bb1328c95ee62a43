import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { CardLoadView, ErrorCode, PrepaidBalanceView, TopUpRequest, TopUpResponse, TopUpView } from '@utility/shared';
import { Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AppError, forbidden, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { StaffPrincipal } from '../common/principal';
import { coversDistrict } from '../common/staff-permissions';
import { TopUpOrders } from '../payments/top-up-orders.service';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { PrepaidLedger } from './prepaid-ledger.service';
import { TopUp } from './top-up.entity';
import { topUpView } from './top-up-view';

type Account = NonNullable<Awaited<ReturnType<AccountsService['findById']>>>;

export const notPrepaid = () => new AppError(HttpStatus.CONFLICT, ErrorCode.NotPrepaid);

/** A resident's top-ups of a bound prepaid account, and the IC-card loads billing staff record. */
@Injectable()
export class TopUpsService {
  constructor(
    @InjectRepository(TopUp) private readonly topUps: Repository<TopUp>,
    private readonly accounts: AccountsService,
    private readonly bindings: AccountBindingsService,
    private readonly orders: TopUpOrders,
    private readonly ledger: PrepaidLedger,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  async balance(residentId: number, accountId: number): Promise<PrepaidBalanceView> {
    return this.ledger.balance(await this.prepaidAccount(residentId, accountId));
  }

  /**
   * A new top-up and its WeChat Pay order. The Idempotency-Key makes a retried request the same top-up (and the
   * same open order); a new top-up of the account closes an older one still awaiting payment.
   */
  async create(residentId: number, accountId: number, body: TopUpRequest, key?: string): Promise<TopUpResponse> {
    const account = await this.prepaidAccount(residentId, accountId);
    const { resourceId } = await this.idempotency.create(
      `resident:${residentId}`,
      key,
      'top-up',
      { accountId, ...body },
      async (em) => {
        const { identifiers } = await em.insert(TopUp, {
          accountId,
          residentId,
          amountFen: body.amountFen,
          meterKind: account.meterKind,
          status: 'awaiting_payment',
          orderNo: null,
          createdAt: this.clock.now(),
          creditedAt: null,
          deliveredAt: null,
          deliveryAttempts: 0,
          nextDeliveryAt: null,
          lastDeliveryError: null,
          escalatedAt: null,
          ticketId: null,
          loadedById: null,
        });
        return identifiers[0].id as number;
      },
    );
    const topUp = await this.topUps.findOneByOrFail({ id: resourceId });
    // A replayed request of a top-up already paid (or closed) has nothing more to pay.
    if (topUp.status !== 'awaiting_payment') throw new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict);
    const order = await this.orders.order({
      topUpId: topUp.id,
      accountId,
      accountNo: account.accountNo,
      residentId,
      amountFen: topUp.amountFen,
    });
    if (topUp.orderNo !== order.orderNo) await this.topUps.update({ id: topUp.id }, { orderNo: order.orderNo });
    return { topUpId: topUp.id, orderNo: order.orderNo, amountFen: topUp.amountFen, payParams: order.payParams };
  }

  async list(residentId: number, accountId: number): Promise<TopUpView[]> {
    await this.prepaidAccount(residentId, accountId);
    const rows = await this.topUps.find({ where: { accountId }, order: { id: 'DESC' }, take: 50 });
    return rows.map(topUpView);
  }

  /**
   * Billing or counter staff loaded a credited IC-card top-up onto the card (docs/domain.md#prepaid-accounts):
   * recorded once; a repeat answers the first load.
   */
  async recordCardLoad(staff: StaffPrincipal, topUpId: number): Promise<CardLoadView> {
    const topUp = await this.topUps.findOneBy({ id: topUpId });
    if (!topUp) throw notFound();
    const account = await this.accounts.findById(topUp.accountId);
    if (!account || !coversDistrict(staff, account.districtId)) throw forbidden();
    if (topUp.meterKind !== 'ic_card') throw new AppError(HttpStatus.CONFLICT, ErrorCode.TopUpNotLoadable);
    let replayed = topUp.status === 'delivered';
    if (!replayed) {
      const moved = await this.topUps.update(
        { id: topUpId, status: 'credited' },
        { status: 'delivered', deliveredAt: this.clock.now(), loadedById: staff.id },
      );
      if (!moved.affected) {
        const now = await this.topUps.findOneByOrFail({ id: topUpId });
        // Loaded by a colleague at the same instant; anything else (unpaid, refunded) cannot be loaded.
        if (now.status !== 'delivered') throw new AppError(HttpStatus.CONFLICT, ErrorCode.TopUpNotLoadable);
        replayed = true;
      }
    }
    const loaded = await this.topUps.findOneByOrFail({ id: topUpId });
    return {
      topUpId,
      accountNo: account.accountNo,
      amountFen: loaded.amountFen,
      loadedAt: loaded.deliveredAt!.toISOString(),
      replayed,
    };
  }

  /** A bound account that takes top-ups: prepaid, with an IC-card or IoT meter. */
  private async prepaidAccount(residentId: number, accountId: number): Promise<Account> {
    await this.bindings.assertBound(residentId, accountId);
    const account = await this.accounts.findById(accountId);
    if (!account) throw notFound();
    if (account.paymentMode !== 'prepaid' || account.meterKind === 'ordinary') throw notPrepaid();
    return account;
  }
}
