import { Text, Textarea, View } from '@tarojs/components';
import { ClockKind, ContactedSchema, TicketStatus, type FieldJobView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { formatClockTime, formatFullTime } from '../../format/time';
import { recordContact } from '../../services/api/tickets';

/** Before arriving, the call to the resident is owed (and may still be made on the way). */
const CONTACTABLE: readonly TicketStatus[] = [TicketStatus.Assigned, TicketStatus.EnRoute];

/**
 * 联系用户: the technician called the resident and agreed the time. It stops the 30-minute contact clock
 * (heating 九(十), docs/domain.md#clocks); arriving without it counts as a late contact.
 */
export function ContactPanel({ job, onContacted }: { job: FieldJobView; onContacted: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const clock = job.clocks.find((c) => c.kind === ClockKind.Contact);
  if (!clock) return null;
  if (clock.stoppedAt) {
    return (
      <View className="card">
        <Text id="job-contacted" className="muted">
          已于{formatFullTime(clock.stoppedAt)}联系用户{clock.breached ? '（超时）' : ''}
        </Text>
      </View>
    );
  }
  if (!job.accepted || !CONTACTABLE.includes(job.status)) return null;

  async function send() {
    const parsed = ContactedSchema.safeParse({ note });
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setError('');
    setBusy(true);
    try {
      await recordContact(job.id, parsed.data);
      setNote('');
      onContacted();
    } catch {
      // The wrapper has shown why (e.g. no longer your job).
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="job-contact" className="card">
      <Text className="card__title">联系用户</Text>
      <Text id="job-contact-due" className={clock.breached ? 'field__error' : 'muted'}>
        请于{formatClockTime(clock.dueAt)}前电话联系用户，约定上门时间
      </Text>
      <View className={error ? 'field field--invalid' : 'field'}>
        <Textarea
          id="job-contact-note"
          className="field__textarea"
          placeholder="联系情况，如：已电话联系，约定今天15点前上门"
          maxlength={1000}
          value={note}
          onInput={(e) => setNote(e.detail.value)}
        />
        {error ? (
          <Text id="job-contact-note-error" className="field__error">
            {error}
          </Text>
        ) : null}
      </View>
      <ActionButton id="job-contact-submit" tone="secondary" busy={busy} onClick={() => void send()}>
        已联系用户
      </ActionButton>
    </View>
  );
}
