import { join } from 'node:path';
import { type BillView, type PayResponse, type PaymentView, formatHundredths, formatYuan } from '@utility/shared';
import { Locator, Response } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  currentPage,
  eventually,
  fullPageScreenshot,
  goBack,
  pageSettled,
  step,
} from '../support/browser';
import { queryRows } from '../support/db';
import { loginAndBind, residentToken } from '../support/resident';
import { api } from '../support/server-process';
import { useJourney } from '../support/journey';

/** Demo account 9100000001 (server/src/seed/demo-seed.service.ts): an unpaid October 2026 gas bill, due 20 November. */
const ACCOUNT = { accountNo: '9100000001', holderName: '王秀英' };
const PERIOD = '2026-10';
const IDENTITY = 'pay-journey';

/** '2026-10' → '2026年10月', as bills and receipts name their period. */
const periodLabel = (period: string) => `${period.slice(0, 4)}年${Number(period.slice(5))}月`;

/** `YYYY-MM-DD HH:mm` in Shanghai (UTC+8, no daylight saving), as receipts show 支付时间. */
const shanghaiMinute = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** A receipt card's lines as label → value (户号, 账期, 金额, 微信支付交易单号, 商户订单号, 支付时间). */
async function receiptLines(receipt: Locator): Promise<Record<string, string>> {
  const lines = await receipt
    .locator('.receipt__line')
    .evaluateAll((els) =>
      els.map((el) => [
        el.querySelector('.receipt__label')?.textContent?.trim() ?? '',
        el.querySelector('.receipt__value')?.textContent?.trim() ?? '',
      ]),
    );
  return Object.fromEntries(lines);
}

/**
 * Bill payment in a real browser against the built server, its H5 build and its fake WeChat Pay:
 * a resident sees the bill, pays at the mock cashier (cancelling once first), sees it paid with a
 * receipt, and the server holds exactly one order, paid, for the bill.
 */
