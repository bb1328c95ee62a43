import { InvoiceRequestSchema } from '../api/invoices';
import { isValidTaxNo, normalizeTaxNo, taxNoCheckChar } from './tax-no';

describe('统一社会信用代码 (isValidTaxNo)', () => {
  it.each([
    ['91350100M000100Y43', true, 'a registered code'],
    ['91440300708461136T', true, 'a letter as the check character'],
    ['914403001922038216', true, 'a digit as the check character'],
    ['91350100M000100Y44', false, 'a wrong check character'],
    ['91350100M000100Y4', false, '17 characters'],
    ['91350100M000100Y430', false, '19 characters'],
    ['91350100I000100Y43', false, 'I is not in the alphabet'],
    ['91350100O000100Y43', false, 'O is not in the alphabet'],
    ['91350100m000100y43', false, 'lower case (normalize first)'],
    ['', false, 'empty'],
  ])('%s → %s (%s)', (taxNo, valid) => {
    expect(isValidTaxNo(taxNo)).toBe(valid);
  });

  it('normalizes what a resident types: spaces out, capitals', () => {
    expect(normalizeTaxNo(' 91350100m000 100y43 ')).toBe('91350100M000100Y43');
    expect(isValidTaxNo(normalizeTaxNo('91350100m000100y43'))).toBe(true);
  });

  it('a check value of 31 is written 0', () => {
    // Find 17 characters whose weighted sum is a multiple of 31: their check character is 0.
    const first17 = Array.from(
      { length: 31 },
      (_, i) => `9135010000000000${'0123456789ABCDEFGHJKLMNPQRTUWXY'[i]}`,
    ).find((s) => taxNoCheckChar(s) === '0');
    expect(first17).toBeDefined();
    expect(isValidTaxNo(`${first17}0`)).toBe(true);
    expect(taxNoCheckChar('9135010000000000!')).toBeNull();
  });
});

describe('InvoiceRequestSchema (the title)', () => {
  const parse = (body: unknown) => InvoiceRequestSchema.safeParse(body);
  const message = (body: unknown) => {
    const result = parse(body);
    return result.success ? null : result.error.issues[0].message;
  };

  it.each([
    [{ paymentId: 1, title: { kind: 'personal', name: '张三' } }, null],
    [{ paymentId: 1, title: { kind: 'company', name: '某公司' }, taxNo: '91350100m000100y43' }, null],
    [{ paymentId: 1, title: { kind: 'company', name: '某公司' } }, '单位抬头须填写税号（统一社会信用代码）'],
    [
      { paymentId: 1, title: { kind: 'company', name: '某公司' }, taxNo: '91350100M000100Y44' },
      '税号应为18位统一社会信用代码，请核对',
    ],
    [{ paymentId: 1, title: { kind: 'personal', name: '张三' }, taxNo: '91350100M000100Y43' }, '个人抬头无需填写税号'],
    [{ paymentId: 1, title: { kind: 'personal', name: ' ' } }, '请填写发票抬头'],
  ])('%j → %s', (body, expected) => {
    expect(message(body)).toBe(expected);
  });

  it('keeps the tax number as written on the invoice', () => {
    expect(
      parse({ paymentId: 1, title: { kind: 'company', name: '某公司' }, taxNo: ' 91350100m000100y43' }).data?.taxNo,
    ).toBe('91350100M000100Y43');
  });
});
