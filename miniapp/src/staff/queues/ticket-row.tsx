import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { TICKET_TYPE_LABELS, type TicketView } from '@utility/shared';
import { ClockList } from '../../components/clock-list';
import { PriorityBadge, StatusBadge } from '../../components/ticket-badges';
import { outageLine } from '../ticket/outage-card';

export function TicketRow({ ticket }: { ticket: TicketView }) {
  return (
    <View
      id={`ticket-${ticket.no}`}
      className="card ticket-row"
      onClick={() => Taro.navigateTo({ url: `/staff/ticket/index?id=${ticket.id}` })}
    >
      <View className="row">
        <Text className="ticket-row__type">{TICKET_TYPE_LABELS[ticket.type]}</Text>
        <View className="ticket-row__badges">
          <PriorityBadge priority={ticket.priority} />
          <StatusBadge status={ticket.status} />
        </View>
      </View>
      <Text className="ticket-row__address">{ticket.address}</Text>
      {ticket.outage ? (
        <Text id={`ticket-${ticket.no}-outage`} className="muted">
          {outageLine(ticket)}
        </Text>
      ) : null}
      <View className="row muted">
        <Text>{ticket.no}</Text>
        <Text>{ticket.assigneeName ? `处理人：${ticket.assigneeName}` : '未领取'}</Text>
      </View>
      <ClockList clocks={ticket.clocks} />
    </View>
  );
}
