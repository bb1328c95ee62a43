import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { formatFullTime } from '../../format/time';
import { checkAnswer } from '../../services/api/consultations';

/**
 * A question's or suggestion's answer (docs/domain.md#consultations), and for a question the
 * satisfaction check: 已解决 closes it, 未解决 sends it back to customer service.
 */
export function AnswerCard({
  ticket,
  onChanged,
  onRefused,
}: {
  ticket: ResidentTicketView;
  onChanged: (view: ResidentTicketView) => void;
  onRefused: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const answer = ticket.answer;
  if (!answer) return null;

  async function judge(solved: boolean) {
    setBusy(true);
    try {
      onChanged(await checkAnswer(ticket.id, { solved }));
      void Taro.showToast({ title: solved ? '感谢您的反馈' : '已转客服再次处理', icon: 'none' });
    } catch {
      // Shown by the wrapper; the page reloads what changed meanwhile.
      onRefused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="request-answer" className="card">
      <Text className="card__title">客服答复</Text>
      <Text id="request-answer-text" className="request-detail__line">
        {answer.text}
      </Text>
      {answer.articleId ? (
        <Text
          id="request-answer-article"
          className="link request-detail__line"
          onClick={() => void Taro.navigateTo({ url: `/packages/info/article?id=${answer.articleId}` })}
        >
          查看详细说明 ›
        </Text>
      ) : null}
      <Text className="muted request-detail__line">答复时间：{formatFullTime(answer.at)}</Text>
      {answer.canCheck ? (
        <View className="row request-detail__actions">
          <ActionButton id="request-answer-solved" busy={busy} onClick={() => void judge(true)}>
            已解决
          </ActionButton>
          <ActionButton id="request-answer-unsolved" tone="secondary" busy={busy} onClick={() => void judge(false)}>
            未解决
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
