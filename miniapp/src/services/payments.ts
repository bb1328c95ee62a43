import type { PayResponse, PaymentView } from '@utility/shared';
import { request } from './request';

/** Creates the bill's WeChat Pay order, or reuses its open one (server side): paying twice is one order. */
export function createPayment(billId: number): Promise<PayResponse> {
  return request<PayResponse>(`/api/bills/${billId}/pay`, { method: 'POST', data: {} });
}

/** Receipts of an account, newest first. */
export function listPayments(accountId: number): Promise<PaymentView[]> {
  return request<PaymentView[]>(`/api/payments?accountId=${accountId}`);
}
