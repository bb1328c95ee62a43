import type { BankDebitImportReport, BillView, CounterPaymentRequest, CounterPaymentView } from '@utility/shared';
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

/**
 * Imports the bank's auto-debit (代扣) result file. Each line's bank serial number is its key: a file
 * imported again credits nothing twice (those lines come back in `alreadyCredited`).
 */
export function importBankDebit(body: ArrayBuffer | Blob): Promise<BankDebitImportReport> {
  return staffApi.sendFile<BankDebitImportReport>('/api/staff/payments/bank-debit/import', body, 'text/csv');
}

/** A supervisor waives an unpaid bill's late fee (滞纳金) with a reason (docs/domain.md#arrears). */
export function waiveLateFee(billId: number, reason: string): Promise<BillView> {
  return staffApi.request<BillView>(`/api/staff/bills/${billId}/late-fee-waiver`, {
    method: 'POST',
    data: { reason },
  });
}
