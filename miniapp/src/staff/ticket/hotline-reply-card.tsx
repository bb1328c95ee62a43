import { Text, Textarea, View } from '@tarojs/components';
import { ClockKind, HotlineReplySchema, TicketEventKind, type TicketDetailView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { formatFullTime } from '../../format/time';
import { ApiRequestError } from '../../services/api/request';
import { replyToHotline } from '../../services/api/tickets';

/**
 * A 12345 transfer: its hotline number, when the handling opinion is due (1 hour), the replies sent
 * so far, and the form that records the next one (docs/domain.md#clocks).
 */
export function HotlineReplyCard({ ticket, onChanged }: { ticket: TicketDetailView; onChanged: () => void }) {
  const [reply, setReply] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const opinion = ticket.clocks.find((c) => c.kind === ClockKind.Opinion);
  const replies = ticket.events.filter((e) => e.kind === TicketEventKind.HotlineReplied);

  async function send() {
    const parsed = HotlineReplySchema.safeParse({ reply });
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setError('');
    setBusy(true);
    try {
      await replyToHotline(ticket.id, parsed.data.reply);
      setReply('');
      onChanged();
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      setError(e.message);
    } finally {
      setBusy(false);
    }
  }

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
      <ActionButton id="hotline-send" busy={busy} onClick={() => void send()}>
        记录回复
      </ActionButton>
    </View>
  );
}
