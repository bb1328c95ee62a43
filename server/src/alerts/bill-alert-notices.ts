import { NoticeTemplates, UsageAlertReason, formatYuan } from '@utility/shared';
import { BillSnapshot } from '../billing/bill-snapshot';
import { NoticeRequest } from '../notifications/notice-outbox.service';

export type BillAlertKind = 'bill-due' | 'arrears' | 'usage-alert';

const UTILITY_NAMES = { gas: '燃气费', heating: '供热费', power: '电费' } as const;
const m3 = (centiM3: number) => (centiM3 / 100).toFixed(2);
// WeChat's `thing` fields hold 20 characters.
const REASONS: Record<UsageAlertReason, string> = { year_over_year: '超去年同月2倍', recent_average: '超近3月均值3倍' };

/** The subscribe message of one alert about one bill to one resident; the key makes it once per event. */
export function billAlertNotice(
  kind: BillAlertKind,
  bill: BillSnapshot,
  residentId: number,
  templates: NoticeTemplates,
  reason?: UsageAlertReason,
  /** Arrears: the reminder's step (days after the due date), so each step of the schedule goes once. */
  step?: number,
): NoticeRequest {
  const base = {
    dedupeKey: step === undefined ? `${kind}:${bill.id}:${residentId}` : `${kind}:${bill.id}:${residentId}:d${step}`,
    residentId,
    ticketId: null,
    page: `packages/pay/detail?id=${bill.id}`,
  };
  const what = { value: `${bill.period}${UTILITY_NAMES[bill.utility]}` };
  if (kind === 'bill-due') {
    return {
      ...base,
      templateId: templates.billDue,
      data: {
        character_string1: { value: bill.accountNo },
        thing2: what,
        amount3: { value: formatYuan(bill.amountFen) },
        date4: { value: bill.dueOn },
      },
    };
  }
  if (kind === 'arrears') {
    return {
      ...base,
      templateId: templates.arrears,
      data: {
        character_string1: { value: bill.accountNo },
        thing2: what,
        amount3: { value: formatYuan(bill.amountFen) },
        thing4: { value: step && step > 1 ? `已逾期${step}天，请尽快缴费` : `${bill.dueOn}已到期，请尽快缴费` },
      },
    };
  }
  return {
    ...base,
    templateId: templates.usageAlert,
    data: {
      character_string1: { value: bill.accountNo },
      thing2: { value: `用气${m3(bill.volumeCentiM3)}m³，${REASONS[reason!]}` },
      thing3: { value: '请检查是否漏气' },
    },
  };
}
