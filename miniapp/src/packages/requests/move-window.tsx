import { View } from '@tarojs/components';
import { ResidentStep, TicketType, type ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { VisitWindowPicker, useVisitWindows } from '../../components/visit-window-picker';
import { windowOf } from '../../format/visit-windows';
import { moveMyWindow } from '../../services/api/my-tickets';

/** Home visits with an appointment (docs/domain.md#clocks). */
const WINDOWED: readonly TicketType[] = [TicketType.Repair, TicketType.RoomTemperature];
/** Until the technician sets off, the time can still be changed. */
const BEFORE_DEPARTURE: readonly ResidentStep[] = [
  ResidentStep.Submitted,
  ResidentStep.Accepted,
  ResidentStep.Dispatched,
];

interface Props {
  ticket: ResidentTicketView;
  onMoved: (ticket: ResidentTicketView) => void;
  /** A refusal (the technician set off meanwhile, the window began): the ticket has moved on. */
  onRefused: () => void;
}

/**
 * 改约上门时间: the resident picks another half-day before the booked one begins and before anyone
 * sets off; the visit's deadlines follow (docs/domain.md#clocks).
 */
export function MoveWindow({ ticket, onMoved, onRefused }: Props) {
  const windows = useVisitWindows();
  const { now, choices, choice } = windows;
  const [busy, setBusy] = useState(false);
  const begun = ticket.windowStart ? Date.parse(ticket.windowStart) <= now.getTime() : false;
  if (!WINDOWED.includes(ticket.type) || !BEFORE_DEPARTURE.includes(ticket.step) || begun || !choices.length)
    return null;

  async function move() {
    const window = choice ? windowOf(choice) : undefined;
    if (!window) return;
    setBusy(true);
    try {
      onMoved(await moveMyWindow(ticket.id, { windowStart: window.start, windowEnd: window.end }));
      windows.pick(null);
    } catch {
      // Shown by the wrapper (e.g. 师傅已出发，无法改约).
      onRefused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="request-move-window" className="card">
      <VisitWindowPicker
        id="request-move-window-picker"
        valueId="request-move-window-value"
        title={ticket.windowStart ? '改约上门时间' : '预约上门时间'}
        titleClassName="card__title"
        windows={windows}
      />
      {choice ? (
        <ActionButton id="request-move-window-confirm" busy={busy} onClick={() => void move()}>
          确认改到 {choice.label}
        </ActionButton>
      ) : null}
    </View>
  );
}
