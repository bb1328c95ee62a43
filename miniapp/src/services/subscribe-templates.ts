import type { NoticeTemplates } from '@utility/shared';

export type TemplateKey = keyof NoticeTemplates;

/** What a resident is asked for after a request: WeChat shows at most three templates a sheet. */
export const PROGRESS_TEMPLATES: TemplateKey[] = ['accepted', 'progress', 'resolved'];

export const TEMPLATE_LABELS: Record<TemplateKey, string> = {
  accepted: '受理通知',
  progress: '处理进度通知',
  resolved: '处理完成通知',
  inspection: '安检预约提醒',
  billDue: '账单到期提醒',
  arrears: '欠费提醒',
  usageAlert: '用量异常提醒',
  accountChange: '户号变更通知',
  outage: '停供通知',
  prepaidBalance: '余额不足提醒',
};