describe('browser', () => {
  const journey = useJourney();

  it('pay journey', async () => {
    const resident = await journey.phone();
    const { page } = resident;
    const screen = () => currentPage(page);

    // What the page asked the server for an order (each cashier opening) and what the mock cashier's "pay" got back.
    const payAnswers: Response[] = [];
    const cashierAnswers: Response[] = [];
    page.on('response', (r) => {
      if (r.request().method() !== 'POST') return;
      if (/\/api\/bills\/\d+\/pay$/.test(r.url())) payAnswers.push(r);
      if (r.url().endsWith('/api/dev/wechat-pay/pay')) cashierAnswers.push(r);
    });

    // 1. Mock WeChat login → 绑定户号 9100000001 → back on home.
    const { account } = await step(resident, 'login-bind', () => loginAndBind(page, IDENTITY, ACCOUNT));
    const token = await residentToken(page);

    // The seeded bill and arrears as the server tells the resident (not hard-coded: the seed may change).
    const bills = await api(journey.server.url, 'GET', `/api/accounts/${account.id}/bills`, token);
    expect(bills.status).toBe(200);
    const bill = (bills.body as BillView[]).find((b) => b.period === PERIOD)!;
    expect(bill).toMatchObject({
      accountNo: ACCOUNT.accountNo,
      utility: 'gas',
      status: 'unpaid',
      overdue: true,
      paidFen: 0,
      paidAt: null,
    });
    expect(bill.amountFen).toBeGreaterThan(0);
    const arrears = await api(journey.server.url, 'GET', `/api/accounts/${account.id}/arrears`, token);
    expect(arrears.status).toBe(200);
    const amount = formatYuan(bill.amountFen);

    // 2. Home: the arrears banner with the unpaid (and overdue) amount.
    await step(resident, 'home-arrears', async () => {
      const banner = screen().locator('#home-arrears');
      await banner.waitFor();
      await pageSettled(page);
      expect(await banner.locator('#home-arrears-amount').innerText()).toBe(formatYuan(arrears.body.unpaidFen));
      expect(arrears.body.unpaidFen).toBe(bill.amountFen); // the seed's only unpaid bill
      expect(await banner.locator('.arrears__overdue').innerText()).toBe(
        `其中已逾期 ${formatYuan(arrears.body.overdueFen)}`,
      );
    });

    // 3. 去缴费 → the bills: October's, overdue, with its amount and a 缴费 button.
    const row = screen().locator(`#bill-${PERIOD}`);
    await step(resident, 'bills', async () => {
      await screen().locator('#home-arrears-pay').click();
      await page.waitForURL(/#\/packages\/pay\/bills$/);
      await row.waitFor();
      await pageSettled(page);
      expect(await row.getAttribute('class')).toContain('bill-row--overdue');
      expect(await row.locator('.bill-row__period').innerText()).toBe(periodLabel(PERIOD));
      expect(await row.locator('.bill-row__amount').innerText()).toMatch(
        new RegExp(`^${amount.replace('.', '\\.')}\\s*›$`),
      );
      expect(await row.locator('.bill-row__due').innerText()).toBe(`已逾期 · 应于 ${bill.dueOn} 前缴清`);
      expect(await screen().locator(`#bill-pay-${PERIOD}`).isVisible()).toBe(true);
      expect(await screen().locator('#bills-none-unpaid').count()).toBe(0);
    });

    // 4. The bill's detail: 已逾期, one line per tier (quantity × price = amount) adding up to the total.
    await step(resident, 'bill-detail', async () => {
      await screen().locator(`#bill-open-${PERIOD}`).click();
      await page.waitForURL(new RegExp(`#/packages/pay/detail\\?id=${bill.id}$`));
      await screen().locator('#bill-detail-total').waitFor();
      await pageSettled(page);
      expect(await screen().locator('#bill-detail-period').innerText()).toBe(`${periodLabel(PERIOD)}燃气账单`);
      expect(await screen().locator('#bill-detail-status').innerText()).toBe('已逾期');
      expect(await screen().locator('#bill-detail-due').innerText()).toBe(bill.dueOn);
      expect(bill.lines.length).toBeGreaterThanOrEqual(1);
      for (const [i, line] of bill.lines.entries()) {
        expect(line).toMatchObject({ kind: 'gas_tier', tier: i + 1 });
        // The line's own arithmetic (quantity in hundredths of m³, price in fen per m³).
        expect(Math.round((line.quantity * line.unitPriceFen) / 100)).toBe(line.amountFen);
        const shown = screen().locator(`#bill-detail-line-${i + 1}`);
        expect(await shown.locator('.bill-line__name').innerText()).toBe(`第${line.tier}阶梯`);
        expect(await shown.locator('.bill-line__amount').innerText()).toBe(formatYuan(line.amountFen));
        expect(await shown.locator('.bill-line__formula').innerText()).toBe(
          `${formatHundredths(line.quantity)} m³ × ${formatYuan(line.unitPriceFen)}/m³ = ${formatYuan(line.amountFen)}`,
        );
      }
      expect(
        await screen()
          .locator(`#bill-detail-line-${bill.lines.length + 1}`)
          .count(),
      ).toBe(0);
      expect(bill.lines.reduce((n, l) => n + l.amountFen, 0)).toBe(bill.amountFen);
      const total = screen().locator('#bill-detail-total');
      expect(await total.locator('text=合计').count()).toBe(1);
      expect(await total.locator('.bill-lines__total-amount').innerText()).toBe(amount);
      expect(await screen().locator('#bill-detail-pay').innerText()).toBe(`立即缴费 ${amount}`);
    });

    // 5. 立即缴费 → the mock cashier shows the amount → 取消: 已取消支付, the bill is still unpaid.
    await step(resident, 'cashier-cancel', async () => {
      await screen().locator('#bill-detail-pay').click();
      expect(await page.locator('#pay-amount').innerText()).toBe(amount);
      expect(await page.locator('.mock-cashier__merchant').innerText()).toBe('智慧燃气·热力服务');
      await page.locator('#pay-cancel').click();
      await page.locator('.mock-cashier').waitFor({ state: 'detached' });
      await page.getByText('已取消支付').waitFor();
      expect(cashierAnswers).toHaveLength(0);
      expect(await screen().locator('#bill-detail-status').innerText()).toBe('已逾期');
      // The button is usable again once the cancelled attempt is over.
      await screen().locator('#bill-detail-pay:not([disabled])').waitFor();
      expect(page.url()).toMatch(new RegExp(`#/packages/pay/detail\\?id=${bill.id}$`));
      const after = await api(journey.server.url, 'GET', `/api/bills/${bill.id}`, token);
      expect(after.body).toMatchObject({ status: 'unpaid', paidFen: 0 });
    });

    // 6. Back to the list → 缴费 → the cashier again → 确认支付 → 缴费成功.
    const paid = await step(resident, 'cashier-confirm', async () => {
      await goBack(page);
      await page.waitForURL(/#\/packages\/pay\/bills$/);
      await screen().locator(`#bill-pay-${PERIOD}`).click();
      expect(await page.locator('#pay-amount').innerText()).toBe(amount);
      const cashierAnswer = page.waitForResponse((r) => r.url().endsWith('/api/dev/wechat-pay/pay'));
      await page.locator('#pay-confirm').click();
      // The fake WeChat Pay's notice reached the server's notify URL (PORT-derived default) and was accepted.
      const cashier = (await (await cashierAnswer).json()) as {
        outTradeNo: string;
        transactionId: string;
        noticeStatus: number | null;
      };
      expect(cashier.noticeStatus).toBe(204);
      await page.waitForURL(/#\/packages\/pay\/result\?billId=\d+&orderNo=/);
      await screen().locator('#pay-success').waitFor();
      await pageSettled(page);

      // Two cashier openings, one order: the second request reused the first's out_trade_no.
      expect(payAnswers.map((r) => r.status())).toEqual([201, 201]);
      const orders = (await Promise.all(payAnswers.map((r) => r.json()))) as PayResponse[];
      expect(orders).toHaveLength(2);
      expect(orders[1].orderNo).toBe(orders[0].orderNo);
      expect(orders.map((o) => o.amountFen)).toEqual([bill.amountFen, bill.amountFen]);
      expect(cashierAnswers).toHaveLength(1);
      expect(cashier.outTradeNo).toBe(orders[0].orderNo);
      expect(page.url()).toContain(`billId=${bill.id}&orderNo=${encodeURIComponent(cashier.outTradeNo)}`);

      const result = screen().locator('#pay-success');
      expect(await result.locator('.pay-result__title').innerText()).toBe('缴费成功');
      expect(await result.locator('.pay-result__amount').innerText()).toBe(amount);
      expect(await result.innerText()).toContain(`${periodLabel(PERIOD)}账单已缴清`);
      return cashier;
    });

    // 7. The receipt on the result page, with WeChat Pay's transaction id.
    const payments = await api(journey.server.url, 'GET', `/api/payments?accountId=${account.id}`, token);
    expect(payments.status).toBe(200);
    expect(payments.body).toHaveLength(1);
    const [payment] = payments.body as PaymentView[];
    const expectedReceipt = {
      户号: ACCOUNT.accountNo,
      账期: periodLabel(PERIOD),
      金额: amount,
      微信支付交易单号: paid.transactionId,
      商户订单号: paid.outTradeNo,
      支付时间: shanghaiMinute(payment.paidAt!),
      缴费方式: '微信支付',
      // Paid by this resident through WeChat Pay: an e-invoice may be asked for (开发票).
      发票: '未开票',
    };
    await step(resident, 'receipt', async () => {
      const receipt = screen().locator('#pay-receipt');
      await receipt.waitFor();
      expect(await receipt.locator('.card__title').innerText()).toBe('收据');
      expect(await receipt.locator('.badge').innerText()).toBe('已支付');
      expect(await receiptLines(receipt)).toEqual(expectedReceipt);
      expect(paid.transactionId).toMatch(/^\d{20,32}$/);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'pay-journey-final.png'));
    });

    // 8. 查看缴费记录: the same receipt, under its order number.
    await step(resident, 'records', async () => {
      await screen().locator('#pay-records').click();
      await page.waitForURL(new RegExp(`#/packages/pay/records\\?accountId=${account.id}$`));
      const receipt = screen().locator(`#receipt-${paid.outTradeNo}`);
      await receipt.waitFor();
      await pageSettled(page);
      expect(await screen().locator('.receipt').count()).toBe(1);
      expect(await receipt.locator('.badge').innerText()).toBe('已支付');
      expect(await receiptLines(receipt)).toEqual(expectedReceipt);
    });

    // 8b. 开发票: a personal title; WeChat Pay's fake issues it into the card wallet, the record says 已开票.
    await step(resident, 'invoice', async () => {
      await screen().locator(`#invoice-request-${paid.outTradeNo}`).click();
      await page.waitForURL(/#\/packages\/pay\/invoice\?paymentId=\d+$/);
      const form = screen();
      await form.locator('#invoice-name input').fill('张三');
      await form.locator('#invoice-submit').click();
      await form.locator('#invoice-done').waitFor();
      expect(await form.locator('#invoice-done').innerText()).toContain('已提交开票申请');
      await form.locator('#invoice-back').click();
      await page.waitForURL(new RegExp(`#/packages/pay/records\\?accountId=${account.id}$`));
      await pageSettled(page);
      // The record is read again on show; the fake issues within a moment (reload until it has).
      let shown = '';
      for (let i = 0; i < 20 && shown !== '已开票'; i++) {
        if (i) {
          await page.waitForTimeout(250);
          await page.reload();
          await pageSettled(page);
        }
        const line = currentPage(page).locator(`#receipt-invoice-${paid.outTradeNo} .receipt__value`);
        await line.waitFor();
        shown = await line.innerText();
      }
      expect(shown).toBe('已开票');
      expect(await currentPage(page).locator(`#invoice-reissue-${paid.outTradeNo}`).count()).toBe(1);
    });

    // 9. Back: the bills list has nothing left to pay; home has no arrears banner any more.
    await step(resident, 'bills-paid', async () => {
      await goBack(page);
      await page.waitForURL(/#\/packages\/pay\/bills$/);
      await screen().locator('#bills-none-unpaid').waitFor();
      expect(await row.locator('.bill-row__due').innerText()).toBe(`已缴清 · ${shanghaiMinute(payment.paidAt!)}`);
      expect(await screen().locator(`#bill-pay-${PERIOD}`).count()).toBe(0);
    });
    await step(resident, 'home-no-arrears', async () => {
      // Home reloads its arrears when shown: judged once that answer is in, not on what was there before.
      const reloaded = page.waitForResponse((r) => r.url().endsWith(`/api/accounts/${account.id}/arrears`));
      await goBack(page);
      await page.waitForURL(/#\/pages\/index\/index/);
      expect(await (await reloaded).json()).toEqual({ unpaidFen: 0, overdueFen: 0 });
      await screen().locator('#home-account-card').waitFor();
      await eventually(async () => expect(await page.locator('#home-arrears').count()).toBe(0));
      expect(await screen().locator('.account-summary__no').innerText()).toBe(`户号 ${ACCOUNT.accountNo}`);
    });

    // 10. The server: one order for the bill, paid; the bill paid; paying again is refused.
    expect(payments.body).toEqual([
      {
        orderNo: paid.outTradeNo,
        billId: bill.id,
        period: PERIOD,
        accountNo: ACCOUNT.accountNo,
        amountFen: bill.amountFen,
        status: 'paid',
        transactionId: paid.transactionId,
        paidAt: expect.any(String),
        method: 'wechat',
        receiptNo: null,
        id: expect.any(Number),
        // Read before 开发票 (step 7).
        invoice: null,
        invoiceable: true,
      },
    ]);
    const orderRows = await queryRows<{ orderNo: string; status: string }>(
      journey.db,
      'SELECT orderNo, status FROM payment_order WHERE billId = ?',
      [bill.id],
    );
    expect(orderRows).toEqual([{ orderNo: paid.outTradeNo, status: 'paid' }]);
    const after = await api(journey.server.url, 'GET', `/api/bills/${bill.id}`, token);
    expect(after.status).toBe(200);
    expect(after.body).toMatchObject({ status: 'paid', paidFen: bill.amountFen, paidAt: payment.paidAt });
    const again = await api(journey.server.url, 'POST', `/api/bills/${bill.id}/pay`, token, {});
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'BILL_ALREADY_PAID', message: '该账单已缴清，无需重复缴费' });
    const arrearsAfter = await api(journey.server.url, 'GET', `/api/accounts/${account.id}/arrears`, token);
    expect(arrearsAfter.body).toEqual({ unpaidFen: 0, overdueFen: 0 });

    // Nothing broke in the page along the way, and none of its requests was refused (the cancelled
    // payment included). (The browser's own /favicon.ico 404 shows only as a console line.)
    expect(resident.problems.filter((p) => p.startsWith('pageerror') || p.startsWith('HTTP '))).toEqual([]);
  });
});
