import { Text, Textarea, View } from '@tarojs/components';
import {
  ANSWERED_TYPES,
  AnswerTicketSchema,
  ClockKind,
  TicketEventKind,
  TicketStatus,
  type TicketDetailView,
} from '@utility/shared';
import { useState } from 'react';
import { useCheckedAction } from '../../hooks/use-checked-action';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { formatFullTime } from '../../format/time';
import { answerTicket } from '../../services/api/consultations';
import { ANSWER_MAX, KnowledgePicker, answerTextOf } from '../knowledge-picker';

const ANSWERABLE: readonly TicketStatus[] = [TicketStatus.Submitted, TicketStatus.Accepted, TicketStatus.Assigned];

/**
 * A question or suggestion (docs/domain.md#consultations): when the answer is due, the answers
 * given, and the answer form — typed, or one click from a knowledge article (which answers at once).
 */
export function AnswerCard({ ticket, onChanged }: { ticket: TicketDetailView; onChanged: () => void }) {
  const [text, setText] = useState('');
  const { error, busy, run } = useCheckedAction();
  if (!ANSWERED_TYPES.has(ticket.type)) return null;
  const clock = ticket.clocks.find((c) => c.kind === ClockKind.Answer);
  const answers = ticket.events.filter((e) => e.kind === TicketEventKind.Answered);
  const judged = ticket.events.filter((e) => e.kind === TicketEventKind.AnswerJudged);
  const open = ANSWERABLE.includes(ticket.status);

  const send = (body: { text: string; articleId?: number }) =>
    run(AnswerTicketSchema, body, async (valid) => {
      await answerTicket(ticket.id, valid);
      setText('');
      onChanged();
    });

  return (
    <View id="answer-card" className="card">
      <Text className="card__title">答复居民</Text>
      {clock && !clock.stoppedAt ? (
        <Text id="answer-due" className={clock.breached ? 'field__error' : 'muted'}>
          须于{formatFullTime(clock.dueAt)}前答复
        </Text>
      ) : null}
      {[...answers, ...judged]
        .sort((a, b) => a.id - b.id)
        .map((e) => (
          <Text key={e.id} className="ticket__line">
            {formatFullTime(e.at)} {e.actorName ?? ''}：{e.note}
          </Text>
        ))}
      {open ? (
        <>
          <KnowledgePicker
            id="answer-knowledge"
            action="一键答复"
            onPick={(article) => send({ text: answerTextOf(article), articleId: article.id })}
          />
          <FormField label="答复内容" id="answer-text" error={error}>
            <Textarea
              id="answer-text"
              className="field__textarea"
              maxlength={ANSWER_MAX}
              placeholder="直接答复居民的问题或建议"
              value={text}
              onInput={(e) => setText(e.detail.value)}
            />
          </FormField>
          <ActionButton id="answer-send" busy={busy !== null} onClick={() => void send({ text })}>
            答复并办结
          </ActionButton>
        </>
      ) : null}
    </View>
  );
}
