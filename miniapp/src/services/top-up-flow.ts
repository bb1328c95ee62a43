import type { TopUpView } from '@utility/shared';
import { newIdempotencyKey } from './idempotency-key';
import { payAtCashier } from '../platform/pay';
import type { CashierResult } from './pay-flow';
import { createTopUp, listTopUps } from './api/prepaid';

export type TopUpOutcome =
  | { status: 'credited'; topUp: TopUpView }
  /** Paid at the cashier, not credited yet: the server's sweeper will. */
  | { status: 'pending' }
  | Exclude<CashierResult, { status: 'confirmed' }>;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tops up: the server makes the top-up and its WeChat Pay order, the cashier takes the money, then the list
 * is polled until the notice has credited it (充值成功 / 待写卡, then 已到表 once on the meter).
 */
export async function payTopUp(
  accountId: number,
  amountFen: number,
  { intervalMs = 1000, attempts = 10 } = {},
): Promise<TopUpOutcome> {
  const order = await createTopUp(accountId, amountFen, newIdempotencyKey());
  const cashier = await payAtCashier(order);
  if (cashier.status !== 'confirmed') return cashier;
  for (let i = 0; ; i++) {
    const found = (await listTopUps(accountId, { silent: true }).catch(() => [])).find((x) => x.id === order.topUpId);
    if (found && found.status !== 'awaiting_payment' && found.status !== 'closed')
      return { status: 'credited', topUp: found };
    if (i >= attempts) return { status: 'pending' };
    await sleep(intervalMs);
  }
}
