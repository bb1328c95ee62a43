import {
  PAYMENT_METHOD_LABELS,
  ReturnVisitOutcome,
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  formatYuan,
  type AccountHistoryView,
  type TicketView,
} from '@utility/shared';
import { formatFullTime } from '../../format/time';

/** One line of an account's history: what it is, a detail line, and a tag to scan by. */
export interface HistoryLine {
  key: string;
  title: string;
  detail: string;
  tag?: { text: string; tone: 'warn' | 'ok' | 'plain' };
  /** The ticket it opens, when it is one. */
  ticketId?: number;
}

export interface HistorySection {
  id: 'open' | 'past' | 'bills' | 'payments' | 'hazards' | 'inspections' | 'ratings' | 'visits';
  title: string;
  empty: string;
  lines: HistoryLine[];
}

const VISIT_OUTCOME: Record<ReturnVisitOutcome, string> = {
  [ReturnVisitOutcome.Fixed]: '已解决',
  [ReturnVisitOutcome.NotFixed]: '未解决',
  [ReturnVisitOutcome.Unreachable]: '联系不上',
};

const ticketLine = (t: TicketView): HistoryLine => ({
  key: `t${t.id}`,
  title: `${t.no} ${TICKET_TYPE_LABELS[t.type]}`,
  detail: `${formatFullTime(t.createdAt)} · ${t.address}`,
  tag: { text: TICKET_STATUS_LABELS[t.status], tone: 'plain' },
  ticketId: t.id,
});

/**
 * An account's whole history (`GET /api/staff/accounts/:accountNo/history`) as the sections the desk and the
 * phone page list: tickets open and past, bills and payments, hazards, inspections, ratings, return visits.
 */
export function historySections(h: AccountHistoryView): HistorySection[] {
  const tickets = [...h.openTickets, ...h.pastTickets];
  const noOf = (ticketId: number) => tickets.find((t) => t.id === ticketId)?.no ?? `#${ticketId}`;
  return [
    { id: 'open', title: '在办工单', empty: '无在办工单', lines: h.openTickets.map(ticketLine) },
    { id: 'past', title: '历史工单', empty: '无历史工单', lines: h.pastTickets.map(ticketLine) },
    {
      id: 'bills',
      title: '账单',
      empty: '无账单',
      lines: h.bills.map((b) => ({
        key: `b${b.id}`,
        title: `${b.period} 账单 ${formatYuan(b.amountFen)}`,
        detail:
          b.status === 'paid' ? `已缴 ${formatYuan(b.paidFen)}` : `应缴 ${formatYuan(b.payableFen)} · 到期 ${b.dueOn}`,
        tag:
          b.status === 'paid'
            ? { text: '已缴', tone: 'ok' }
            : { text: b.overdue ? '逾期' : '未缴', tone: b.overdue ? 'warn' : 'plain' },
      })),
    },
    {
      id: 'payments',
      title: '缴费记录',
      empty: '无缴费记录',
      lines: h.payments.map((p) => ({
        key: `p${p.orderNo}`,
        title: `${p.period} ${formatYuan(p.amountFen)} · ${PAYMENT_METHOD_LABELS[p.method]}`,
        detail: `${p.paidAt ? formatFullTime(p.paidAt) : '未完成'}${p.receiptNo ? ` · 收据 ${p.receiptNo}` : ''}`,
        tag: { text: p.status === 'paid' ? '已支付' : p.status === 'refunded' ? '已退款' : '未完成', tone: 'plain' },
      })),
    },
    {
      id: 'hazards',
      title: '安全隐患',
      empty: '无隐患记录',
      lines: h.hazards.map((z) => ({
        key: `z${z.id}`,
        title: `${z.severityLabel} · ${z.itemLabel}`,
        detail: `${z.note} · 整改期限 ${formatFullTime(z.deadline)}`,
        tag: { text: z.statusLabel, tone: z.closedAt ? 'ok' : 'warn' },
      })),
    },
    {
      id: 'inspections',
      title: '安检',
      empty: '无安检预约',
      lines: h.inspections.map((i) => ({
        key: `i${i.id}`,
        title: `${i.planName} · ${i.slot.date} ${i.slot.halfLabel}`,
        detail: `工单 ${i.ticket.no}`,
        tag: { text: i.stateLabel, tone: 'plain' },
        ticketId: i.ticket.id,
      })),
    },
    {
      id: 'ratings',
      title: '服务评价',
      empty: '无评价',
      lines: h.ratings.map((r) => ({
        key: `r${r.id}`,
        title: `工单 ${noOf(r.ticketId)} · ${r.levelLabel}`,
        detail: `${formatFullTime(r.ratedAt)}${r.comment ? ` · ${r.comment}` : ''}`,
        ticketId: r.ticketId,
      })),
    },
    {
      id: 'visits',
      title: '回访',
      empty: '无回访记录',
      lines: h.returnVisits.map((v) => ({
        key: `v${v.ticketId}-${v.resolution}`,
        title: `工单 ${noOf(v.ticketId)} · 第${v.resolution}次办结`,
        detail: v.reason,
        tag: v.outcome
          ? { text: VISIT_OUTCOME[v.outcome], tone: v.outcome === ReturnVisitOutcome.Fixed ? 'ok' : 'warn' }
          : { text: v.taskTicketId ? '待回访' : '无需回访', tone: 'plain' },
        ticketId: v.ticketId,
      })),
    },
  ];
}
