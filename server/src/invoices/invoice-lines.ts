import { InvoiceTitleKind } from '@utility/shared';
import { FapiaoBuyer, FapiaoLine } from '../payments/wechat-pay/fapiao.client';
import { InvoiceItemKind } from '../payments/invoice-subjects.service';

/**
 * The tax classification code (税收分类编码) and VAT rate of each thing a resident pays for. The rates are
 * China's: piped gas and heat 9%, electricity 13% (tax_rate is in 1/10000). The codes are the ones the
 * utility's tax registration uses; check them with the tax office before going live (docs/domain.md#invoices).
 */
export const INVOICE_ITEMS: Record<InvoiceItemKind, { taxCode: string; taxRate: number }> = {
  gas: { taxCode: '1100301030000000000', taxRate: 900 },
  heating: { taxCode: '1100201000000000000', taxRate: 900 },
  power: { taxCode: '1100101000000000000', taxRate: 1300 },
};

/** One line for the whole payment, tax included: a payment is invoiced as paid. */
export function invoiceLine(kind: InvoiceItemKind, subject: string, amountFen: number): FapiaoLine {
  return { ...INVOICE_ITEMS[kind], goodsName: subject, totalFen: amountFen };
}

export function invoiceBuyer(kind: InvoiceTitleKind, name: string, taxNo: string | null): FapiaoBuyer {
  return kind === 'company'
    ? { type: 'ORGANIZATION', name, taxpayerId: taxNo ?? undefined }
    : { type: 'INDIVIDUAL', name };
}
