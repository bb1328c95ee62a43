import { ErrorCode, TicketType, shanghaiDate } from '@utility/shared';
import { DataSource } from 'typeorm';
import { expectRefused, login } from '../testing/api-fixtures';
import {
  fakeWechatPay,
  orderByNo,
  pay,
  payer,
  postNotice,
  receipts,
  startPaymentsTestApp,
  successResource,
  unpaidBill,
} from '../testing/payment-fixtures';
import { countRows } from '../testing/resident-fixtures';
import { TestApp } from '../testing/test-app';
import { Ticket } from '../tickets/ticket.entity';
import { ReconciliationMismatch } from './reconciliation-mismatch.entity';
import { ReconciliationService } from './reconciliation.service';

/** The day's payments against WeChat Pay's trade bill: each mismatch becomes one billing ticket, once. */
describe('daily reconciliation', () => {
  let t: TestApp;
  beforeAll(async () => (t = await startPaymentsTestApp()));
  afterAll(() => t.close());

  const control = async (path: string, body: unknown) => {
    const res = await fetch(`${fakeWechatPay(t).url}/__mock/${path}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    expect(res.status).toBeLessThan(300);
  };

  /** A bill paid through WeChat Pay (cashier, notice, credit); returns its order number. */
  async function paidThroughWechat(identity: string, accountNo: string) {
    const p = await payer(t, identity, accountNo);
    const bill = await unpaidBill(t, p);
    const { orderNo } = await pay(t, p, bill.id);
    expect((await fakeWechatPay(t).pay({ outTradeNo: orderNo })).delivery?.status).toBe(204);
    const [receipt] = await receipts(t, p);
    return { orderNo, amountFen: bill.amountFen, paidAt: receipt.paidAt! };
  }

  it('opens exactly one billing ticket per mismatch (WeChat-only payment, amounts differ, ours only), and none on a second run', async () => {
    const matching = await paidThroughWechat('recon-ok', '9100000023');
    const differs = await paidThroughWechat('recon-amount', '9100000024');
    await control('bill-amount', { outTradeNo: differs.orderNo, amountFen: differs.amountFen + 100 });
    const extra = 'W20261123EXTRA00000000001';
    await control('bill-extra', { outTradeNo: extra, amountFen: 12_345 });
    // Ours only: a payment we credited from a correctly signed notice that WeChat Pay's bill does not show.
    const p = await payer(t, 'recon-ours', '9100000026');
    const bill = await unpaidBill(t, p);
    const ours = await orderByNo(t, (await pay(t, p, bill.id)).orderNo);
    expect(
      (
        await postNotice(
          t,
          fakeWechatPay(t).signNotice({ eventType: 'TRANSACTION.SUCCESS', resource: successResource(t, ours) }),
        )
      ).status,
    ).toBe(204);
    const date = shanghaiDate(new Date(matching.paidAt));
    const ticketsBefore = await countRows(t, 'ticket', { type: TicketType.Billing });

    const res = await t
      .http()
      .post('/api/admin/reconciliations')
      .set('Authorization', await login(t, 'supervisor1'))
      .send({ date });

    expect(res.status).toBe(200);
    const expected = [
      {
        outTradeNo: differs.orderNo,
        kind: 'amount_differs',
        oursFen: differs.amountFen,
        wechatFen: differs.amountFen + 100,
      },
      { outTradeNo: extra, kind: 'missing_locally', oursFen: null, wechatFen: 12_345 },
      { outTradeNo: ours.orderNo, kind: 'missing_at_wechat', oursFen: bill.amountFen, wechatFen: null },
    ];
    const byNo = (a: { outTradeNo: string }, b: { outTradeNo: string }) => a.outTradeNo.localeCompare(b.outTradeNo);
    expect([...res.body].sort(byNo)).toEqual([...expected].sort(byNo));
    expect(await countRows(t, 'ticket', { type: TicketType.Billing })).toBe(ticketsBefore + 3);
    const mismatches = await t.app
      .get(DataSource)
      .getRepository(ReconciliationMismatch)
      .find({ order: { id: 'ASC' } });
    expect(mismatches).toHaveLength(3);
    const tickets = await t.app.get(DataSource).getRepository(Ticket).findBy({ type: TicketType.Billing });
    for (const m of mismatches) {
      const ticket = tickets.find((tk) => tk.id === m.ticketId);
      expect(ticket?.description).toContain(m.outTradeNo);
      expect(ticket?.description).toContain(date);
    }
    // A payment nobody can place has no account; ours name the account that paid.
    expect(
      tickets.find((tk) => tk.id === mismatches.find((m) => m.outTradeNo === extra)!.ticketId)?.accountNo,
    ).toBeNull();
    expect(
      tickets.find((tk) => tk.id === mismatches.find((m) => m.outTradeNo === differs.orderNo)!.ticketId)?.accountNo,
    ).toBe('9100000024');
    expect(
      tickets.find((tk) => tk.id === mismatches.find((m) => m.outTradeNo === ours.orderNo)!.ticketId)?.accountNo,
    ).toBe('9100000026');
    expect(mismatches.some((m) => m.outTradeNo === matching.orderNo)).toBe(false);

    // The same day again (by the daily job's service, or by a supervisor): the same findings, no new ticket.
    const again = await t.app.get(ReconciliationService).reconcile(date);
    expect([...again].sort(byNo)).toEqual([...expected].sort(byNo));
    const twice = await t
      .http()
      .post('/api/admin/reconciliations')
      .set('Authorization', await login(t, 'supervisor1'))
      .send({ date });
    expect(twice.status).toBe(200);
    expect(await countRows(t, 'ticket', { type: TicketType.Billing })).toBe(ticketsBefore + 3);
    expect(await countRows(t, 'reconciliation_mismatch')).toBe(3);
  });

  it('only a supervisor may reconcile: an agent is refused with 403 and no ticket is opened', async () => {
    const before = { tickets: await countRows(t, 'ticket'), mismatches: await countRows(t, 'reconciliation_mismatch') };
    const res = await t
      .http()
      .post('/api/admin/reconciliations')
      .set('Authorization', await login(t, 'agent1'))
      .send({ date: shanghaiDate(new Date()) });
    expectRefused(res, 403, ErrorCode.Forbidden);
    expectRefused(
      await t
        .http()
        .post('/api/admin/reconciliations')
        .set('Authorization', await login(t, 'supervisor1'))
        .send({ date: '2026-02-30' }),
      400,
      ErrorCode.ValidationFailed,
    );
    expect({
      tickets: await countRows(t, 'ticket'),
      mismatches: await countRows(t, 'reconciliation_mismatch'),
    }).toEqual(before);
  });

  it('refuses a day whose trade bill does not exist yet (tomorrow, the far future, NO_STATEMENT_EXIST) with 422 and opens no ticket', async () => {
    const before = { tickets: await countRows(t, 'ticket'), mismatches: await countRows(t, 'reconciliation_mismatch') };
    const supervisor = await login(t, 'supervisor1');
    const reconcile = (date: string) =>
      t.http().post('/api/admin/reconciliations').set('Authorization', supervisor).send({ date });
    expectRefused(await reconcile(shanghaiDate(new Date(Date.now() + 86_400_000))), 422, ErrorCode.TradeBillNotReady);
    expectRefused(await reconcile('2027-07-18'), 422, ErrorCode.TradeBillNotReady);
    // Beyond next year is no date the product reasons about (docs/domain.md: date bounds).
    expectRefused(await reconcile('7813-07-18'), 400, ErrorCode.ValidationFailed);
    // Yesterday, before WeChat Pay has published it.
    fakeWechatPay(t).failNext(1, { status: 400, code: 'NO_STATEMENT_EXIST', message: '账单文件不存在' });
    expectRefused(await reconcile(shanghaiDate(new Date(Date.now() - 86_400_000))), 422, ErrorCode.TradeBillNotReady);
    expect({
      tickets: await countRows(t, 'ticket'),
      mismatches: await countRows(t, 'reconciliation_mismatch'),
    }).toEqual(before);
  });
});
