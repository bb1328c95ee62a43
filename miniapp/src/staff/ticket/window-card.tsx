import { Input, Text, View } from '@tarojs/components';
import {
  MoveWindowSchema,
  Role,
  TicketStatus,
  TicketType,
  type StaffView,
  type TicketDetailView,
} from '@utility/shared';
import { useState } from 'react';
import { useCheckedAction } from '../../hooks/use-checked-action';
import { ActionButton } from '../../components/action-button';
import { VisitWindowPicker, useVisitWindows } from '../../components/visit-window-picker';
import { windowOf } from '../../format/visit-windows';
import { moveTicketWindow } from '../../services/api/tickets';

const WINDOWED: readonly TicketType[] = [TicketType.Repair, TicketType.RoomTemperature];
/** Until someone sets off, the time can still be agreed anew (the server's rule). */
const BEFORE_DEPARTURE: readonly TicketStatus[] = [
  TicketStatus.Submitted,
  TicketStatus.Accepted,
  TicketStatus.Assigned,
];
const MOVERS: readonly Role[] = [Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Technician];

/**
 * 改约: the resident called to change the visit (or the company must): another half-day, with the
 * reason, before anyone sets off. The on-site and resolve clocks follow; a breach already recorded
 * stays (docs/domain.md#clocks).
 */
export function WindowCard({
  ticket,
  staff,
  onChanged,
}: {
  ticket: TicketDetailView;
  staff: StaffView;
  onChanged: () => void;
}) {
  const windows = useVisitWindows();
  const [reason, setReason] = useState('');
  const { error, busy, run } = useCheckedAction();
  if (
    !WINDOWED.includes(ticket.type) ||
    !BEFORE_DEPARTURE.includes(ticket.status) ||
    !(staff.roles ?? [staff.role]).some((r) => MOVERS.includes(r))
  )
    return null;
  const { choice } = windows;

  function move() {
    const window = choice ? windowOf(choice) : undefined;
    return run(MoveWindowSchema, { windowStart: window?.start, windowEnd: window?.end, reason }, async (valid) => {
      await moveTicketWindow(ticket.id, valid);
      windows.pick(null);
      setReason('');
      onChanged();
    });
  }

  return (
    <View id="ticket-window-card" className="card">
      <VisitWindowPicker
        id="ticket-window-picker"
        valueId="ticket-window-value"
        title={ticket.windowStart ? '改约上门时间' : '约定上门时间'}
        titleClassName="card__title"
        windows={windows}
      />
      {choice ? (
        <>
          <Input
            id="ticket-window-reason"
            className="field__input"
            maxlength={500}
            placeholder="改约原因，如：用户来电改到周末"
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          {error ? (
            <Text id="ticket-window-error" className="field__error">
              {error}
            </Text>
          ) : null}
          <ActionButton id="ticket-window-confirm" busy={busy !== null} onClick={() => void move()}>
            确认改约
          </ActionButton>
        </>
      ) : null}
    </View>
  );
}
