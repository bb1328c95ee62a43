import { Text, Textarea, View } from '@tarojs/components';
import { ClockKind, HotlineReplySchema, TicketEventKind, type TicketDetailView } from '@utility/shared';
import { useState } from 'react';
import { useCheckedAction } from '../../hooks/use-checked-action';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { formatFullTime } from '../../format/time';
import { replyToHotline } from '../../services/api/tickets';

/**
 * A 12345 transfer: its hotline number, when the handling opinion is due (1 hour), the replies sent
 * so far, and the form that records the next one (docs/domain.md#clocks).
 */
export function HotlineReplyCard({ ticket, onChanged }: { ticket: TicketDetailView; onChanged: () => void }) {
  const [reply, setReply] = useState('');
  const { error, busy, run } = useCheckedAction();
  const opinion = ticket.clocks.find((c) => c.kind === ClockKind.Opinion);
  const replies = ticket.events.filter((e) => e.kind === TicketEventKind.HotlineReplied);

  const send = () =>
    run(HotlineReplySchema, { reply }, async (valid) => {
      await replyToHotline(ticket.id, valid.reply);
      setReply('');
      onChanged();
    });

  return (
    <View id="hotline-card" className="card">
      <Text className="card__title">12345转办</Text>
      <Text id="hotline-ref" className="muted">
        12345工单编号 {ticket.externalRef ?? '—'}
      </Text>
      {opinion ? (
        <Text id="hotline-due" className={opinion.breached ? 'field__error' : 'muted'}>
          {opinion.stoppedAt
            ? `已于${formatFullTime(opinion.stoppedAt)}回复处理意见${opinion.breached ? '（超时）' : ''}`
            : `须于${formatFullTime(opinion.dueAt)}前向12345回复处理意见`}
        </Text>
      ) : null}
      {replies.map((r) => (
        <Text key={r.id} className="ticket__line">
          {formatFullTime(r.at)} {r.actorName ?? ''}：{r.note}
        </Text>
      ))}
      <FormField label="回复12345" id="hotline-reply" error={error}>
        <Textarea
          id="hotline-reply"
          className="field__textarea"
          maxlength={1000}
          placeholder="处理意见或办理结果"
          value={reply}
          onInput={(e) => setReply(e.detail.value)}
        />
      </FormField>
      <ActionButton id="hotline-send" busy={busy !== null} onClick={() => void send()}>
        记录回复
      </ActionButton>
    </View>
  );
}
