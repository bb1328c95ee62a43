import { ROLE_LABELS, type QueueMemberView, type Role } from '@utility/shared';
import { useEffect, useState } from 'react';
import { byDutyThenLoad, shiftLabel } from '../../format/shift';
import { listQueueMembers } from '../../services/api/queues';
import { assignTicket } from '../../services/api/tickets';

interface Props {
  ticketId: number;
  queueId: number;
  currentAssigneeId: number | null;
  onDone: () => void;
}

/** Who can go: on shift first, the least loaded on top, with load against capacity. */
export function DeskAssign({ ticketId, queueId, currentAssigneeId, onDone }: Props) {
  const [members, setMembers] = useState<QueueMemberView[] | null>(null);
  const [staffId, setStaffId] = useState<number | null>(null);
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    listQueueMembers(queueId)
      .then((list) => setMembers(byDutyThenLoad(list)))
      .catch(() => setMembers([]));
  }, [queueId, ticketId]);

  async function submit() {
    if (staffId === null) return;
    setBusy(true);
    try {
      await assignTicket(ticketId, { staffId, note: note.trim() || undefined });
      setStaffId(null);
      setNote('');
      onDone();
    } catch {
      // Shown by the request wrapper (e.g. 该人员不能处理此队列的工单).
    } finally {
      setBusy(false);
    }
  }

  if (members === null) return <div className="desk-muted">加载人员…</div>;
  if (members.length === 0) return <div className="desk-muted">该队列暂无可派人员</div>;
  return (
    <form
      id="desk-assign"
      className="desk-assign"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <table className="desk-table desk-table--compact">
        <thead>
          <tr>
            <th />
            <th>人员</th>
            <th>在岗</th>
            <th>班次</th>
            <th>在办 / 上限</th>
          </tr>
        </thead>
        <tbody>
          {members.map((m) => (
            <tr
              key={m.id}
              id={`desk-assignee-${m.id}`}
              className={m.id === staffId ? 'desk-table__row desk-table__row--open' : 'desk-table__row'}
              onClick={() => setStaffId(m.id)}
            >
              <td>
                <input
                  type="radio"
                  name="assignee"
                  aria-label={m.name}
                  checked={m.id === staffId}
                  onChange={() => setStaffId(m.id)}
                />
              </td>
              <td className="desk-assignee__name">
                {m.name}
                <div className="desk-muted">{ROLE_LABELS[m.role as Role] ?? m.role}</div>
                {m.id === currentAssigneeId ? <span className="desk-muted">（当前）</span> : null}
              </td>
              <td className={m.onDuty ? 'desk-on-duty' : 'desk-muted'}>{m.onDuty ? '在岗' : '不在岗'}</td>
              <td className="desk-shift">{shiftLabel(m.shift, Date.now())}</td>
              <td className="desk-load">
                <span className="desk-load__text">
                  {m.openCount} / {m.capacity}
                </span>
                <span className="desk-load__bar">
                  <span
                    className={m.openCount >= m.capacity ? 'desk-load__fill desk-load__fill--full' : 'desk-load__fill'}
                    style={{ width: `${Math.min(100, (100 * m.openCount) / Math.max(1, m.capacity))}%` }}
                  />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="desk-actions">
        <input
          id="desk-assign-note"
          className="desk-input"
          placeholder="派单说明（选填）"
          value={note}
          onChange={(e) => setNote(e.target.value)}
        />
        <button
          type="submit"
          id="desk-assign-submit"
          className="desk-btn desk-btn--primary"
          disabled={busy || staffId === null}
        >
          确认派单
        </button>
      </div>
    </form>
  );
}
