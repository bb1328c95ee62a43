import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TicketType, formatYuan } from '@utility/shared';
import { IsNull, LessThan, LessThanOrEqual, Repository } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db } from '../common/db';
import { BackgroundJob } from '../common/jobs/background-job.decorator';
import { TicketsService } from '../tickets/tickets.service';
import { deliveryRetryDelayMs } from './meter-vendor-signature';
import { MeterVendorClient, MeterVendorError } from './meter-vendor.client';
import { TopUp } from './top-up.entity';

const BATCH = 50;

export interface MeterDeliveryResult {
  delivered: number;
  failed: number;
  escalated: number;
}

/**
 * Sends credited IoT top-ups to the meter vendor until it confirms (docs/domain.md#prepaid-accounts), with
 * backoff; the vendor applies a requestId once, so a send repeated after a lost answer changes nothing there.
 * A top-up still unconfirmed METER_CONFIRM_HOURS after payment opens one billing ticket (staff may refund it
 * through the refund flow). Safe in several processes: each send is claimed by a conditional update.
 */
@Injectable()
export class MeterDelivery {
  private readonly logger = new Logger(MeterDelivery.name);

  constructor(
    @InjectRepository(TopUp) private readonly topUps: Repository<TopUp>,
    private readonly vendor: MeterVendorClient,
    private readonly accounts: AccountsService,
    private readonly tickets: TicketsService,
    private readonly db: Db,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @BackgroundJob('meter-delivery')
  async run(): Promise<MeterDeliveryResult> {
    const result: MeterDeliveryResult = { delivered: 0, failed: 0, escalated: 0 };
    const now = this.clock.now();
    const due = await this.topUps.find({
      where: { status: 'credited', meterKind: 'iot', nextDeliveryAt: LessThanOrEqual(now) },
      order: { nextDeliveryAt: 'ASC' },
      take: BATCH,
    });
    for (const topUp of due) {
      const outcome = await this.deliver(topUp, now);
      if (outcome === 'delivered') result.delivered++;
      if (outcome === 'failed') result.failed++;
    }
    const cutoff = new Date(now.getTime() - this.config.METER_CONFIRM_HOURS * 3_600_000);
    const overdue = await this.topUps.find({
      where: { status: 'credited', meterKind: 'iot', creditedAt: LessThan(cutoff), escalatedAt: IsNull() },
      take: BATCH,
    });
    for (const topUp of overdue) if (await this.escalate(topUp, now)) result.escalated++;
    return result;
  }

  private async deliver(topUp: TopUp, now: Date): Promise<'delivered' | 'failed' | 'skipped'> {
    const attempts = topUp.deliveryAttempts + 1;
    // The claim: another process that read the same row finds the attempt count moved and leaves it.
    const claimed = await this.topUps.update(
      { id: topUp.id, status: 'credited', deliveryAttempts: topUp.deliveryAttempts },
      { deliveryAttempts: attempts, nextDeliveryAt: new Date(now.getTime() + deliveryRetryDelayMs(attempts)) },
    );
    if (!claimed.affected) return 'skipped';
    const account = await this.accounts.findById(topUp.accountId);
    try {
      await this.vendor.sendTopUp({
        requestId: `top-up:${topUp.id}`,
        meterNo: account?.meterNo ?? account?.accountNo ?? '',
        accountNo: account?.accountNo ?? '',
        amountFen: topUp.amountFen,
      });
    } catch (error) {
      if (!(error instanceof MeterVendorError)) throw error;
      this.logger.warn(`top-up ${topUp.id} not confirmed by the meter vendor (attempt ${attempts}): ${error.message}`);
      await this.topUps.update({ id: topUp.id }, { lastDeliveryError: error.message.slice(0, 200) });
      return 'failed';
    }
    await this.topUps.update(
      { id: topUp.id, status: 'credited' },
      { status: 'delivered', deliveredAt: this.clock.now(), nextDeliveryAt: null, lastDeliveryError: null },
    );
    return 'delivered';
  }

  /** Once per top-up: the escalatedAt update and the ticket are one transaction. */
  private async escalate(topUp: TopUp, now: Date): Promise<boolean> {
    const account = await this.accounts.findById(topUp.accountId);
    return this.db.transaction(async (em) => {
      const marked = await em.update(TopUp, { id: topUp.id, escalatedAt: IsNull() }, { escalatedAt: now });
      if (!marked.affected) return false;
      const ticket = await this.tickets.openSystemTicket({
        type: TicketType.Billing,
        accountNo: account?.accountNo ?? null,
        description:
          `预付费充值未到表：订单 ${topUp.orderNo ?? '—'} 充值 ${formatYuan(topUp.amountFen)} 已支付，` +
          `物联网表厂商 ${this.config.METER_CONFIRM_HOURS} 小时内未确认到表（已发送 ${topUp.deliveryAttempts} 次` +
          `${topUp.lastDeliveryError ? `，最近错误：${topUp.lastDeliveryError}` : ''}）。系统仍在重试；请核实表具，必要时按退款流程退款。`,
      });
      await em.update(TopUp, { id: topUp.id }, { ticketId: ticket.id });
      return true;
    });
  }
}
