import { Text, View } from '@tarojs/components';
import type { ResidentTicketView } from '@utility/shared';
import { formatFullTime } from '../../format/time';

/**
 * An application's decision (同意办理 / 不予办理) with the reason staff gave: what happens next, or what the
 * resident still has to do (docs/domain.md#ticket-types).
 */
export function DecisionCard({ ticket }: { ticket: ResidentTicketView }) {
  const decision = ticket.decision;
  if (!decision) return null;
  return (
    <View id="request-decision" className="card">
      <Text className="card__title">办理结果</Text>
      <Text id="request-decision-verdict" className={decision.approved ? 'request-detail__line' : 'field__error'}>
        {decision.approved ? '同意办理' : '不予办理'}
      </Text>
      <Text id="request-decision-reason" className="request-detail__line">
        {decision.reason}
      </Text>
      <Text className="muted request-detail__line">答复时间：{formatFullTime(decision.at)}</Text>
    </View>
  );
}
