import { ReturnVisitOutcome, TicketStatus, TicketType, type AccountHistoryView } from '@utility/shared';
import { ticketView } from '../../../test/factories/tickets';
import { historySections } from './history-sections';
import { searchError } from './search-query';

function history(over: Partial<AccountHistoryView> = {}): AccountHistoryView {
  return {
    account: {
      accountNo: '9100000001',
      holderName: '王**',
      address: '东城区幸福里3号楼2单元501',
      utility: 'heating',
      districtId: 1,
      districtName: '东城片区',
      stationId: 1,
      stationName: '东城供热站',
      keyCustomer: false,
      active: true,
    },
    openTickets: [],
    pastTickets: [],
    bills: [],
    payments: [],
    arrears: { unpaidFen: 0, overdueFen: 0 },
    hazards: [],
    inspections: [],
    ratings: [],
    returnVisits: [],
    ...over,
  };
}

describe('historySections', () => {
  it('lists every part of the history in order, empty parts with what to say', () => {
    const sections = historySections(history());
    expect(sections.map((s) => s.title)).toEqual([
      '在办工单',
      '历史工单',
      '账单',
      '缴费记录',
      '安全隐患',
      '安检',
      '服务评价',
      '回访',
    ]);
    expect(sections.every((s) => s.lines.length === 0 && s.empty)).toBe(true);
  });

  it('names tickets by number, type and status, and ratings and return visits by their ticket’s number', () => {
    const past = ticketView({ id: 7, no: '20261201000007', type: TicketType.Repair, status: TicketStatus.Closed });
    const sections = historySections(
      history({
        pastTickets: [past],
        ratings: [
          {
            id: 1,
            ticketId: 7,
            resolution: 1,
            level: 'satisfied',
            levelLabel: '满意',
            answers: {},
            comment: '师傅很专业',
            ratedAt: '2026-12-02T02:00:00Z',
          } as AccountHistoryView['ratings'][number],
        ],
        returnVisits: [
          {
            ticketId: 7,
            resolution: 1,
            taskTicketId: 9,
            reason: '抽样回访',
            dueAt: null,
            outcome: ReturnVisitOutcome.NotFixed,
            followUpKind: 'reopened',
            settledAt: null,
          },
        ],
      }),
    );
    const lines = (id: string) => sections.find((s) => s.id === id)!.lines;
    expect(lines('past')[0]).toMatchObject({ title: '20261201000007 一般报修', tag: { text: '已关闭' }, ticketId: 7 });
    expect(lines('ratings')[0]).toMatchObject({ title: '工单 20261201000007 · 满意' });
    expect(lines('ratings')[0].detail).toContain('师傅很专业');
    expect(lines('visits')[0]).toMatchObject({
      title: '工单 20261201000007 · 第1次办结',
      tag: { text: '未解决', tone: 'warn' },
    });
  });
});

describe('searchError', () => {
  it('asks for at least two characters, as the server does', () => {
    expect(searchError(' 1 ')).toBe('请至少输入两个字');
    expect(searchError('幸福')).toBeNull();
  });
});
