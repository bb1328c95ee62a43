import { Text, View } from '@tarojs/components'
import { TICKET_STATUS_LABELS, type TicketEventView } from '@utility/shared'
import { formatFullTime } from '../../format/time'

const KIND_LABELS: Record<TicketEventView['kind'], string> = {
  created: '创建工单',
  routed: '分派队列',
  transition: '状态变更',
  claimed: '领取',
  assigned: '派单',
  at_risk: '临期提醒',
  breached: '超时',
  escalated: '升级',
  type_changed: '变更类型',
  note: '备注',
}

/** Oldest first, newest last, as the ticket's story reads. */
export function Timeline({ events }: { events: TicketEventView[] }) {
  const ordered = [...events].sort((a, b) => Date.parse(a.at) - Date.parse(b.at) || a.id - b.id)
  return (
    <View className='timeline'>
      {ordered.map((event) => (
        <View key={event.id} className='timeline-item'>
          <View className='row'>
            <Text className='timeline-item__what'>{KIND_LABELS[event.kind] ?? event.kind}</Text>
            <Text className='muted'>{formatFullTime(event.at)}</Text>
          </View>
          <Text className='muted'>{event.actorName ?? '系统'}</Text>
          {event.toStatus ? (
            <Text className='timeline-item__status'>
              {event.fromStatus ? `${TICKET_STATUS_LABELS[event.fromStatus]} → ` : ''}
              {TICKET_STATUS_LABELS[event.toStatus]}
            </Text>
          ) : null}
          {event.note ? <Text className='timeline-item__note'>{event.note}</Text> : null}
        </View>
      ))}
    </View>
  )
}
