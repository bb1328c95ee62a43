import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  currentPage,
  deskLogin,
  eventually,
  fullPageScreenshot,
  pageSettled,
  staffLogin,
  step,
} from '../support/browser';
import { useJourney } from '../support/journey';
import { api, staffToken } from '../support/server-process';

/** Demo account 9100000001 (东城供热站, the east district agent1 answers for). */
const ACCOUNT = '9100000001';

/** The id of the element that has the keyboard's focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

/**
 * 客户查询 at a desk (1280×800): an agent finds a caller by phone and by 户号 and opens the account's whole
 * history from the keyboard; the intake's 户号 lookup links to it; a page under 其他 (消息通知, 修改密码) renders
 * in the desk shell; and on a phone the same search is a simple page under the staff home.
 */
describe('browser', () => {
  const journey = useJourney();

  it('desk 客户查询: by phone and by 户号, the history by keyboard; 其他 pages in the desk shell', async () => {
    const base = journey.server.url;
    const agentToken = await staffToken(base, 'agent1');
    const revealed = await api(
      base,
      'POST',
      `/api/admin/accounts/${ACCOUNT}/reveal-phone`,
      await staffToken(base, 'admin'),
    );
    expect(revealed.status).toBe(200);
    const phone = revealed.body.phone as string;
    const history = await api(base, 'GET', `/api/staff/accounts/${ACCOUNT}/history`, agentToken);
    const account = history.body.account as { holderName: string; address: string };
    const filed = await api(
      base,
      'POST',
      '/api/tickets',
      agentToken,
      {
        channel: 'phone',
        type: 'repair',
        accountNo: ACCOUNT,
        address: account.address,
        contactName: '林女士',
        contactPhone: phone,
        description: '客厅暖气片不热',
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(filed.status).toBe(201);
    const ticketNo = filed.body.no as string;

    const agent = await journey.desk();
    await step(agent, 'agent-desk-customers', async () => {
      const { page } = agent;
      await deskLogin(page, 'agent1');
      await page.locator('#desk-nav-customers').focus();
      await page.keyboard.press('Enter');
      await eventually(async () => expect(await focused(page)).toBe('desk-customer-q'));

      // By phone, typed as a caller says it: Enter searches, ↓ reaches the account, Enter opens its history.
      await page.keyboard.type(`${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}`);
      await page.keyboard.press('Enter');
      await page.locator(`#desk-customer-account-${ACCOUNT}`).waitFor();
      expect(await page.locator(`#desk-customer-ticket-${ticketNo}`).count()).toBe(1);
      await page.keyboard.press('ArrowDown');
      expect(await focused(page)).toBe(`desk-customer-account-${ACCOUNT}`);
      await page.keyboard.press('Enter');
      const title = page.locator('#desk-history-title');
      await eventually(async () => expect(await title.innerText()).toBe(`户号 ${ACCOUNT} · ${account.holderName}`));
      expect(await page.locator('#desk-history-open').innerText()).toContain(ticketNo);
      for (const part of ['past', 'bills', 'payments', 'hazards', 'inspections', 'ratings', 'visits'])
        await page.locator(`#desk-history-${part}`).waitFor();
      expect(await page.locator('#desk-history-bills h3').innerText()).toMatch(/^账单 \d+$/);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'desk-customers.png'));

      // By 户号: ↑ back to the box, a new search, Tab to the submit button and on to the results.
      await page.keyboard.press('ArrowUp');
      expect(await focused(page)).toBe('desk-customer-q');
      await page.keyboard.press('Control+A');
      await page.keyboard.type(ACCOUNT);
      await page.keyboard.press('Enter');
      await eventually(async () =>
        expect(await page.locator('#desk-customer-results').innerText()).toContain('按户号'),
      );
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe(`desk-customer-account-${ACCOUNT}`);
      await page.keyboard.press('Enter');
      await eventually(async () => expect(await title.innerText()).toBe(`户号 ${ACCOUNT} · ${account.holderName}`));

      // Intake's 户号 lookup links to the same history.
      await page.locator('#desk-nav-intake').click();
      await page.locator('#desk-intake-accountNo').fill(ACCOUNT);
      await page.locator('#desk-account-history').click();
      await eventually(async () => expect(await title.innerText()).toBe(`户号 ${ACCOUNT} · ${account.holderName}`));
      expect(await page.locator('#desk-nav-customers').getAttribute('class')).toContain('desk-nav__item--active');
    });

    await step(agent, 'agent-desk-notifications', async () => {
      const { page } = agent;
      await page.locator('#desk-nav-notifications').click();
      await page.waitForURL(/#\/staff\/notifications\/index/);
      await pageSettled(page);
      const current = currentPage(page);
      const frame = current.locator('#desk-page-notifications');
      await frame.waitFor();
      // Once the page has slid in: the navigation left of the page.
      await eventually(async () => {
        const nav = (await current.locator('#desk-nav').boundingBox())!;
        const box = (await frame.boundingBox())!;
        expect(nav.x).toBe(0);
        expect(nav.x + nav.width).toBeLessThanOrEqual(box.x);
      });
      const pageTitle = current.locator('#desk-page-title');
      expect(await pageTitle.innerText()).toBe('消息通知');
      expect(await pageTitle.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await current.locator('#desk-nav-notifications').getAttribute('aria-current')).toBe('page');

      // 修改密码: its buttons are as wide as their words, not the phone's full-width bars.
      await current.locator('#desk-nav-password').click();
      await page.waitForURL(/#\/staff\/password\/index/);
      await pageSettled(page);
      const password = currentPage(page).locator('#desk-page-password');
      await password.waitFor();
      const button = (await password.locator('#password-submit').boundingBox())!;
      expect(button.width).toBeLessThan((await password.boundingBox())!.width / 2);
      // At a desk's scale: the button's words as large as the labels above them (16 px on a phone's scale).
      expect(
        await password.locator('#password-submit').evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
      ).toBe(32);
      await pageSettled(page);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'desk-password.png'));
    });

    // On a phone: 客户查询 under the staff home, the history on choosing the account.
    const phoneAgent = await journey.phone();
    await step(phoneAgent, 'agent-phone-customers', async () => {
      const { page } = phoneAgent;
      await staffLogin(page, 'agent1');
      await page.locator('#customers-entry').click();
      await pageSettled(page);
      const current = currentPage(page);
      await current.locator('#customer-q input').fill(ACCOUNT);
      await current.locator('#customer-search').click();
      await current.locator(`#customer-account-${ACCOUNT}`).click();
      await eventually(async () =>
        expect(await current.locator('#customer-history-title').innerText()).toBe(
          `户号 ${ACCOUNT} · ${account.holderName}`,
        ),
      );
      expect(await current.locator('#customer-history-open').innerText()).toContain(ticketNo);
    });
  });
});
