import { render, screen, waitFor } from '@testing-library/react';
import type { InvoiceView } from '@utility/shared';
import { paymentView } from '../../../test/factories/bills';
import { boundAccount, signInResident } from '../../../test/factories/residents';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import InvoicePage from './invoice';
import PaymentRecordsPage from './records';

const ORDER = 'W20261123A1B2C3D4E5F60718';

const invoiceView = (over: Partial<InvoiceView> = {}): InvoiceView => ({
  id: 7,
  paymentId: 41,
  subject: '燃气费 2026-10',
  amountFen: 37_380,
  titleKind: 'company',
  titleName: '某某科技有限公司',
  taxNo: '91350100M000100Y43',
  status: 'issuing',
  awaitingTitle: false,
  fapiaoNumber: null,
  inCardWallet: false,
  requestedAt: '2026-11-23T06:20:00Z',
  issuedAt: null,
  reversedAt: null,
  replacesId: null,
  replacedById: null,
  ...over,
});

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
});

describe('invoices on the payment records', () => {
  it('a paid payment offers 开发票; an issued invoice shows 已开票 and 重开', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/payments?accountId=1': () =>
        answer(200, [
          paymentView({ invoice: null, invoiceable: true }),
          paymentView({
            id: 42,
            orderNo: 'W2',
            invoice: { id: 7, status: 'issued', awaitingTitle: false },
            invoiceable: false,
          }),
          paymentView({ id: 43, orderNo: 'W3', status: 'refunded', invoice: null, invoiceable: false }),
        ]),
    });
    render(<PaymentRecordsPage />);
    await screen.findByText('户号 9100000001');

    await tap(`invoice-request-${ORDER}`);
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pay/invoice?paymentId=41' });
    expect(byId('receipt-invoice-W2').textContent).toContain('已开票');
    await tap('invoice-reissue-W2');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pay/invoice?invoiceId=7' });
    expect(document.getElementById('receipt-invoice-W3')).toBeNull();
  });

  it('counter money opens the title-page flow; one awaiting its title says 待填写抬头', async () => {
    serve({
      'GET /api/accounts': () => answer(200, [boundAccount()]),
      'GET /api/payments?accountId=1': () =>
        answer(200, [
          paymentView({ id: 44, orderNo: 'RCASH-1', method: 'cash', receiptNo: 'CASH-1', invoiceable: true }),
          paymentView({
            id: 45,
            orderNo: 'RCASH-2',
            method: 'cash',
            receiptNo: 'CASH-2',
            invoice: { id: 8, status: 'issuing', awaitingTitle: true },
            invoiceable: false,
          }),
        ]),
    });
    render(<PaymentRecordsPage />);
    await screen.findByText('户号 9100000001');

    await tap('invoice-request-RCASH-1');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pay/invoice?paymentId=44&offline=1' });
    expect(byId('receipt-invoice-RCASH-2').textContent).toContain('待填写抬头');
    await tap('invoice-title-RCASH-2');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/pay/invoice?paymentId=45&offline=1' });
  });
});

