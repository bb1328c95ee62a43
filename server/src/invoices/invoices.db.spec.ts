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
import { countRows } from '../testing/resident-fixtures';
import { TAX_NO, personal } from '../testing/invoice-fixtures';
import { TestApp } from '../testing/test-app';
import { InvoiceResults } from './invoice-results.service';

/**
 * E-invoices through the fake WeChat Pay's fapiao APIs: it accepts with 202, issues (or reverses) a moment later
 * and posts FAPIAO.* notices, signed and encrypted, to the app's real notify endpoint.
 */
describe('e-invoices of payments (docs/domain.md#invoices)', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  /** A resident who paid their October bill through WeChat Pay, notice and all: the payment's id. */
  async function paid(identity: string, accountNo: string): Promise<{ p: Payer; paymentId: number; orderNo: string }> {
    const p = await payer(t, identity, accountNo);
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    expect((await fakeWechatPay(t).pay({ outTradeNo: orderNo })).delivery?.status).toBe(204);
    return { p, paymentId: (await orderByNo(t, orderNo)).id, orderNo };
  }
  const ask = (p: Payer, body: object) => t.http().post('/api/my/invoices').set('Authorization', p.auth).send(body);
  const reissue = (p: Payer, id: number, body: object) =>
    t.http().post(`/api/my/invoices/${id}/reissue`).set('Authorization', p.auth).send(body);
  const mine = async (p: Payer): Promise<InvoiceView[]> =>
    (await t.http().get('/api/my/invoices').set('Authorization', p.auth).expect(200)).body;
  const fapiaosOf = (orderTransactionId: string) =>
    fakeWechatPay(t)
      .fapiaos()
      .filter((f) => f.fapiaoApplyId === orderTransactionId);

  it('is issued once into the card wallet under duplicate requests and duplicate notices, and shown on the payment record', async () => {
    const { p, paymentId, orderNo } = await paid('invoice-once', '9100000004');
    const fake = fakeWechatPay(t);
    const transactionId = (await orderByNo(t, orderNo)).transactionId!;
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({ id: paymentId, invoice: null, invoiceable: true }),
    ]);

    const [a, b] = await Promise.all([ask(p, personal(paymentId)), ask(p, personal(paymentId))]);
    expect([a.status, b.status].sort()).toEqual([200, 201]);
    expect(a.body.id).toBe(b.body.id);
    const created = [a, b].find((r) => r.status === 201)!;
    expect(created.body).toMatchObject({
      paymentId,
      status: 'issuing',
      titleKind: 'personal',
      titleName: '张三',
      taxNo: null,
    });
    await fake.idle();

    const [invoice] = await mine(p);
    expect(invoice).toMatchObject({
      id: a.body.id,
      status: 'issued',
      subject: '燃气费 2026-10',
      fapiaoNumber: expect.stringMatching(/^\d{8}$/),
      inCardWallet: true,
      issuedAt: expect.any(String),
    });
    expect(fapiaosOf(transactionId)).toEqual([
      expect.objectContaining({
        status: 'ISSUED',
        buyer: { type: 'INDIVIDUAL', name: '张三' },
        totalFen: invoice.amountFen,
      }),
    ]);
    expect(fake.fapiaoCardTemplates()).toHaveLength(1);
    expect(fake.deliveries.filter((d) => d.fapiaoApplyId === transactionId)).toEqual([
      expect.objectContaining({ eventType: 'FAPIAO.ISSUED', status: 204 }),
    ]);
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({
        id: paymentId,
        invoice: { id: invoice.id, status: 'issued', awaitingTitle: false },
        invoiceable: false,
      }),
    ]);

    // WeChat Pay sends the notice again: accepted, nothing changes.
    expect((await fake.renotifyFapiao(fapiaosOf(transactionId)[0].fapiaoId))?.status).toBe(204);
    expect(await mine(p)).toEqual([invoice]);
    expect(await countRows(t, 'payment_notice', { eventType: 'FAPIAO.ISSUED', outcome: 'duplicate' })).toBe(1);
    // Asking again later answers the same invoice; WeChat Pay is not asked again.
    const again = await ask(p, personal(paymentId, '李四'));
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ id: invoice.id, titleName: '张三' });
    expect(fapiaosOf(transactionId)).toHaveLength(1);
  });

  it('reissue reverses the issued invoice (红冲), then issues one with the corrected title', async () => {
    const { p, paymentId, orderNo } = await paid('invoice-reissue', '9100000006');
    const fake = fakeWechatPay(t);
    const transactionId = (await orderByNo(t, orderNo)).transactionId!;
    const first = await ask(p, { paymentId, title: { kind: 'company', name: '某某燃气用户公司' }, taxNo: TAX_NO });
    expect(first.status).toBe(201);
    await fake.idle();

    const corrected = { title: { kind: 'company', name: '某某科技有限公司' }, taxNo: TAX_NO.toLowerCase() };
    expectRefused(
      await reissue(p, first.body.id, { ...corrected, taxNo: '91350100M000100Y44' }),
      400,
      ErrorCode.ValidationFailed,
    );
    const replaced = await reissue(p, first.body.id, corrected);
    expect(replaced.status).toBe(201);
    expect(replaced.body).toMatchObject({
      status: 'issuing',
      replacesId: first.body.id,
      titleName: '某某科技有限公司',
      taxNo: TAX_NO,
    });
    await fake.idle();

    const invoices = await mine(p);
    expect(invoices).toEqual([
      expect.objectContaining({
        id: replaced.body.id,
        status: 'issued',
        titleName: '某某科技有限公司',
        inCardWallet: true,
      }),
      expect.objectContaining({
        id: first.body.id,
        status: 'reversed',
        replacedById: replaced.body.id,
        reversedAt: expect.any(String),
        inCardWallet: false,
      }),
    ]);
    const [old, renewed] = fapiaosOf(transactionId);
    expect(old).toMatchObject({ status: 'REVERSED', red: expect.any(Object), reverseReason: 'ISSUE_ERROR' });
    expect(renewed).toMatchObject({
      status: 'ISSUED',
      buyer: { type: 'ORGANIZATION', name: '某某科技有限公司', taxpayer_id: TAX_NO },
    });
    // Reversed first, then issued: WeChat Pay (and its fake) refuses a second blue invoice while one is live.
    expect(old.red!.time.getTime()).toBeLessThanOrEqual(renewed.blue!.time.getTime());
    expect(
      fake.deliveries
        .filter((d) => d.fapiaoApplyId === transactionId)
        .map((d) => `${d.eventType} ${d.status}`)
        .sort(),
    ).toEqual(['FAPIAO.ISSUED 204', 'FAPIAO.ISSUED 204', 'FAPIAO.REVERSED 204']);
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({
        id: paymentId,
        invoice: { id: replaced.body.id, status: 'issued', awaitingTitle: false },
      }),
    ]);

    // The same reissue again answers the replacement; the reversal's notice again issues nothing more.
    expect((await reissue(p, first.body.id, corrected)).body.id).toBe(replaced.body.id);
    expect((await fake.renotifyFapiao(old.fapiaoId))?.status).toBe(204);
    await fake.idle();
    expect(fapiaosOf(transactionId)).toHaveLength(2);
    // Another title for the replaced invoice: reissue the current one instead.
    expectRefused(
      await reissue(p, first.body.id, { title: { kind: 'personal', name: '王五' } }),
      409,
      ErrorCode.InvoiceNotReissuable,
    );
  });

  it('a refunded payment has its issued invoice reversed (红冲), once, however often the refund notice comes', async () => {
    const { p, paymentId, orderNo } = await paid('invoice-refund', '9100000007');
    const fake = fakeWechatPay(t);
    const transactionId = (await orderByNo(t, orderNo)).transactionId!;
    const asked = await ask(p, personal(paymentId));
    await fake.idle();
    expect((await mine(p))[0]).toMatchObject({ id: asked.body.id, status: 'issued' });

    const requested = await t
      .http()
      .post('/api/staff/refunds')
      .set('Authorization', await login(t, 'agent1'))
      .send({ orderNo, reason: '重复缴费，核实后退款' })
      .expect(201);
    await t
      .http()
      .post(`/api/staff/refunds/${requested.body.id}/approve`)
      .set('Authorization', await login(t, 'supervisor1'))
      .expect(200);
    await fake.idle();
    // The refund's notice again: recorded once, so the invoice is not asked to be reversed twice.
    expect((await fake.renotifyRefund(requested.body.refundNo)).status).toBe(204);
    await fake.idle();

    expect(await mine(p)).toEqual([
      expect.objectContaining({ id: asked.body.id, status: 'reversed', reversedAt: expect.any(String) }),
    ]);
    expect(fapiaosOf(transactionId)).toEqual([expect.objectContaining({ status: 'REVERSED' })]);
    expect(
      fake.deliveries.filter((d) => d.fapiaoApplyId === transactionId).map((d) => `${d.eventType} ${d.status}`),
    ).toEqual(['FAPIAO.ISSUED 204', 'FAPIAO.REVERSED 204']);
    expect(await receipts(t, p)).toEqual([
      expect.objectContaining({ id: paymentId, status: 'refunded', invoiceable: false }),
    ]);
  });

  it("refuses someone else's payment (404) and a payment not paid or refunded (409), changing nothing", async () => {
    const { paymentId } = await paid('invoice-owner', '9100000008');
    const stranger = await payer(t, 'invoice-stranger', '9100000011');
    const before = fakeWechatPay(t).fapiaos().length;

    expectRefused(await ask(stranger, personal(paymentId)), 404, ErrorCode.NotFound);
    expectRefused(await ask(stranger, personal(999_999)), 404, ErrorCode.NotFound);
    // An order opened but not paid.
    const open = await pay(t, stranger, (await unpaidBill(t, stranger)).id);
    expectRefused(
      await ask(stranger, personal((await orderByNo(t, open.orderNo)).id)),
      409,
      ErrorCode.PaymentNotInvoiceable,
    );
    // A company title needs a valid tax number.
    expectRefused(
      await ask(stranger, { paymentId, title: { kind: 'company', name: '某公司' } }),
      400,
      ErrorCode.ValidationFailed,
    );

    // Refunded: an agent requests, a supervisor approves, WeChat Pay's notice settles it.
    const refunded = await paid('invoice-refunded', '9100000013');
    const requested = await t
      .http()
      .post('/api/staff/refunds')
      .set('Authorization', await login(t, 'agent1'))
      .send({ orderNo: refunded.orderNo, reason: '重复缴费，核实后退款' });
    await t
      .http()
      .post(`/api/staff/refunds/${requested.body.id}/approve`)
      .set('Authorization', await login(t, 'supervisor1'))
      .expect(200);
    await fakeWechatPay(t).idle();
    expect(await orderByNo(t, refunded.orderNo)).toMatchObject({ status: 'refunded' });
    expectRefused(await ask(refunded.p, personal(refunded.paymentId)), 409, ErrorCode.PaymentNotInvoiceable);

    for (const id of [paymentId, refunded.paymentId]) expect(await countRows(t, 'invoice', { paymentId: id })).toBe(0);
    // Like WeChat Pay, the fake takes no e-invoice request without the merchant's signature.
    const unsigned = await fetch(`${fakeWechatPay(t).url}/v3/new-tax-control-fapiao/fapiao-applications`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ scene: 'WITH_WECHATPAY', fapiao_apply_id: '4200000000' }),
    });
    expect({ status: unsigned.status, code: ((await unsigned.json()) as { code: string }).code }).toEqual({
      status: 401,
      code: 'SIGN_ERROR',
    });
    expect(fakeWechatPay(t).fapiaos()).toHaveLength(before);
  });

  it('an invoice WeChat Pay did not accept stays 开票中 and is asked for again by the invoice sweep, once', async () => {
    const { p, paymentId, orderNo } = await paid('invoice-retry', '9100000003');
    const fake = fakeWechatPay(t);
    const transactionId = (await orderByNo(t, orderNo)).transactionId!;
    const sweep = () => t.app.get(InvoiceResults).sweep();
    fake.failNext(1, { status: 500, code: 'SYSTEM_ERROR' });

    const asked = await ask(p, personal(paymentId));
    expect(asked.status).toBe(201);
    expect(asked.body).toMatchObject({ status: 'issuing' });
    await fake.idle();
    expect(fapiaosOf(transactionId)).toEqual([]);

    expect(await sweep()).toMatchObject({ submitted: 1 });
    await fake.idle();
    expect((await mine(p))[0]).toMatchObject({ id: asked.body.id, status: 'issued', inCardWallet: true });
    expect(await sweep()).toMatchObject({ submitted: 0 });
    expect(fapiaosOf(transactionId)).toHaveLength(1);
  });

  it("billing staff list their district's invoices with filters", async () => {
    const east = await paid('invoice-east', '9100000014');
    const west = await paid('invoice-west', '9100000032');
    const eastInvoice = (await ask(east.p, personal(east.paymentId, '赵六'))).body as InvoiceView;
    await ask(west.p, personal(west.paymentId, '钱七')).expect(201);
    await fakeWechatPay(t).idle();
    const agent = await login(t, 'agent1');
    const list = (query: string) => t.http().get(`/api/staff/invoices${query}`).set('Authorization', agent);

    const found = await list('?accountNo=9100000014&status=issued').expect(200);
    expect(found.body).toEqual([
      expect.objectContaining({
        id: eastInvoice.id,
        accountNo: '9100000014',
        orderNo: east.orderNo,
        status: 'issued',
        titleName: '赵六',
      }),
    ]);
    // West is not agent1's district.
    expect((await list('?accountNo=9100000032').expect(200)).body).toEqual([]);
    expect((await list('?status=reversing&accountNo=9100000014').expect(200)).body).toEqual([]);
    expectRefused(await list('?status=lost'), 400, ErrorCode.ValidationFailed);
    await t.http().get('/api/staff/invoices').set('Authorization', east.p.auth).expect(401);
  });
});
