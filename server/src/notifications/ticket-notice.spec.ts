import { TicketEventKind as K, TicketStatus as S, TicketType } from '@utility/shared';
import { TicketEventFact } from '../tickets/ticket-reader.service';
import { noticeForEvent, quoteLine } from './ticket-notice';

const templates = {
  accepted: 'TPL_ACCEPTED',
  progress: 'TPL_PROGRESS',
  resolved: 'TPL_RESOLVED',
  inspection: 'TPL_INS',
  billDue: 'TPL_DUE',
  arrears: 'TPL_ARR',
  usageAlert: 'TPL_USE',
  accountChange: 'TPL_ACC',
  outage: 'TPL_OUT',
  prepaidBalance: 'TPL_PRE',
};
const fact = (kind: K, from: S | null, to: S | null): TicketEventFact => ({
  eventId: 9,
  kind,
  from,
  to,
  at: new Date('2026-11-23T02:05:00Z'),
  ticketId: 7,
  ticketNo: '20261123000007',
  ticketType: TicketType.Repair,
  accountNo: '9100000001',
  data: null,
});

describe('noticeForEvent', () => {
  it.each([
    [K.Transition, S.Submitted, S.Accepted, 'TPL_ACCEPTED', '已受理'],
    [K.Claimed, S.Accepted, S.Assigned, 'TPL_PROGRESS', '已派单'],
    [K.Assigned, S.Accepted, S.Assigned, 'TPL_PROGRESS', '已派单'],
    [K.Transition, S.Assigned, S.EnRoute, 'TPL_PROGRESS', '师傅在路上'],
    [K.Transition, S.OnSite, S.Resolved, 'TPL_RESOLVED', '已完成'],
  ])('%s %s→%s is sent with %s as %s', (kind, from, to, template, phrase) => {
    const notice = noticeForEvent(fact(kind, from, to), templates)!;
    expect(notice.templateId).toBe(template);
    expect(notice.data.phrase3.value).toBe(phrase);
    expect(notice.data.time4.value).toBe('2026-11-23 10:05');
    expect(notice.data.character_string1.value).toBe('20261123000007');
    expect(notice.page).toBe('packages/requests/detail?id=7');
  });

  it('tells a late arrival with the new expected time, not the moment the clock ran out', () => {
    const late = { ...fact(K.Delayed, null, null), data: { clock: 'on_site', expectedBy: '2026-11-23T02:35:00.000Z' } };
    const notice = noticeForEvent(late, templates)!;
    expect(notice.templateId).toBe('TPL_PROGRESS');
    expect(notice.data.phrase3.value).toBe('上门延误');
    expect(notice.data.time4.value).toBe('2026-11-23 10:35');
  });

  it('tells a quote with its total and items, cut to 20 characters, asking the resident to accept it', () => {
    const items = '暖气片阀门更换（含材料）×1、户内维修上门服务费×1';
    const quote = { ...fact(K.QuoteSent, null, null), data: { quoteId: 3, totalFen: 11000, items } };
    const notice = noticeForEvent(quote, templates)!;
    expect(notice.templateId).toBe('TPL_PROGRESS');
    expect(notice.page).toBe('packages/requests/detail?id=7');
    expect(notice.data.thing2.value).toBe('合计¥110.00：暖气片阀门更换（含…');
    expect(notice.data.phrase3.value).toBe('待您确认');
    expect(quoteLine(4500, '燃气灶前软管更换（含材料）×1')).toBe('合计¥45.00：燃气灶前软管更换（含…');
    expect(quoteLine(3000, '户内维修上门服务费×1')).toBe('合计¥30.00：户内维修上门服务费×1');
  });

  it.each([
    [K.Created, null, S.Submitted],
    [K.Transition, S.EnRoute, S.OnSite],
    [K.Routed, null, null],
    [K.Breached, null, null],
    [K.Transition, S.Resolved, S.Closed],
    [K.Transition, S.Accepted, S.Cancelled],
  ])('tells the resident nothing for %s %s→%s', (kind, from, to) => {
    expect(noticeForEvent(fact(kind, from, to), templates)).toBeNull();
  });
});
