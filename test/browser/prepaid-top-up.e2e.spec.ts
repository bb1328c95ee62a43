import { join } from 'node:path';
import { type PrepaidBalanceView, type TopUpResponse, type TopUpView, formatYuan } from '@utility/shared';
import { Response } from 'playwright-core';
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

/** Demo account 9100000051 (server/src/seed/demo-organisation.ts): prepaid, an IoT smart meter, a carried-over balance. */
const ACCOUNT = { accountNo: '9100000051', holderName: '周晓梅', secondFact: '0051' };
const IDENTITY = 'prepaid-journey';
const AMOUNT_FEN = 5_000;

/**
 * A prepaid resident tops up in a real browser against the built server, its H5 build, its fake WeChat Pay and
 * its fake meter vendor: home shows the balance and the days it lasts, 充值 50 元 at the mock cashier, the top-up
 * is 充值成功 and then 已到表 (the vendor confirmed it), and home shows the balance 50 元 higher.
 */
describe('browser', () => {
  // The delivery job every second, so the vendor's confirmation is there within the journey.
  const journey = useJourney({ METER_DELIVERY_SECONDS: '1' });

  it('prepaid top-up journey', async () => {
    const resident = await journey.phone();
    const { page } = resident;
    const screen = () => currentPage(page);
    const topUpAnswers: Response[] = [];
    page.on('response', (r) => {
      if (r.request().method() === 'POST' && /\/api\/accounts\/\d+\/top-ups$/.test(r.url())) topUpAnswers.push(r);
    });

    // 1. Mock WeChat login → 绑定户号 9100000051 → home.
    const { account } = await step(resident, 'login-bind', () => loginAndBind(page, IDENTITY, ACCOUNT));
    const token = await residentToken(page);
    const balanceNow = async () =>
      (await api(journey.server.url, 'GET', `/api/accounts/${account.id}/balance`, token)).body as PrepaidBalanceView;
    const before = await balanceNow();
    expect(before).toMatchObject({ meterKind: 'iot', dailyUseAvg: expect.any(Number), daysLeft: expect.any(Number) });
    expect(before.balanceFen).toBeGreaterThan(0);

    // 2. Home: the prepaid card with the balance, the daily use and the days left, and no arrears banner.
    await step(resident, 'home-balance', async () => {
      const card = screen().locator('#home-prepaid');
      await card.waitFor();
      await pageSettled(page);
      expect(await card.locator('#home-prepaid-balance').innerText()).toBe(formatYuan(before.balanceFen));
      expect(await card.locator('#home-prepaid-use').innerText()).toBe(
        `近日日均用气 ${before.dailyUseAvg!.toFixed(2)} m³，约可用 ${before.daysLeft} 天`,
      );
      expect(await page.locator('#home-arrears').count()).toBe(0);
    });

    // 3. 充值 → the top-up page: the balance, the presets; 50元 → the mock cashier shows ¥50.00 → 确认支付.
    await step(resident, 'top-up-pay', async () => {
      await screen().locator('#home-top-up').click();
      await page.waitForURL(new RegExp(`#/packages/pay/top-up\\?accountId=${account.id}$`));
      await screen().locator('#top-up-balance').waitFor();
      await pageSettled(page);
      expect(await screen().locator('.top-up__balance').innerText()).toBe(formatYuan(before.balanceFen));
      await screen().locator('#top-up-preset-50').click();
      expect(await screen().locator('#top-up-submit').innerText()).toBe(`充值 ${formatYuan(AMOUNT_FEN)}`);
      await screen().locator('#top-up-submit').click();
      expect(await page.locator('#pay-amount').innerText()).toBe(formatYuan(AMOUNT_FEN));
      const cashierAnswer = page.waitForResponse((r) => r.url().endsWith('/api/dev/wechat-pay/pay'));
      await page.locator('#pay-confirm').click();
      expect(((await (await cashierAnswer).json()) as { noticeStatus: number | null }).noticeStatus).toBe(204);
      await screen().locator('#top-up-notice').waitFor();
      expect(await screen().locator('#top-up-notice').innerText()).toMatch(/^(充值成功|已到表)：¥50\.00$/);
    });
    expect(topUpAnswers.map((r) => r.status())).toEqual([201]);
    const created = (await topUpAnswers[0].json()) as TopUpResponse;

    // 4. The vendor confirms: the notice and the list say 已到表, and the balance is 50 元 higher.
    await step(resident, 'delivered', async () => {
      await eventually(
        async () => expect(await screen().locator('#top-up-notice').innerText()).toBe('已到表：¥50.00'),
        20_000,
        250,
      );
      const row = screen().locator(`#top-up-${created.topUpId}`);
      expect(await row.locator('.top-up-row__status').innerText()).toBe('已到表');
      await pageSettled(page);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'prepaid-top-up-final.png'));
    });
    const after = await balanceNow();
    expect(after.balanceFen).toBe(before.balanceFen + AMOUNT_FEN);

    // 5. Back home: the card shows the new balance.
    await step(resident, 'home-after', async () => {
      await goBack(page);
      await page.waitForURL(/#\/pages\/index\/index/);
      await eventually(async () =>
        expect(await screen().locator('#home-prepaid-balance').innerText()).toBe(formatYuan(after.balanceFen)),
      );
    });

    // 6. The server: one top-up, delivered; its one WeChat order paid, no bill touched.
    const list = (await api(journey.server.url, 'GET', `/api/accounts/${account.id}/top-ups`, token))
      .body as TopUpView[];
    expect(list).toEqual([
      expect.objectContaining({
        id: created.topUpId,
        amountFen: AMOUNT_FEN,
        status: 'delivered',
        statusLabel: '已到表',
      }),
    ]);
    const orders = await queryRows<{ orderNo: string; status: string; billId: number | null }>(
      journey.db,
      'SELECT orderNo, status, billId FROM payment_order WHERE topUpId = ?',
      [created.topUpId],
    );
    expect(orders).toEqual([{ orderNo: created.orderNo, status: 'paid', billId: null }]);
    expect(resident.problems.filter((p) => p.startsWith('pageerror') || p.startsWith('HTTP '))).toEqual([]);
  });
});
