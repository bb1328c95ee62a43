import { z } from 'zod';
import { MeterKind, TOP_UP_MAX_FEN, TOP_UP_MIN_FEN } from '../prepaid/prepaid-rules';
import type { PayParams } from './billing';

/** GET /api/accounts/:id/balance */
export interface PrepaidBalanceView {
  balanceFen: number;
  /** m³ per day over the recent readings; null when not known yet. */
  dailyUseAvg: number | null;
  /** Whole days the balance lasts at that use; null when the use is not known. */
  daysLeft: number | null;
  meterKind: MeterKind;
}

/**
 * awaiting_payment (待支付) → credited (充值成功; an IC card: 待写卡) → delivered (已到表: the vendor confirmed,
 * or the card was loaded); closed: never paid; refunded (已退款).
 */
export type TopUpStatus = 'awaiting_payment' | 'closed' | 'credited' | 'delivered' | 'refunded';

export interface TopUpView {
  id: number;
  orderNo: string;
  amountFen: number;
  status: TopUpStatus;
  meterKind: MeterKind;
  /** What the resident is shown: 待支付, 充值成功, 待写卡, 已到表, 已退款, 已关闭. */
  statusLabel: string;
  createdAt: string;
  creditedAt: string | null;
  deliveredAt: string | null;
}

/** A top-up's label for the resident (docs/domain.md#prepaid-accounts). */
export function topUpStatusLabel(status: TopUpStatus, meterKind: MeterKind): string {
  if (status === 'credited') return meterKind === 'ic_card' ? '待写卡' : '充值成功';
  return { awaiting_payment: '待支付', closed: '已关闭', delivered: '已到表', refunded: '已退款' }[status];
}

export const TopUpRequestSchema = z.object({
  amountFen: z
    .number({ error: '请输入充值金额' })
    .int('充值金额应为整数分')
    .min(TOP_UP_MIN_FEN, `充值金额不能少于${TOP_UP_MIN_FEN / 100}元`)
    .max(TOP_UP_MAX_FEN, `单次充值不能超过${TOP_UP_MAX_FEN / 100}元`),
});
export type TopUpRequest = z.infer<typeof TopUpRequestSchema>;

export interface TopUpResponse {
  orderNo: string;
  amountFen: number;
  topUpId: number;
  payParams: PayParams;
}

export const CardLoadRequestSchema = z.object({ topUpId: z.number().int().positive() });
export type CardLoadRequest = z.infer<typeof CardLoadRequestSchema>;

export interface CardLoadView {
  topUpId: number;
  accountNo: string;
  amountFen: number;
  loadedAt: string;
  /** true when this card load was recorded before (a repeat changes nothing). */
  replayed: boolean;
}
