import { Picker, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Role, isOpen, type IncidentView, type StaffView, type TicketDetailView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { addIncidentTicket, listIncidents } from '../../services/api/incidents';

/** Who groups tickets under an incident (the server's rule). */
const GROUPERS: readonly Role[] = [Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Admin];

/**
 * 归入重大事件: one of many calls about the same major incident joins it (docs/domain.md#incidents). The
 * open incidents are fetched only when asked for.
 */
export function IncidentCard({ ticket, staff }: { ticket: TicketDetailView; staff: StaffView }) {
  const [open, setOpen] = useState<IncidentView[] | null>(null);
  const [picked, setPicked] = useState(0);
  const [joined, setJoined] = useState<IncidentView | null>(null);
  const [busy, setBusy] = useState(false);
  if (!isOpen(ticket.status) || !(staff.roles ?? [staff.role]).some((r) => GROUPERS.includes(r))) return null;

  if (joined) {
    return (
      <View className="card">
        <Text id="ticket-incident-joined" className="muted">
          已归入重大事件：{joined.title}
        </Text>
      </View>
    );
  }
  if (open === null) {
    return (
      <ActionButton
        id="ticket-incident-open"
        tone="secondary"
        disabled={busy}
        onClick={() => {
          setBusy(true);
          void listIncidents()
            .then((all) => setOpen(all.filter((i) => i.status === 'open')))
            .catch(() => undefined)
            .finally(() => setBusy(false));
        }}
      >
        归入重大事件…
      </ActionButton>
    );
  }
  if (!open.length) {
    return (
      <View className="card">
        <Text
          id="ticket-incident-none"
          className="muted"
          onClick={() => void Taro.navigateTo({ url: '/staff/incidents/index' })}
        >
          当前没有处置中的重大事件，去启动 ›
        </Text>
      </View>
    );
  }

  async function join() {
    setBusy(true);
    try {
      setJoined(await addIncidentTicket(open![picked].id, ticket.id));
    } catch {
      // The wrapper has shown why (e.g. already in an incident).
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="ticket-incident" className="card">
      <Picker
        id="ticket-incident-picker"
        mode="selector"
        range={open.map((i) => i.title)}
        value={picked}
        onChange={(e) => setPicked(Number(e.detail.value))}
      >
        <View className="row">
          <Text className="card__title">归入重大事件</Text>
          <Text id="ticket-incident-value" className="link">
            {open[picked].title} ›
          </Text>
        </View>
      </Picker>
      <ActionButton id="ticket-incident-join" busy={busy} onClick={() => void join()}>
        归入
      </ActionButton>
    </View>
  );
}
