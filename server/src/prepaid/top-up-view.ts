import { TopUpView, topUpStatusLabel } from '@utility/shared';
import { TopUp } from './top-up.entity';

export const topUpView = (t: TopUp): TopUpView => ({
  id: t.id,
  orderNo: t.orderNo ?? '',
  amountFen: t.amountFen,
  status: t.status,
  meterKind: t.meterKind,
  statusLabel: topUpStatusLabel(t.status, t.meterKind),
  createdAt: t.createdAt.toISOString(),
  creditedAt: t.creditedAt?.toISOString() ?? null,
  deliveredAt: t.deliveredAt?.toISOString() ?? null,
});
