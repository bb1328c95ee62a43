import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResidentTicketView } from '@utility/shared';
import { formatFullTime, formatWindow } from '../../format/time';
import { StepBadge } from '../../components/step-badge';

export function RequestRow({ ticket }: { ticket: ResidentTicketView }) {
  return (
    <View
      id={`request-${ticket.no}`}
      className="card request-row"
      onClick={() => Taro.navigateTo({ url: `/packages/requests/detail?id=${ticket.id}` })}
    >
      <View className="row">
        <Text className="request-row__type">{ticket.categoryLabel ?? ticket.typeLabel}</Text>
        <StepBadge ticket={ticket} />
      </View>
      <Text className="request-row__line">{ticket.address}</Text>
      {ticket.windowStart && ticket.windowEnd ? (
        <Text className="request-row__line">预约时段：{formatWindow(ticket.windowStart, ticket.windowEnd)}</Text>
      ) : null}
      <Text className="request-row__line muted">
        {ticket.no} · {formatFullTime(ticket.createdAt)}
      </Text>
    </View>
  );
}
