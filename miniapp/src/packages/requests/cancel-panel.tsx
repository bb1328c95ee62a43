import { Text, Textarea, View } from '@tarojs/components';
import type { ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { cancelMyTicket } from '../../services/api/my-tickets';

interface Props {
  ticketId: number;
  onCancelled: (ticket: ResidentTicketView) => void;
  /** A refusal (e.g. a technician was assigned meanwhile): the ticket has moved on. */
  onRefused: () => void;
}

/** 取消 first opens this: the resident confirms, optionally saying why. */
export function CancelPanel({ ticketId, onCancelled, onRefused }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function confirm() {
    setBusy(true);
    try {
      const ticket = await cancelMyTicket(ticketId, reason.trim() || undefined);
      setOpen(false);
      onCancelled(ticket);
    } catch {
      // Shown by the wrapper (e.g. 当前工单状态不允许此操作 once a technician is assigned).
      onRefused();
    } finally {
      setBusy(false);
    }
  }

  if (!open) {
    return (
      <ActionButton id="request-cancel" tone="danger" onClick={() => setOpen(true)}>
        取消报修
      </ActionButton>
    );
  }
  return (
    <View className="cancel-panel">
      <Text className="cancel-panel__title">确认取消这次报修吗？</Text>
      <Text className="muted">师傅派单前可以取消；如问题仍在，请重新报修或拨打24小时热线。</Text>
      <Textarea
        id="cancel-reason"
        className="field__textarea cancel-panel__reason"
        placeholder="取消原因（选填）"
        maxlength={200}
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      <ActionButton id="cancel-confirm" tone="danger" busy={busy} onClick={confirm}>
        确认取消
      </ActionButton>
      <ActionButton id="cancel-back" tone="secondary" disabled={busy} onClick={() => setOpen(false)}>
        暂不取消
      </ActionButton>
    </View>
  );
}
