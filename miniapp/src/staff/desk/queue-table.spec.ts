import { Priority, TicketType } from '@utility/shared';
import { clockView, ticketView } from '../../../test/factories/tickets';
import { nextOrder, sortTickets, WORK_ORDER } from './queue-table';

const at = (min: number) => new Date(Date.UTC(2026, 11, 7, 2, min)).toISOString();

const leak = ticketView({
  id: 1,
  no: '20261207000003',
  type: TicketType.Leak,
  priority: Priority.Emergency,
  address: '城东区幸福路1号',
  assigneeName: '张师傅',
  createdAt: at(30),
  clocks: [clockView({ dueAt: at(45), stoppedAt: null })],
});
const repair = ticketView({
  id: 2,
  no: '20261207000001',
  type: TicketType.Repair,
  priority: Priority.Normal,
  address: '城东区和平路9号',
  assigneeName: null,
  createdAt: at(0),
  clocks: [clockView({ dueAt: at(10), stoppedAt: at(5) }), clockView({ dueAt: at(90), stoppedAt: null })],
});
const billing = ticketView({
  id: 3,
  no: '20261207000002',
  type: TicketType.Billing,
  priority: Priority.Normal,
  address: '城东区安康路3号',
  assigneeName: '王晓梅',
  createdAt: at(10),
  clocks: [clockView({ dueAt: at(60), stoppedAt: null })],
});
const all = [billing, repair, leak];
const ids = (order: Parameters<typeof sortTickets>[1]) => sortTickets(all, order).map((t) => t.id);

describe('the desk queue table order', () => {
  it.each([
    ['work order: most urgent, then oldest', WORK_ORDER, [1, 2, 3]],
    ['number ascending', { key: 'no', dir: 'asc' }, [2, 3, 1]],
    ['number descending', { key: 'no', dir: 'desc' }, [1, 3, 2]],
    ['soonest running deadline (a met clock does not count)', { key: 'due', dir: 'asc' }, [1, 3, 2]],
    ['unassigned first', { key: 'assignee', dir: 'asc' }, [2, 3, 1]],
    ['type label in pinyin order (缴费 j, 燃气 r, 一般 y)', { key: 'type', dir: 'asc' }, [3, 1, 2]],
  ] as const)('%s', (_what, order, expected) => {
    expect(ids(order)).toEqual(expected);
  });

  it('does not change the list it is given', () => {
    sortTickets(all, { key: 'no', dir: 'asc' });
    expect(all.map((t) => t.id)).toEqual([3, 2, 1]);
  });

  it('flips the direction on the same column and starts a new column ascending (priority: most urgent first)', () => {
    expect(nextOrder({ key: 'no', dir: 'asc' }, 'no')).toEqual({ key: 'no', dir: 'desc' });
    expect(nextOrder({ key: 'no', dir: 'desc' }, 'due')).toEqual({ key: 'due', dir: 'asc' });
    expect(nextOrder({ key: 'due', dir: 'asc' }, 'priority')).toEqual({ key: 'priority', dir: 'desc' });
  });
});
