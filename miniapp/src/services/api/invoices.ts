import type {
  InvoiceReissueRequest,
  InvoiceRequest,
  InvoiceView,
  StaffInvoiceFilter,
  StaffInvoiceView,
} from '@utility/shared';
import { residentApi, staffApi } from './request';

/**
 * 开发票: one invoice per payment, so asking twice (a retry) answers the same invoice. Counter and bank money
 * sends no title: WeChat Pay's title page collects it (the answer's `titleLink`).
 */
export function requestInvoice(
  body: Pick<InvoiceRequest, 'paymentId'> & Partial<InvoiceRequest>,
  idempotencyKey: string,
): Promise<InvoiceView> {
  return residentApi.request<InvoiceView>('/api/my/invoices', { method: 'POST', data: body, idempotencyKey });
}

export function listMyInvoices(): Promise<InvoiceView[]> {
  return residentApi.request<InvoiceView[]>('/api/my/invoices');
}

/** 重开: the invoice is reversed (红冲) and its replacement with the corrected title answered. */
export function reissueInvoice(id: number, body: InvoiceReissueRequest, idempotencyKey: string): Promise<InvoiceView> {
  return residentApi.request<InvoiceView>(`/api/my/invoices/${id}/reissue`, {
    method: 'POST',
    data: body,
    idempotencyKey,
  });
}

export function listStaffInvoices(filter: StaffInvoiceFilter): Promise<StaffInvoiceView[]> {
  const query = Object.entries(filter)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return staffApi.request<StaffInvoiceView[]>(`/api/staff/invoices${query ? `?${query}` : ''}`);
}
