import { Text, Textarea, View } from '@tarojs/components';
import {
  ApplicationDecisionSchema,
  ClockKind,
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
import { decideApplication } from '../../services/api/complaint-handling';

const DECIDERS: readonly Role[] = [Role.Agent, Role.Supervisor];

/**
 * 办理意见: an application is answered by a decision, approve or refuse, with the reason the resident
 * reads, within 3 working days (the `decision` clock, docs/domain.md#clocks); it resolves the ticket.
 */
export function ApplicationDecisionCard({
  ticket,
  staff,
  onChanged,
}: {
  ticket: TicketDetailView;
  staff: StaffView;
  onChanged: () => void;
}) {
  const [reason, setReason] = useState('');
  const { error, busy, run } = useCheckedAction<'approve' | 'refuse'>();
  if (ticket.type !== TicketType.Application || !isOpen(ticket.status) || !DECIDERS.includes(staff.role)) return null;
  const clock = ticket.clocks.find((c) => c.kind === ClockKind.Decision);

  const decide = (approve: boolean) =>
    run(
      ApplicationDecisionSchema,
      { approve, reason },
      async (valid) => {
        await decideApplication(ticket.id, valid);
        setReason('');
        onChanged();
      },
      approve ? 'approve' : 'refuse',
    );

  return (
    <View id="application-decision" className="card">
      <Text className="card__title">办理意见</Text>
      {clock && !clock.stoppedAt ? (
        <Text id="application-decision-due" className={clock.breached ? 'field__error' : 'muted'}>
          须于{formatFullTime(clock.dueAt)}前答复是否办理
        </Text>
      ) : null}
      <FormField label="意见（用户可见）" id="application-decision-reason" error={error}>
        <Textarea
          id="application-decision-reason"
          className="field__textarea"
          maxlength={500}
          placeholder="同意：办理安排；不予办理：原因及用户还需做什么"
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
      </FormField>
      <ActionButton
        id="application-approve"
        busy={busy === 'approve'}
        disabled={busy !== null}
        onClick={() => void decide(true)}
      >
        同意办理
      </ActionButton>
      <ActionButton
        id="application-refuse"
        tone="secondary"
        busy={busy === 'refuse'}
        disabled={busy !== null}
        onClick={() => void decide(false)}
      >
        不予办理
      </ActionButton>
    </View>
  );
}
