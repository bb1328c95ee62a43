import { ErrorCode, InvoiceView } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import {
  Payer,
  fakeWechatPay,
  orderByNo,
  pay,
  payer,
  receipts,
  startPaymentsTestApp,
  unpaidBill,
} from '../testing/payment-fixtures';
import { TAX_NO, personal } from '../testing/invoice-fixtures';
import { TestApp } from '../testing/test-app';
import { FapiaoClient } from '../payments/wechat-pay/fapiao.client';
import { InvoiceResults } from './invoice-results.service';

/**
 * Counter and bank money is invoiced in WeChat Pay's WITHOUT_WECHATPAY scene: the resident fills the title on
 * WeChat Pay's title page first (the fake's page is filled through the mock-mode dev endpoint, as the H5 build
 * does), and each fapiao application carries at most 5 invoices (docs/domain.md#invoices).
 */
describe('e-invoices of counter and bank payments, and the 5 invoices of an application', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  const ask = (p: Payer, body: object) => t.http().post('/api/my/invoices').set('Authorization', p.auth).send(body);
  const mine = async (p: Payer): Promise<InvoiceView[]> =>
    (await t.http().get('/api/my/invoices').set('Authorization', p.auth).expect(200)).body;
  const fillTitle = (p: Payer, fapiaoApplyId: string, title: object) =>
    t.http().post('/api/dev/wechat-pay/fapiao-title').set('Authorization', p.auth).send({ fapiaoApplyId, title });

  /** A resident whose October bill was paid in cash at the counter: the payment's id and order number. */
  async function paidAtCounter(identity: string, accountNo: string, receiptNo: string) {
    const p = await payer(t, identity, accountNo);
    const bill = await unpaidBill(t, p);
    await t
      .http()
      .post('/api/staff/payments/counter')
      .set('Authorization', await login(t, 'agent1'))
      .send({ billId: bill.id, method: 'cash', receiptNo, amountFen: bill.amountFen })
      .expect(201);
    const orderNo = `R${receiptNo}`;
    return { p, orderNo, paymentId: (await orderByNo(t, orderNo)).id, amountFen: bill.amountFen };
  }

  it('a counter payment is invoiced once the resident filled the title on WeChat Pay’s page, with that title', async () => {
    const { p, orderNo, paymentId, amountFen } = await paidAtCounter('offline-invoice', '9100000019', 'CASH-9015');
    const fake = fakeWechatPay(t);
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({ id: paymentId, method: 'cash', invoice: null, invoiceable: true }),
    ]);

    const asked = await ask(p, { paymentId });
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({
      paymentId,
      status: 'issuing',
      awaitingTitle: true,
      titleLink: { miniprogramAppid: expect.any(String), miniprogramPath: expect.stringContaining(orderNo) },
    });
    expect(fake.fapiaoTitleApplications()).toContainEqual(
      expect.objectContaining({ fapiaoApplyId: orderNo, totalFen: amountFen, source: 'MINIPROGRAM', title: null }),
    );
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({ invoice: { id: asked.body.id, status: 'issuing', awaitingTitle: true } }),
    ]);
    // Nothing is asked of WeChat Pay before the title; the fake, like WeChat Pay, refuses it anyway.
    expect(await t.app.get(InvoiceResults).sweep()).toMatchObject({ titled: 0, submitted: 0 });
    await expect(
      t.app.get(FapiaoClient).issue({
        scene: 'WITHOUT_WECHATPAY',
        fapiaoApplyId: orderNo,
        fapiaoId: 'FEARLY0001',
        buyer: { type: 'INDIVIDUAL', name: '张三' },
        totalFen: amountFen,
        lines: [{ taxCode: '1100301010000000000', goodsName: '燃气费', totalFen: amountFen, taxRate: 900 }],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST' });

    // Asked again (the link lasts 30 minutes): the same invoice, a fresh link for the same application.
    const again = await ask(p, { paymentId });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: asked.body.id, awaitingTitle: true, titleLink: expect.any(Object) });

    const filled = { type: 'ORGANIZATION', name: '某某餐饮有限公司', taxpayer_id: TAX_NO };
    await fillTitle(p, orderNo, filled).expect(200);
    await fake.idle();
    expect(await mine(p)).toEqual([
      expect.objectContaining({
        id: asked.body.id,
        status: 'issued',
        awaitingTitle: false,
        titleKind: 'company',
        titleName: '某某餐饮有限公司',
        taxNo: TAX_NO,
        amountFen,
        inCardWallet: true,
      }),
    ]);
    expect(fake.fapiaos().filter((f) => f.fapiaoApplyId === orderNo)).toEqual([
      expect.objectContaining({ status: 'ISSUED', buyer: filled, totalFen: amountFen }),
    ]);
    expect(fake.deliveries.filter((d) => d.fapiaoApplyId === orderNo).map((d) => `${d.eventType} ${d.status}`)).toEqual(
      ['FAPIAO.USER_APPLIED 204', 'FAPIAO.ISSUED 204'],
    );
    const third = await ask(p, { paymentId });
    expect(third.status).toBe(200);
    expect(third.body.titleLink).toBeUndefined();
  });

  it('a resident not bound to the account gets 404; a WeChat Pay payment still needs its title in the request', async () => {
    const { paymentId, orderNo } = await paidAtCounter('offline-owner', '9100000016', 'CASH-9016');
    const stranger = await payer(t, 'offline-stranger', '9100000017');
    expectRefused(await ask(stranger, { paymentId }), 404, ErrorCode.NotFound);
    // The title page of someone else's application cannot be filled either.
    expectRefused(await fillTitle(stranger, orderNo, { type: 'INDIVIDUAL', name: '李四' }), 404, ErrorCode.NotFound);

    const bill = await unpaidBill(t, stranger);
    const order = await pay(t, stranger, bill.id);
    await fakeWechatPay(t).pay({ outTradeNo: order.orderNo });
    const wechatPaymentId = (await orderByNo(t, order.orderNo)).id;
    expectRefused(await ask(stranger, { paymentId: wechatPaymentId }), 400, ErrorCode.ValidationFailed);
    expect((await ask(stranger, personal(wechatPaymentId))).status).toBe(201);
  });

  it('an application carries at most 5 invoices: the fifth reissue is refused (409) and nothing is reversed', async () => {
    const p = await payer(t, 'invoice-five', '9100000018');
    const fake = fakeWechatPay(t);
    const order = await pay(t, p, (await unpaidBill(t, p)).id);
    await fake.pay({ outTradeNo: order.orderNo });
    const transactionId = (await orderByNo(t, order.orderNo)).transactionId!;
    let current = (await ask(p, personal((await orderByNo(t, order.orderNo)).id, '名字1'))).body as InvoiceView;
    await fake.idle();
    for (let n = 2; n <= 5; n++) {
      const reissued = await t
        .http()
        .post(`/api/my/invoices/${current.id}/reissue`)
        .set('Authorization', p.auth)
        .send({ title: { kind: 'personal', name: `名字${n}` } });
      expect(reissued.status).toBe(201);
      current = reissued.body;
      await fake.idle();
    }
    expect((await mine(p)).map((i) => `${i.titleName} ${i.status}`)).toEqual([
      '名字5 issued',
      '名字4 reversed',
      '名字3 reversed',
      '名字2 reversed',
      '名字1 reversed',
    ]);

    const sixth = await t
      .http()
      .post(`/api/my/invoices/${current.id}/reissue`)
      .set('Authorization', p.auth)
      .send({ title: { kind: 'personal', name: '名字6' } });
    expectRefused(sixth, 409, ErrorCode.InvoiceLimitReached);
    expect(sixth.body.message).toContain('5张');
    await fake.idle();
    expect((await mine(p))[0]).toMatchObject({ id: current.id, status: 'issued', replacedById: null });
    expect(
      fake
        .fapiaos()
        .filter((f) => f.fapiaoApplyId === transactionId)
        .map((f) => f.status),
    ).toEqual(['REVERSED', 'REVERSED', 'REVERSED', 'REVERSED', 'ISSUED']);

    // WeChat Pay's own limit, which its fake keeps too: with the fifth reversed, a sixth is still refused.
    const fifth = fake.fapiaos().find((f) => f.fapiaoApplyId === transactionId && f.status === 'ISSUED')!;
    const client = t.app.get(FapiaoClient);
    await client.reverse(transactionId, 'ISSUE_ERROR', {
      fapiaoId: fifth.fapiaoId,
      number: fifth.blue!.number,
      code: fifth.blue!.code,
    });
    await fake.idle();
    await expect(
      client.issue({
        scene: 'WITH_WECHATPAY',
        fapiaoApplyId: transactionId,
        fapiaoId: 'FSIXTH0001',
        buyer: { type: 'INDIVIDUAL', name: '名字6' },
        totalFen: fifth.totalFen,
        lines: [{ taxCode: '1100301010000000000', goodsName: '燃气费', totalFen: fifth.totalFen, taxRate: 900 }],
      }),
    ).rejects.toMatchObject({ status: 400, code: 'INVALID_REQUEST', message: expect.stringContaining('最多申请5张') });
  });
});
