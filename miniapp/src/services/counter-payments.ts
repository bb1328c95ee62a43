import type { BillView, CounterPaymentRequest, CounterPaymentView } from '@utility/shared';
import { staffApi } from './request';

/** Billing staff: an account's bills (unpaid first, with the late fee due today), in their district. */
export function listStaffBills(accountNo: string): Promise<BillView[]> {
  return staffApi.request<BillView[]>(`/api/staff/bills?accountNo=${encodeURIComponent(accountNo)}`);
}

/**
 * Records a counter payment. The receipt number is the key: sending the same receipt again (a lost answer)
 * answers the first record (`replayed`), never a second credit.
 */
export function recordCounterPayment(body: CounterPaymentRequest): Promise<CounterPaymentView> {
  return staffApi.request<CounterPaymentView>('/api/staff/payments/counter', { method: 'POST', data: body });
}
