import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResidentTicketView } from '@utility/shared';
import { formatFullTime } from '../../format/time';
import { StepBadge } from '../../components/step-badge';

export function RequestRow({ ticket }: { ticket: ResidentTicketView }) {
  return (
    <View
      id={`request-${ticket.no}`}
      className="card request-row"
      onClick={() => Taro.navigateTo({ url: `/packages/requests/detail?id=${ticket.id}` })}
    >
      <View className="row">
        <Text className="request-row__type">{ticket.typeLabel}</Text>
        <StepBadge ticket={ticket} />
      </View>
      <Text className="request-row__line">{ticket.address}</Text>
      <Text className="request-row__line muted">
        {ticket.no} · {formatFullTime(ticket.createdAt)}
      </Text>
    </View>
  );
}
