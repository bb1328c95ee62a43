import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { FeedbackRequestCreated } from '@utility/shared';
import { ActionButton } from './action-button';
import { SubscribeButton } from './subscribe-button';
import { formatFullTime } from '../format/time';
import './filed-card.scss';

/** What a filed complaint, report or application became: its number, when it is answered, where to follow it. */
export function FiledCard({ created, title, note }: { created: FeedbackRequestCreated; title: string; note?: string }) {
  const openDetail = () => void Taro.redirectTo({ url: `/packages/requests/detail?id=${created.ticketId}` });
  return (
    <View className="page filed">
      <View id="filed" className="card filed__card">
        <Text className="filed__title">{title}</Text>
        <Text id="filed-no" className="muted">
          {created.typeLabel} · 工单号 {created.no}
        </Text>
        {created.resolveBy ? (
          <Text id="filed-due" className="filed__line">
            我们将在 {formatFullTime(created.resolveBy)} 前答复您
          </Text>
        ) : null}
        {note ? <Text className="filed__line muted">{note}</Text> : null}
      </View>
      <SubscribeButton ticketId={created.ticketId} tone="primary" onDone={openDetail} />
      <ActionButton id="filed-view" tone="secondary" onClick={openDetail}>
        暂不订阅，查看进度
      </ActionButton>
    </View>
  );
}
