import { Text } from '@tarojs/components';
import { PRIORITY_LABELS, TICKET_STATUS_LABELS, type Priority, type TicketStatus } from '@utility/shared';

export function PriorityBadge({ priority }: { priority: Priority }) {
  return <Text className={`badge badge--${priority}`}>{PRIORITY_LABELS[priority]}</Text>;
}

export function StatusBadge({ status }: { status: TicketStatus }) {
  return <Text className="badge badge--status">{TICKET_STATUS_LABELS[status]}</Text>;
}
