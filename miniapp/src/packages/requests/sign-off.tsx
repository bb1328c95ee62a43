import { Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { NotFixedSchema, ResidentStep, type ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { confirmMyTicket, reportNotFixed } from '../../services/api/my-tickets';

interface Props {
  ticket: ResidentTicketView;
  onChanged: (ticket: ResidentTicketView) => void;
  /** A refusal (someone else in the household answered first): the ticket has moved on. */
  onRefused: () => void;
}

/**
 * The resident's word on the work: 确认完成 — with the technician still there (they record the
 * result after it) or once resolved — or, once resolved, 没有修好 with what is still wrong (reopens it).
 */
export function SignOff({ ticket, onChanged, onRefused }: Props) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<'confirm' | 'not-fixed' | null>(null);

  async function run(kind: 'confirm' | 'not-fixed', action: () => Promise<ResidentTicketView>, done: string) {
    setBusy(kind);
    try {
      onChanged(await action());
      setOpen(false);
      void Taro.showToast({ title: done, icon: 'success' });
    } catch {
      // Shown by the wrapper.
      onRefused();
    } finally {
      setBusy(null);
    }
  }

  function sendNotFixed() {
    const parsed = NotFixedSchema.safeParse({ reason });
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setError('');
    void run('not-fixed', () => reportNotFixed(ticket.id, parsed.data.reason), '已重新报修');
  }

  if (!ticket.canConfirm && !ticket.canReportNotFixed) return null;
  const onSite = ticket.step === ResidentStep.Arrived;
  return (
    <View className="card sign-off">
      <Text className="card__title">
        {ticket.canConfirm ? (onSite ? '师傅在现场，请确认维修结果' : '师傅已处理完成') : '您已确认完成'}
      </Text>
      <Text className="muted">
        {ticket.canConfirm
          ? onSite
            ? '师傅修好后，请您当面查看，确认问题已经解决再点「确认完成」。'
            : '请确认问题是否已经解决；没有修好可以直接告诉我们，工单会重新受理。'
          : '如果问题再次出现，仍可告诉我们没有修好，工单会重新受理。'}
      </Text>
      {ticket.canConfirm && !open ? (
        <ActionButton
          id="request-confirm"
          busy={busy === 'confirm'}
          disabled={busy !== null}
          onClick={() => run('confirm', () => confirmMyTicket(ticket.id), '已确认完成')}
        >
          确认完成
        </ActionButton>
      ) : null}
      {ticket.canReportNotFixed && !open ? (
        <ActionButton id="request-not-fixed" tone="danger" disabled={busy !== null} onClick={() => setOpen(true)}>
          没有修好
        </ActionButton>
      ) : null}
      {open ? (
        <View className={error ? 'field field--invalid sign-off__form' : 'field sign-off__form'}>
          <Text className="field__label">哪里没有修好？</Text>
          <Textarea
            id="not-fixed-reason"
            className="field__textarea"
            placeholder="如：修完第二天又打不着火了"
            maxlength={500}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          {error ? (
            <Text id="not-fixed-reason-error" className="field__error">
              {error}
            </Text>
          ) : null}
          <ActionButton id="not-fixed-submit" tone="danger" busy={busy === 'not-fixed'} onClick={sendNotFixed}>
            提交，重新报修
          </ActionButton>
          <ActionButton id="not-fixed-back" tone="secondary" disabled={busy !== null} onClick={() => setOpen(false)}>
            返回
          </ActionButton>
        </View>
      ) : null}
    </View>
  );
}
