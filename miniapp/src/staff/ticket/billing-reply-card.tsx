import { Text, Textarea, View } from '@tarojs/components';
import {
  ClockKind,
  FirstReplySchema,
  Role,
  TicketType,
  isOpen,
  type StaffView,
  type TicketDetailView,
} from '@utility/shared';
import { useState } from 'react';
import { useCheckedAction } from '../../hooks/use-checked-action';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { formatFullTime } from '../../format/time';
import { replyToBillingTicket } from '../../services/api/complaint-handling';

const REPLIERS: readonly Role[] = [Role.Agent, Role.Supervisor];

/**
 * 缴费异常、退款、发票: the reply owed to the resident within 1 working day, recorded before the money is
 * settled; the resolve clock runs on (docs/domain.md#clocks).
 */
export function BillingReplyCard({
  ticket,
  staff,
  onChanged,
}: {
  ticket: TicketDetailView;
  staff: StaffView;
  onChanged: () => void;
}) {
  const [reply, setReply] = useState('');
  const { error, busy, run } = useCheckedAction();
  const clock = ticket.clocks.find((c) => c.kind === ClockKind.FirstReply);
  if (ticket.type !== TicketType.Billing || !clock) return null;
  const canReply = !clock.stoppedAt && isOpen(ticket.status) && REPLIERS.includes(staff.role);

  const send = () =>
    run(FirstReplySchema, { text: reply }, async (valid) => {
      await replyToBillingTicket(ticket.id, valid);
      setReply('');
      onChanged();
    });

  return (
    <View id="billing-reply-card" className="card">
      <Text className="card__title">答复用户</Text>
      <Text id="billing-reply-due" className={clock.breached ? 'field__error' : 'muted'}>
        {clock.stoppedAt
          ? `已于${formatFullTime(clock.stoppedAt)}答复${clock.breached ? '（超时）' : ''}`
          : `须于${formatFullTime(clock.dueAt)}前答复用户`}
      </Text>
      {canReply ? (
        <>
          <FormField label="答复内容" id="billing-reply" error={error}>
            <Textarea
              id="billing-reply"
              className="field__textarea"
              maxlength={2000}
              placeholder="核实情况和处理安排，如：重复扣款已核实，3个工作日内原路退回"
              value={reply}
              onInput={(e) => setReply(e.detail.value)}
            />
          </FormField>
          <ActionButton id="billing-reply-send" busy={busy !== null} onClick={() => void send()}>
            记录答复
          </ActionButton>
        </>
      ) : null}
    </View>
  );
}
