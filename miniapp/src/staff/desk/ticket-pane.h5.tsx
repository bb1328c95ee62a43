import {
  ASSIGNING_ROLES,
  CHANNEL_LABELS,
  PRIORITY_LABELS,
  TICKET_EVENT_LABELS,
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  Channel,
  TicketType,
  canClaim,
  isOpen,
  type StaffView,
  type TicketDetailView,
  type TicketFeedbackView,
} from '@utility/shared';
import { useEffect, useState } from 'react';
import { useNow } from '../../components/clock-list';
import { describeClock } from '../../format/clock';
import { formatFullTime } from '../../format/time';
import { getTicketFeedback } from '../../services/api/complaint-handling';
import { claimTicket, getTicket, transitionTicket } from '../../services/api/tickets';
import { TicketPhotos } from '../../components/ticket-photos';
import { AnswerCard } from '../ticket/answer-card';
import { ApplicationDecisionCard } from '../ticket/application-decision-card';
import { BillingReplyCard } from '../ticket/billing-reply-card';
import { ComplaintPanel } from '../ticket/complaint-panel';
import { ContactPhone } from '../ticket/contact-phone';
import { DuplicateCard } from '../ticket/duplicate-card';
import { HotlineReplyCard } from '../ticket/hotline-reply-card';
import { OutageCard } from '../ticket/outage-card';
import { IncidentCard } from '../ticket/incident-card';
import { WindowCard } from '../ticket/window-card';
import { transitionLabel } from '../ticket/transition-labels';
import { DeskAssign } from './desk-assign.h5';
import './desk-frame.scss';

const HANDLED: readonly TicketType[] = [TicketType.Complaint, TicketType.MisconductReport];

interface Props {
  ticketId: number;
  staff: StaffView;
  /** After any action: the list beside may have changed. */
  onChanged: () => void;
}

