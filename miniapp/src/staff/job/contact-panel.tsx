import { Text, Textarea, View } from '@tarojs/components';
import { ClockKind, ContactedSchema, TicketStatus, type FieldJobView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { formatClockTime, formatFullTime } from '../../format/time';
import { VisitWindowPicker, useVisitWindows } from '../../components/visit-window-picker';
import { windowOf } from '../../format/visit-windows';
import { recordContact } from '../../services/api/tickets';

/** Before arriving, the call to the resident is owed (and may still be made on the way). */
const CONTACTABLE: readonly TicketStatus[] = [TicketStatus.Assigned, TicketStatus.EnRoute];

/**
 * 联系用户: the technician called the resident and agreed the time. It stops the 30-minute contact clock
 * (heating 九(十), docs/domain.md#clocks); arriving without it counts as a late contact. The half-day agreed on
 * the call may be recorded with it, before setting off: it becomes the visit window and the on-site clock follows.
 */
export function ContactPanel({ job, onContacted }: { job: FieldJobView; onContacted: () => void }) {
  const windows = useVisitWindows();
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
  // Once on the way the window can no longer be moved (the server's rule): the call is recorded alone.
  const canAgreeWindow = job.status === TicketStatus.Assigned;
  const choice = canAgreeWindow ? windows.choice : null;

  async function send() {
    const agreedWindow = choice ? windowOf(choice) : undefined;
    const parsed = ContactedSchema.safeParse(agreedWindow ? { note, agreedWindow } : { note });
    if (!parsed.success) return setError(parsed.error.issues[0].message);
    setError('');
    setBusy(true);
    try {
      await recordContact(job.id, parsed.data);
      setNote('');
      windows.pick(null);
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
      {canAgreeWindow ? (
        <VisitWindowPicker
          id="job-contact-window"
          valueId="job-contact-window-value"
          title="约定上门时段"
          placeholder={job.window ? '按原预约 ›' : '选择时段（选填） ›'}
          windows={windows}
        />
      ) : null}
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
