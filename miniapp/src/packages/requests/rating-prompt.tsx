import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { RATING_LEVEL_LABELS, type ResidentTicketView } from '@utility/shared';
import { ActionButton } from '../../components/action-button';
import { formatFullTime } from '../../format/time';

/** The rating page (a subpackage of its own): the notices of a resolved ticket lead here too. */
const ratingUrl = (ticketId: number) => `/packages/rating/index?id=${ticketId}`;

/** 待评价: the way to rate this resolution while its window is open, or the rating given. */
export function RatingPrompt({ ticket }: { ticket: ResidentTicketView }) {
  const state = ticket.rating;
  if (!state) return null;
  if (state.canRate) {
    return (
      <View id="request-rating" className="card">
        <Text className="card__title">请评价本次服务</Text>
        <Text className="muted">
          您的评价会反馈给为您服务的工作人员{state.closesAt ? `，${formatFullTime(state.closesAt)} 前有效` : ''}。
        </Text>
        <ActionButton id="request-rate" onClick={() => void Taro.navigateTo({ url: ratingUrl(ticket.id) })}>
          去评价
        </ActionButton>
      </View>
    );
  }
  if (!state.rated) return null;
  return (
    <View id="request-rated" className="card row" onClick={() => void Taro.navigateTo({ url: ratingUrl(ticket.id) })}>
      <Text>您的评价</Text>
      <Text id="request-rated-level" className="badge badge--status">
        {RATING_LEVEL_LABELS[state.rated.level]}
      </Text>
    </View>
  );
}
