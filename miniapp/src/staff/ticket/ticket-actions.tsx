import { Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  ASSIGNING_ROLES,
  FIELD_JOB_TYPES,
  TicketStatus,
  canClaim,
  isOpen,
  type StaffView,
  type TicketDetailView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { claimTicket, transitionTicket } from '../../services/api/tickets';
import { AssignPanel } from './assign-panel';
import { transitionLabel } from './transition-labels';

interface Props {
  ticket: TicketDetailView;
  staff: StaffView;
  /** Called after every action, whatever its outcome: the ticket may have changed either way. */
  onChanged: () => void;
}

/** Going forward is the primary action; handing back is secondary; cancelling is a warning. */
function buttonTone(from: TicketStatus, to: TicketStatus): 'primary' | 'secondary' | 'danger' {
  if (to === TicketStatus.Cancelled) return 'danger';
  if (to === TicketStatus.Accepted && from !== TicketStatus.Submitted) return 'secondary';
  return 'primary';
}

export function TicketActions({ ticket, staff, onChanged }: Props) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [assigning, setAssigning] = useState(false);
  const claimable = ticket.assigneeId === null && canClaim(ticket.status);
  const assignable = ASSIGNING_ROLES.includes(staff.role) && isOpen(ticket.status);
  const moves = ticket.allowedTransitions;
  // A field job on site is resolved with its result (the resident's signature or confirmation), on the job page.
  const resultDue =
    FIELD_JOB_TYPES.has(ticket.type) && ticket.status === TicketStatus.OnSite && ticket.assigneeId === staff.id;

  async function run(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    try {
      await action();
      setNote('');
      setAssigning(false);
    } catch {
      // The wrapper has shown the message (e.g. 该工单已被他人领取).
    } finally {
      setBusy(null);
      onChanged();
    }
  }

  if (!claimable && !assignable && !resultDue && moves.length === 0) return null;
  return (
    <View className="card actions">
      <Text className="card__title">处理</Text>
      {claimable ? (
        <ActionButton
          id="ticket-claim"
          busy={busy === 'claim'}
          disabled={busy !== null}
          onClick={() => run('claim', () => claimTicket(ticket.id))}
        >
          领取
        </ActionButton>
      ) : null}
      {resultDue ? (
        <ActionButton
          id="ticket-open-job"
          onClick={() => void Taro.navigateTo({ url: `/staff/job/index?id=${ticket.id}` })}
        >
          填写处理结果
        </ActionButton>
      ) : null}
      {moves.length > 0 ? (
        <Input
          id="transition-note"
          className="field__input actions__note"
          placeholder="处理说明（选填）"
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
      ) : null}
      {moves.map((to) => (
        <ActionButton
          key={to}
          id={`transition-${to}`}
          tone={buttonTone(ticket.status, to)}
          busy={busy === to}
          disabled={busy !== null}
          onClick={() => run(to, () => transitionTicket(ticket.id, { to, note: note.trim() || undefined }))}
        >
          {transitionLabel(ticket.status, to)}
        </ActionButton>
      ))}
      {assignable ? (
        <ActionButton id="assign-open" tone="secondary" onClick={() => setAssigning(!assigning)}>
          {assigning ? '收起派单' : '派单'}
        </ActionButton>
      ) : null}
      {assigning ? (
        <AssignPanel
          ticketId={ticket.id}
          queueId={ticket.queueId}
          onDone={() => {
            setAssigning(false);
            onChanged();
          }}
        />
      ) : null}
    </View>
  );
}