/** One ticket beside the queue: who, where, its clocks, what can be done, and its story. */
export function TicketPane({ ticketId, staff, onChanged }: Props) {
  const [ticket, setTicket] = useState<TicketDetailView | null>(null);
  const [failed, setFailed] = useState(false);
  const [feedback, setFeedback] = useState<TicketFeedbackView | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const now = useNow();

  async function load() {
    try {
      const loaded = await getTicket(ticketId);
      setTicket(loaded);
      setFailed(false);
      if (HANDLED.includes(loaded.type))
        getTicketFeedback(ticketId, { silent: true }).then(setFeedback, () => setFeedback(null));
    } catch {
      setFailed(true);
    }
  }

  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ticketId]);

  async function run(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    try {
      await action();
      setNote('');
    } catch {
      // The request wrapper has shown why (e.g. 该工单已被他人领取).
    } finally {
      setBusy(null);
      void load();
      onChanged();
    }
  }

  /** After a card's action: this ticket and the list beside may both have changed. */
  const changed = () => {
    void load();
    onChanged();
  };

  if (!ticket) return <div className="desk-empty">{failed ? '工单加载失败' : '加载中…'}</div>;
  const claimable = ticket.assigneeId === null && canClaim(ticket.status);
  const assignable = ASSIGNING_ROLES.includes(staff.role) && isOpen(ticket.status);
  const events = [...ticket.events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);

  return (
    <div id="desk-ticket-pane" className="desk-ticket" data-ticket-id={ticket.id}>
      <h2 id="desk-ticket-title" className="desk-ticket__title">
        {TICKET_TYPE_LABELS[ticket.type]} · {ticket.address}
      </h2>
      <div className="desk-ticket__tags">
        <span className={`desk-tag desk-tag--${ticket.priority}`}>{PRIORITY_LABELS[ticket.priority]}</span>
        <span id="desk-ticket-status" className="desk-tag desk-tag--status">
          {TICKET_STATUS_LABELS[ticket.status]}
        </span>
      </div>
      <dl className="desk-facts">
        <dt>工单号</dt>
        <dd id="desk-ticket-no">{ticket.no}</dd>
        <dt>来源</dt>
        <dd>
          {CHANNEL_LABELS[ticket.channel]} · {formatFullTime(ticket.createdAt)}
        </dd>
        <dt>队列</dt>
        <dd>{ticket.queueName}</dd>
        <dt>处理人</dt>
        <dd id="desk-ticket-assignee">{ticket.assigneeName ?? '未领取'}</dd>
        <dt>户号</dt>
        <dd>{ticket.accountNo ?? '—'}</dd>
        <dt>联系人</dt>
        <dd>
          <ContactPhone
            ticketId={ticket.id}
            contactName={ticket.contactName}
            contactPhone={ticket.contactPhone}
            mayReveal={ticket.assigneeId === staff.id}
            idPrefix="desk-ticket"
          />
        </dd>
      </dl>
      <p className="desk-ticket__description">{ticket.description}</p>
      {/* The phone's cards in their phone sizes, as a phone page in the desk frame (desk-frame.scss): in the
          phone's design px they would be twice as large at a desk. */}
      <div className="desk-ticket__cards desk-frame__body">
        <OutageCard
          ticket={ticket}
          staff={staff}
          onChanged={() => {
            void load();
            onChanged();
          }}
        />
        <DuplicateCard ticket={ticket} staff={staff} onChanged={changed} />
        {ticket.photos?.length ? (
          <TicketPhotos id="desk-ticket-photos" title="照片" photos={ticket.photos} as="staff" />
        ) : null}
        {ticket.channel === Channel.Hotline12345 ? <HotlineReplyCard ticket={ticket} onChanged={changed} /> : null}
        <AnswerCard ticket={ticket} onChanged={changed} />
        <BillingReplyCard ticket={ticket} staff={staff} onChanged={changed} />
        <ApplicationDecisionCard ticket={ticket} staff={staff} onChanged={changed} />
        <WindowCard ticket={ticket} staff={staff} onChanged={changed} />
        <IncidentCard key={ticket.id} ticket={ticket} staff={staff} />
      </div>
      {ticket.clocks.length ? (
        <table className="desk-table desk-table--compact">
          <thead>
            <tr>
              <th>时限</th>
              <th>截止</th>
              <th>状态</th>
            </tr>
          </thead>
          <tbody>
            {ticket.clocks.map((clock) => {
              const d = describeClock(clock, now);
              return (
                <tr key={clock.kind}>
                  <td>{d.label}</td>
                  <td>{d.due}</td>
                  <td>
                    <span className={`desk-clock desk-clock--${d.tone}`}>{d.state}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : null}
      {claimable || ticket.allowedTransitions.length ? (
        <section className="desk-section">
          <h3 className="desk-section__title">处理</h3>
          {ticket.allowedTransitions.length ? (
            <input
              id="desk-transition-note"
              className="desk-input"
              placeholder="处理说明（选填）"
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
          ) : null}
          <div className="desk-actions">
            {claimable ? (
              <button
                type="button"
                id="desk-ticket-claim"
                className="desk-btn desk-btn--primary"
                disabled={busy !== null}
                onClick={() => void run('claim', () => claimTicket(ticket.id))}
              >
                领取
              </button>
            ) : null}
            {ticket.allowedTransitions.map((to) => (
              <button
                type="button"
                key={to}
                id={`desk-transition-${to}`}
                className={to === 'cancelled' ? 'desk-btn desk-btn--danger' : 'desk-btn'}
                disabled={busy !== null}
                onClick={() => void run(to, () => transitionTicket(ticket.id, { to, note: note.trim() || undefined }))}
              >
                {transitionLabel(ticket.status, to)}
              </button>
            ))}
          </div>
        </section>
      ) : null}
      {assignable ? (
        <section className="desk-section">
          <h3 className="desk-section__title">派单</h3>
          <DeskAssign
            // Loads afresh after each change of the ticket: the loads it shows have moved.
            key={ticket.updatedAt}
            ticketId={ticket.id}
            queueId={ticket.queueId}
            currentAssigneeId={ticket.assigneeId}
            onDone={() => {
              void load();
              onChanged();
            }}
          />
        </section>
      ) : null}
      {feedback && HANDLED.includes(ticket.type) ? (
        <ComplaintPanel
          key={`${feedback.grade}-${ticket.updatedAt}`}
          ticket={ticket}
          feedback={feedback}
          staff={staff}
          onChanged={() => void load()}
        />
      ) : null}
      <section className="desk-section">
        <h3 className="desk-section__title">处理记录</h3>
        <ol id="desk-timeline" className="desk-timeline">
          {events.map((event) => (
            <li key={event.id} className="desk-timeline__item">
              <span className="desk-timeline__what">{TICKET_EVENT_LABELS[event.kind] ?? event.kind}</span>
              <span className="desk-muted">
                {formatFullTime(event.at)} · {event.actorName ?? '系统'}
                {event.toStatus
                  ? ` · ${event.fromStatus ? `${TICKET_STATUS_LABELS[event.fromStatus]} → ` : ''}${TICKET_STATUS_LABELS[event.toStatus]}`
                  : ''}
              </span>
              {event.note ? <span className="desk-timeline__note">{event.note}</span> : null}
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
