import { Text, Textarea, View } from '@tarojs/components';
import { HandOverSchema } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';

interface Props {
  busy: boolean;
  onConfirm: (reason: string) => void;
  onClose: () => void;
}

/** 无法完成，转交: the job goes back to its queue with the reason; its clocks run on. */
export function HandOverPanel({ busy, onConfirm, onClose }: Props) {
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');

  function confirm() {
    const parsed = HandOverSchema.safeParse({ reason });
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setError('');
    onConfirm(parsed.data.reason);
  }

  return (
    <View className="card hand-over">
      <Text className="card__title">无法完成，转交</Text>
      <Text className="muted">工单将退回队列，由调度重新派单；时限不会重新计算。</Text>
      <View className={error ? 'field field--invalid' : 'field'}>
        <Textarea
          id="job-hand-over-reason"
          className="field__textarea"
          placeholder="原因，如：需要更换整表，须带表具再来"
          maxlength={500}
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
        {error ? (
          <Text id="job-hand-over-reason-error" className="field__error">
            {error}
          </Text>
        ) : null}
      </View>
      <ActionButton id="job-hand-over-confirm" tone="danger" busy={busy} onClick={confirm}>
        确认转交
      </ActionButton>
      <ActionButton id="job-hand-over-back" tone="secondary" disabled={busy} onClick={onClose}>
        返回
      </ActionButton>
    </View>
  );
}