describe('柜台或银行缴费开票', () => {
  const link = {
    url: 'https://www.weixin.qq.com/fapiao/title?apply=RCASH-1&mchid=1900000001',
    miniprogramAppid: 'wx1ed7a8a0ffe1c8f0',
    miniprogramPath: 'pages/title/index?apply=RCASH-1',
  };

  it('asks without a title, then the title filled on WeChat Pay’s page goes to that application', async () => {
    taro.setRouterParams({ paymentId: '44', offline: '1' });
    serve({
      'POST /api/my/invoices': () =>
        answer(201, invoiceView({ paymentId: 44, titleName: '', taxNo: null, awaitingTitle: true, titleLink: link })),
      'POST /api/dev/wechat-pay/fapiao-title': () => answer(200, { fapiaoApplyId: 'RCASH-1' }),
    });
    render(<InvoicePage />);
    expect(document.getElementById('invoice-name')).toBeNull();

    await tap('invoice-fill-title');
    const name = await waitFor(() => document.getElementById('mock-title-name') as HTMLInputElement);
    name.value = '某某餐饮有限公司';
    (document.getElementById('mock-title-tax-no') as HTMLInputElement).value = '91350100m000100y43';
    document.getElementById('mock-title-confirm')!.click();

    await waitFor(() => expect(byId('invoice-done').textContent).toContain('已提交开票申请'));
    const posts = taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
    expect(posts.map((o) => o.data)).toEqual([
      { paymentId: 44 },
      {
        fapiaoApplyId: 'RCASH-1',
        title: { type: 'ORGANIZATION', name: '某某餐饮有限公司', taxpayer_id: '91350100M000100Y43' },
      },
    ]);
  });

  it('a title page left without submitting can be opened again', async () => {
    taro.setRouterParams({ paymentId: '44', offline: '1' });
    serve({
      'POST /api/my/invoices': () => answer(201, invoiceView({ awaitingTitle: true, titleLink: link })),
    });
    render(<InvoicePage />);
    await tap('invoice-fill-title');
    await waitFor(() => expect(document.getElementById('mock-title-cancel')).not.toBeNull());
    document.getElementById('mock-title-cancel')!.click();
    await waitFor(() => expect(byId('invoice-failure').textContent).toContain('未完成抬头填写'));
    expect(document.getElementById('invoice-fill-title')).not.toBeNull();
  });
});

describe('开具发票', () => {
  it('a company title needs a valid tax number; then the request goes with the code as written on the invoice', async () => {
    taro.setRouterParams({ paymentId: '41' });
    serve({ 'POST /api/my/invoices': () => answer(201, invoiceView()) });
    render(<InvoicePage />);

    await tap('invoice-kind-company');
    await typeInto('invoice-name', '某某科技有限公司');
    await typeInto('invoice-tax-no', '91350100m000100y44');
    await tap('invoice-submit');
    expect(byId('invoice-tax-no-error').textContent).toBe('税号应为18位统一社会信用代码，请核对');
    expect(sent()).toEqual([]);

    await typeInto('invoice-tax-no', ' 91350100m000100y43');
    await tap('invoice-submit');
    await waitFor(() => expect(byId('invoice-done').textContent).toContain('已提交开票申请'));
    expect(byId('invoice-done').textContent).toContain('开票中');
    const post = taro.request.mock.calls.map(([o]) => o).find((o) => o.method === 'POST');
    expect(post.data).toEqual({
      paymentId: 41,
      title: { kind: 'company', name: '某某科技有限公司' },
      taxNo: '91350100M000100Y43',
    });
    expect(post.header['Idempotency-Key']).toEqual(expect.any(String));
  });

  it('重开 reverses the old invoice: the old title is shown, the reissue is sent, a refusal is shown', async () => {
    taro.setRouterParams({ invoiceId: '7' });
    serve({
      'GET /api/my/invoices': () => answer(200, [invoiceView({ status: 'issued', titleName: '某某燃气用户公司' })]),
      'POST /api/my/invoices/7/reissue': () =>
        answer(409, { code: 'INVOICE_NOT_REISSUABLE', message: '只有已开具的发票可以重开，请等待开票或冲红完成' }),
    });
    render(<InvoicePage />);
    await waitFor(() => expect(byId('invoice-old').textContent).toContain('某某燃气用户公司'));

    await typeInto('invoice-name', '张三');
    await tap('invoice-submit');
    await waitFor(() =>
      expect(byId('invoice-failure').textContent).toBe('只有已开具的发票可以重开，请等待开票或冲红完成'),
    );
    const post = taro.request.mock.calls.map(([o]) => o).find((o) => o.method === 'POST');
    expect(post.data).toEqual({ title: { kind: 'personal', name: '张三' } });
  });
});
