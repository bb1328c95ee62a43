import { InvoiceView, StaffInvoiceView } from '@utility/shared';
import { Invoice } from './invoice.entity';

/** What the resident sees; `replacedById` is the reissue that replaced it, when there is one. */
export function toInvoiceView(invoice: Invoice, replacedById: number | null): InvoiceView {
  return {
    id: invoice.id,
    paymentId: invoice.paymentId,
    subject: invoice.subject,
    amountFen: invoice.amountFen,
    titleKind: invoice.titleKind,
    titleName: invoice.titleName,
    taxNo: invoice.taxNo,
    status: invoice.status,
    awaitingTitle: invoice.titleFilledAt === null,
    fapiaoNumber: invoice.fapiaoNumber,
    inCardWallet: invoice.cardStatus === 'INSERTED',
    requestedAt: invoice.requestedAt.toISOString(),
    issuedAt: invoice.issuedAt?.toISOString() ?? null,
    reversedAt: invoice.reversedAt?.toISOString() ?? null,
    replacesId: invoice.replacesId,
    replacedById,
  };
}

export function toStaffInvoiceView(invoice: Invoice, replacedById: number | null): StaffInvoiceView {
  return { ...toInvoiceView(invoice, replacedById), accountNo: invoice.accountNo, orderNo: invoice.orderNo };
}
