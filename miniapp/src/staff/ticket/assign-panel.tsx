import { Input, Text, View } from '@tarojs/components';
import { ROLE_LABELS, type QueueMemberView, type Role } from '@utility/shared';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { byDutyThenLoad, shiftLabel } from '../../format/shift';
import { listQueueMembers } from '../../services/api/queues';
import { assignTicket } from '../../services/api/tickets';

interface Props {
  ticketId: number;
  queueId: number;
  onDone: () => void;
}

/**
 * The dispatcher picks who goes: on-duty people first, the least loaded on top, each with their shift and
 * open jobs against capacity, as at the desk (the server leaves out those who hold no field role).
 */
export function AssignPanel({ ticketId, queueId, onDone }: Props) {
  const [members, setMembers] = useState<QueueMemberView[] | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    listQueueMembers(queueId)
      .then((list) => setMembers(byDutyThenLoad(list)))
      .catch(() => setMembers([]));
  }, [queueId]);

  async function submit() {
    if (staffId === null) return;
    setBusy(true);
    try {
      await assignTicket(ticketId, { staffId, note: note.trim() || undefined });
      onDone();
    } catch {
      // Shown by the request wrapper (e.g. 该人员不能处理此队列的工单).
    } finally {
      setBusy(false);
    }
  }

  if (members === null) return <Text className="muted">加载人员…</Text>;
  if (members.length === 0) return <Text className="muted">该队列暂无可派人员</Text>;
  return (
    <View className="assign">
      {members.map((m) => (
        <View
          key={m.id}
          id={`assign-member-${m.id}`}
          className={m.id === staffId ? 'assign__member assign__member--chosen' : 'assign__member'}
          onClick={() => setStaffId(m.id)}
        >
          <Text className="assign__name">{m.name}</Text>
          <Text className="muted">
            {ROLE_LABELS[m.role as Role] ?? m.role} ·{' '}
            <Text className={m.onDuty ? 'assign__duty assign__duty--on' : 'assign__duty'}>
              {m.onDuty ? '在岗' : '不在岗'}
            </Text>
          </Text>
          <View className="assign__facts">
            <Text id={`assign-member-${m.id}-shift`} className="assign__shift">
              {shiftLabel(m.shift, Date.now())}
            </Text>
            <Text
              id={`assign-member-${m.id}-load`}
              className={m.openCount >= m.capacity ? 'assign__load assign__load--full' : 'assign__load'}
            >
              在办 {m.openCount} / {m.capacity}
            </Text>
          </View>
        </View>
      ))}
      <Input
        id="assign-note"
        className="field__input assign__note"
        placeholder="派单说明（选填）"
        value={note}
        onInput={(e) => setNote(e.detail.value)}
      />
      <ActionButton id="assign-submit" busy={busy} disabled={staffId === null} onClick={submit}>
        确认派单
      </ActionButton>
    </View>
  );
}
