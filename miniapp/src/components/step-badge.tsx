import { Text } from '@tarojs/components';
import { ResidentStep, type ResidentTicketView } from '@utility/shared';

const FINISHED: readonly ResidentStep[] = [ResidentStep.Done, ResidentStep.Cancelled];

/** Where a request stands, in the resident's words (stepLabel from the server). */
export function StepBadge({ ticket }: { ticket: Pick<ResidentTicketView, 'step' | 'stepLabel'> }) {
  const className = FINISHED.includes(ticket.step) ? 'badge' : 'badge badge--status';
  return <Text className={`${className} step-badge`}>{ticket.stepLabel}</Text>;
}
