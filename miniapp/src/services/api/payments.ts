import type { PayByAccountView, PayResponse, PaymentView } from '@utility/shared';
import { residentApi, staffApi } from './request';

/** Creates the bill's WeChat Pay order, or reuses its open one (server side): paying twice is one order. */
export function createPayment(billId: number): Promise<PayResponse> {
  return residentApi.request<PayResponse>(`/api/bills/${billId}/pay`, { method: 'POST', data: {} });
}

/** Receipts of an account, newest first. */
export function listPayments(accountId: number): Promise<PaymentView[]> {
  return residentApi.request<PaymentView[]>(`/api/payments?accountId=${accountId}`);
}

/** 代缴: an account's unpaid bills by 户号, without binding (masked holder and address, amounts only). */
export function lookUpByAccount(accountNo: string): Promise<PayByAccountView> {
  return staffApi.request<PayByAccountView>(`/api/pay-by-account/${accountNo}/bills`);
}
