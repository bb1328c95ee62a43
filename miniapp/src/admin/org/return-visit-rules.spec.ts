import { TicketType, defaultReturnVisitPolicy } from '@utility/shared';
import { ruleWords } from './return-visit-rules';

describe('the return-visit rules page', () => {
  const rules = defaultReturnVisitPolicy(10).rules;
  const of = (type: TicketType, utility: string | null = null) =>
    ruleWords(rules.find((r) => r.ticketType === type && r.utility === utility)!);

  it.each<[string, TicketType, string | null, string]>([
    [
      'a heating repair: 48 h after, one working day',
      TicketType.Repair,
      'heating',
      '全部回访 · 办结48小时后，1个工作日内',
    ],
    ['a repair: within 24 h', TicketType.Repair, null, '全部回访 · 办结后24小时内'],
    [
      'power inspections: business customers all',
      TicketType.Inspection,
      'power',
      '抽样 居民10% 非居民100% · 办结后5个工作日内',
    ],
    ['billing: never', TicketType.Billing, null, '不回访'],
  ])('%s', (_what, type, utility, words) => {
    expect(of(type, utility)).toBe(words);
  });
});
