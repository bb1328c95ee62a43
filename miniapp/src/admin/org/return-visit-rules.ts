import type { ReturnVisitRule } from '@utility/shared';

/** A rule in a line: 全部回访 · 办结48小时后，1个工作日内 / 抽样 居民10% 非居民100% · 办结后5个工作日内. */
export function ruleWords(r: ReturnVisitRule): string {
  if (r.scope === 'none') return '不回访';
  const scope =
    r.scope === 'all' ? '全部回访' : `抽样 居民${r.sharePercent.residential}% 非居民${r.sharePercent.business}%`;
  const opens = r.timing.afterHours ? `办结${r.timing.afterHours}小时后` : '办结后';
  const due = r.timing.dueHours !== undefined ? `${r.timing.dueHours}小时内` : `${r.timing.dueWorkingDays}个工作日内`;
  return `${scope} · ${opens}${r.timing.afterHours ? '，' : ''}${due}`;
}
