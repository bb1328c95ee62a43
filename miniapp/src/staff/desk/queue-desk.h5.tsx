import {
  PRIORITY_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  type QueueView,
  type StaffView,
  type TicketView,
} from '@utility/shared';
import { useEffect, useMemo, useState } from 'react';
import { useNow } from '../../components/clock-list';
import { describeClock } from '../../format/clock';
import { claimNext, listQueueTickets } from '../../services/api/queues';
import { nextOrder, sortTickets, WORK_ORDER, type SortKey, type SortOrder } from './queue-table';
import { TicketPane } from './ticket-pane.h5';
import { outageLine } from '../ticket/outage-card';

const COLUMNS: { key: SortKey; label: string; className: string }[] = [
  { key: 'no', label: '工单号', className: 'col-no' },
  { key: 'type', label: '类型', className: 'col-type' },
  { key: 'priority', label: '优先级', className: 'col-priority' },
  { key: 'address', label: '地址', className: 'col-address' },
  { key: 'due', label: '时限（剩余）', className: 'col-due' },
  { key: 'assignee', label: '处理人', className: 'col-assignee' },
];

interface Props {
  queue: QueueView;
  staff: StaffView;
  initialTicketId?: number;
  /** The queue's counts may have moved (an assignment, a claim…). */
  onChanged: () => void;
}

/** A queue as a sortable table; a row opens its ticket beside the list. */
export function QueueDesk({ queue, staff, initialTicketId, onChanged }: Props) {
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [order, setOrder] = useState<SortOrder>(WORK_ORDER);
  const [openId, setOpenId] = useState<number | null>(initialTicketId ?? null);
  const [claiming, setClaiming] = useState(false);
  const now = useNow();

  async function load() {
    try {
      setTickets(await listQueueTickets(queue.id));
    } catch {
      setTickets((current) => current ?? []);
    }
  }

  useEffect(() => {
    void load();
    // A fresh queue each time the console shows another one (keyed by its id).
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [queue.id]);

  const rows = useMemo(() => (tickets ? sortTickets(tickets, order) : []), [tickets, order]);

  function changed() {
    void load();
    onChanged();
  }

  async function takeNext() {
    setClaiming(true);
    try {
      const ticket = await claimNext(queue.id);
      setOpenId(ticket.id);
      changed();
    } catch {
      // QUEUE_EMPTY and the like are shown by the request wrapper.
      void load();
    } finally {
      setClaiming(false);
    }
  }

  const ariaSort = (key: SortKey) =>
    order.key === key ? (order.dir === 'asc' ? 'ascending' : 'descending') : ('none' as const);

  return (
    <div className={openId === null ? 'desk-queue' : 'desk-queue desk-queue--split'}>
      <section className="desk-panel desk-queue__list">
        <header className="desk-panel__head">
          <h1 id="desk-queue-title" className="desk-panel__title">
            {queue.name}
          </h1>
          <span className="desk-stat">待办 {queue.counts.open}</span>
          <span className={queue.counts.atRisk ? 'desk-stat desk-stat--at-risk' : 'desk-stat'}>
            临期 {queue.counts.atRisk}
          </span>
          <span className={queue.counts.breached ? 'desk-stat desk-stat--breached' : 'desk-stat'}>
            超时 {queue.counts.breached}
          </span>
          <span className="desk-spacer" />
          <button type="button" id="desk-refresh" className="desk-btn" onClick={() => void load()}>
            刷新
          </button>
          <button
            type="button"
            id="claim-next"
            className="desk-btn desk-btn--primary"
            disabled={claiming}
            onClick={() => void takeNext()}
          >
            领取下一单
          </button>
        </header>
        <table id="desk-queue-table" className="desk-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} className={c.className} aria-sort={ariaSort(c.key)}>
                  <button
                    type="button"
                    className="desk-table__sort"
                    data-sort={c.key}
                    onClick={() => setOrder(nextOrder(order, c.key))}
                  >
                    {c.label}
                    <span className="desk-table__arrow">
                      {order.key === c.key ? (order.dir === 'asc' ? '▲' : '▼') : '↕'}
                    </span>
                  </button>
                </th>
              ))}
              <th className="col-status">状态</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((t) => (
              <tr
                key={t.id}
                id={`desk-row-${t.no}`}
                className={t.id === openId ? 'desk-table__row desk-table__row--open' : 'desk-table__row'}
                tabIndex={0}
                aria-selected={t.id === openId}
                onClick={() => setOpenId(t.id)}
                onKeyDown={(e) => {
                  if (e.key === 'Enter') setOpenId(t.id);
                }}
              >
                <td className="col-no">{t.no}</td>
                <td className="col-type">{TICKET_TYPE_LABELS[t.type]}</td>
                <td className="col-priority">
                  <span className={`desk-tag desk-tag--${t.priority}`}>{PRIORITY_LABELS[t.priority]}</span>
                </td>
                <td className="col-address">
                  {t.address}
                  {t.outage ? <div className="desk-outage">{outageLine(t)}</div> : null}
                </td>
                <td className="col-due">
                  {t.clocks.map((clock) => {
                    const d = describeClock(clock, now);
                    return (
                      <span key={clock.kind} className={`desk-clock desk-clock--${d.tone}`} title={`截止 ${d.due}`}>
                        {d.label} {d.state}
                      </span>
                    );
                  })}
                </td>
                <td className="col-assignee">{t.assigneeName ?? <span className="desk-muted">未领取</span>}</td>
                <td className="col-status">{TICKET_STATUS_LABELS[t.status]}</td>
              </tr>
            ))}
          </tbody>
        </table>
        {tickets === null ? <div className="desk-empty">加载中…</div> : null}
        {tickets?.length === 0 ? <div className="desk-empty">队列中暂无工单</div> : null}
      </section>
      {openId !== null ? (
        <aside className="desk-panel desk-queue__pane">
          <button type="button" id="desk-pane-close" className="desk-pane-close" onClick={() => setOpenId(null)}>
            关闭 ✕
          </button>
          <TicketPane key={openId} ticketId={openId} staff={staff} onChanged={changed} />
        </aside>
      ) : null}
    </div>
  );
}
