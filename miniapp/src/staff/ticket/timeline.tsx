import { Text, View } from '@tarojs/components';
import { TICKET_EVENT_LABELS, TICKET_STATUS_LABELS, type TicketEventView } from '@utility/shared';
import { formatFullTime } from '../../format/time';

/** Oldest first, newest last, as the ticket's story reads. */
export function Timeline({ events }: { events: TicketEventView[] }) {
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id);
  return (
    <View className="timeline">
      {ordered.map((event) => (
        <View key={event.id} className="timeline-item">
          <View className="row">
            <Text className="timeline-item__what">{TICKET_EVENT_LABELS[event.kind] ?? event.kind}</Text>
            <Text className="muted">{formatFullTime(event.at)}</Text>
          </View>
          <Text className="muted">{event.actorName ?? '系统'}</Text>
          {event.toStatus ? (
            <Text className="timeline-item__status">
              {event.fromStatus ? `${TICKET_STATUS_LABELS[event.fromStatus]} → ` : ''}
              {TICKET_STATUS_LABELS[event.toStatus]}
            </Text>
          ) : null}
          {event.note ? <Text className="timeline-item__note">{event.note}</Text> : null}
        </View>
      ))}
    </View>
  );
}
