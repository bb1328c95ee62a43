import type { QueueMemberView, QueueView, TicketView } from '@utility/shared';
import { staffApi } from './request';

export function listQueues(): Promise<QueueView[]> {
  return staffApi.request<QueueView[]>('/api/queues');
}

/** Open tickets of a queue, already in work order. */
export function listQueueTickets(queueId: number): Promise<TicketView[]> {
  return staffApi.request<TicketView[]>(`/api/queues/${queueId}/tickets`);
}

export function listQueueMembers(queueId: number): Promise<QueueMemberView[]> {
  return staffApi.request<QueueMemberView[]>(`/api/queues/${queueId}/members`);
}

/**
 * Takes the next ticket in work order; fails with QUEUE_EMPTY when there is none. Not retried
 * after a lost answer: the server keys no idempotency here, so a retry would take a second ticket.
 */
export function claimNext(queueId: number): Promise<TicketView> {
  return staffApi.request<TicketView>(`/api/queues/${queueId}/claim`, { method: 'POST' });
}
