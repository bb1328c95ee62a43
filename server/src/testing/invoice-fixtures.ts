/** A valid 统一社会信用代码 (its check character computed by shared/src/invoices/tax-no.ts's rule). */
export const TAX_NO = '91350100M000100Y43';

/** `POST /api/my/invoices` for a personal title. */
export const personal = (paymentId: number, name = '张三') => ({ paymentId, title: { kind: 'personal', name } });
