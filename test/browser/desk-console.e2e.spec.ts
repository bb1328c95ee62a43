import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { ARTIFACTS_DIR, deskLogin, eventually, fullPageScreenshot, step } from '../support/browser';
import { useJourney } from '../support/journey';
import { api, staffToken } from '../support/server-process';

/** Demo account 9100000001 belongs to 东城供热站 (east-heat): repairs go to its station queue. */
const ACCOUNT = '9100000001';
const QUEUE_CODE = 'repair-east-heat';
const CALLER = { contactName: '林女士', contactPhone: '13812345678', description: '客厅暖气片不热，阀门处有渗水' };

async function fileTicket(base: string, token: string, body: Record<string, unknown>) {
  const res = await api(
    base,
    'POST',
    '/api/tickets',
    token,
    { channel: 'phone', ...body },
    {
      'idempotency-key': randomUUID(),
    },
  );
  if (res.status !== 201 && res.status !== 200)
    throw new Error(`create ticket: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { id: number; no: string; queueId: number };
}

/** The id of the element that has the keyboard's focus. */
const focused = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

async function columnTexts(table: Locator, column: string): Promise<string[]> {
  return table.locator(`tbody td.${column}`).allInnerTexts();
}

/**
 * The desk console at 1280×800: an agent takes a call from the keyboard alone, the 户号 bringing
 * the account's facts and history; a dispatcher works the queue as a table and assigns a
 * technician, seeing each one's load and shift.
 */
describe('browser', () => {
  const journey = useJourney();

  it('desk console: keyboard intake with the 户号 lookup, and the dispatcher working the queue table', async () => {
    const base = journey.server.url;
    const agentToken = await staffToken(base, 'agent1');
    const history = await api(base, 'GET', `/api/staff/accounts/${ACCOUNT}/history`, agentToken);
    expect(history.status).toBe(200);
    const account = history.body.account as { address: string; holderName: string; districtName: string };
    // An open ticket on the account, which intake must show the agent.
    const earlier = await fileTicket(base, agentToken, {
      type: 'repair',
      accountNo: ACCOUNT,
      address: account.address,
      ...CALLER,
      description: '上周报修：卫生间暖气不热',
    });

    // 1. Agent at a desk: 电话受理 by keyboard only.
    const agent = await journey.desk();
    const filedNo = await step(agent, 'agent-desk-intake', async () => {
      const { page } = agent;
      await deskLogin(page, 'agent1');
      await page.locator('#desk-nav-intake').focus();
      await page.keyboard.press('Enter');
      await page.locator('#desk-intake-form').waitFor();
      // The 户号 has the focus as the form opens.
      await eventually(async () => expect(await focused(page)).toBe('desk-intake-accountNo'));
      await page.keyboard.type(ACCOUNT);
      const card = page.locator('#desk-account');
      await card.waitFor();
      // Holder (masked), utility and district, and the call's address filled from the account.
      const holder = await page.locator('#desk-account-holder').inputValue();
      expect(holder).toBe(account.holderName);
      expect(holder).toContain('*');
      expect(await page.locator('#desk-account-utility').inputValue()).toContain(account.districtName);
      expect(await page.locator('#desk-intake-address').inputValue()).toBe(account.address);
      // The account's open tickets, arrears and hazards beside the form.
      expect(await page.locator('#desk-account-tickets').innerText()).toContain(earlier.no);
      expect(await page.locator('#desk-account-arrears').innerText()).toMatch(/^(未缴 ¥[\d,]+\.\d\d.*|无欠费)$/);
      await page.locator('#desk-account-hazards').waitFor({ state: 'attached' });

      // Tab order: 户号 → 工单类型 → 联系人 → 联系电话 → 地址 → 问题描述.
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('desk-intake-type');
      // A native select: the arrow keys choose (请选择 → 燃气泄漏 → 一般报修).
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('ArrowDown');
      expect(await page.locator('#desk-intake-type').inputValue()).toBe('repair');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('desk-intake-contactName');
      await page.keyboard.type(CALLER.contactName);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('desk-intake-contactPhone');
      await page.keyboard.type(CALLER.contactPhone);
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('desk-intake-address');
      await page.keyboard.press('Tab');
      expect(await focused(page)).toBe('desk-intake-description');
      await page.keyboard.type(CALLER.description);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'desk-intake.png'));
      // Enter files it.
      await page.keyboard.press('Enter');
      const filed = page.locator('#desk-intake-filed-no');
      await filed.waitFor();
      // Ready for the next call: the form is empty and the 户号 has the focus again.
      expect(await page.locator('#desk-intake-accountNo').inputValue()).toBe('');
      expect(await focused(page)).toBe('desk-intake-accountNo');
      return (await filed.innerText()).trim();
    });

    const dispatcherToken = await staffToken(base, 'dispatcher1');
    const search = await api(base, 'GET', `/api/staff/accounts/${ACCOUNT}/history`, dispatcherToken);
    const filedTicket = (search.body.openTickets as { no: string; id: number }[]).find((t) => t.no === filedNo);
    expect(filedTicket).toBeDefined();
    const created = await api(base, 'GET', `/api/tickets/${filedTicket!.id}`, dispatcherToken);
    expect(created.body).toMatchObject({
      type: 'repair',
      channel: 'phone',
      accountNo: ACCOUNT,
      address: account.address,
      contactName: CALLER.contactName,
      description: CALLER.description,
      assigneeId: null,
    });

    // A third ticket with a long address: a title is never cut at desk width.
    const longAddress = `${account.address}（小区北门进，沿消防通道走到底左转，地下车库入口旁的独栋配套用房二层东侧）`;
    const long = await fileTicket(base, agentToken, {
      type: 'repair',
      accountNo: ACCOUNT,
      address: longAddress,
      ...CALLER,
    });

    // 2. Dispatcher at a desk: the station's repair queue as a table.
    const dispatcher = await journey.desk();
    await step(dispatcher, 'dispatcher-desk-queue', async () => {
      const { page } = dispatcher;
      await deskLogin(page, 'dispatcher1');
      await page.locator(`#desk-nav-queue-${QUEUE_CODE}`).click();
      const table = page.locator('#desk-queue-table');
      for (const no of [earlier.no, filedNo, long.no]) await table.locator(`#desk-row-${no}`).waitFor();
      // The navigation sits left of the table.
      const nav = (await page.locator('#desk-nav').boundingBox())!;
      const tableBox = (await table.boundingBox())!;
      expect(nav.x + nav.width).toBeLessThanOrEqual(tableBox.x);
      // Each clock's time left, in the row.
      expect(await table.locator(`#desk-row-${filedNo} td.col-due`).innerText()).toMatch(/办结 剩余/);

      // Sort by number: up, then down.
      const byNo = table.locator('th button[data-sort="no"]');
      await byNo.click();
      const up = await columnTexts(table, 'col-no');
      expect(up).toEqual([...up].sort());
      await byNo.click();
      const down = await columnTexts(table, 'col-no');
      expect(down).toEqual([...up].reverse());
      expect(await table.locator('th.col-no').getAttribute('aria-sort')).toBe('descending');

      // A row opens its ticket beside the list.
      await table.locator(`#desk-row-${long.no}`).click();
      const pane = page.locator('#desk-ticket-pane');
      await eventually(async () => expect(await pane.locator('#desk-ticket-no').innerText()).toBe(long.no));
      const paneBox = (await pane.boundingBox())!;
      const listBox = (await table.boundingBox())!;
      expect(paneBox.x).toBeGreaterThanOrEqual(listBox.x + listBox.width);
      const title = pane.locator('#desk-ticket-title');
      expect(await title.innerText()).toBe(`一般报修 · ${longAddress}`);
      expect(await title.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
      expect(await table.locator(`#desk-row-${long.no} td.col-address`).innerText()).toBe(longAddress);

      // Assigning: technicians with load and shift; the dispatcher is not offered himself.
      await page.locator(`#desk-row-${filedNo}`).click();
      await eventually(async () => expect(await pane.locator('#desk-ticket-no').innerText()).toBe(filedNo));
      const assign = pane.locator('#desk-assign');
      await assign.waitFor();
      const people = await assign.locator('tbody tr').allInnerTexts();
      expect(people.join('\n')).not.toContain('李建国');
      const tech1 = assign.locator('tbody tr', { hasText: '张师傅' });
      expect(await tech1.locator('.desk-shift').innerText()).toMatch(
        /^(当班至 \d\d-\d\d \d\d:\d\d|下一班 \d\d-\d\d \d\d:\d\d 起|24小时内无排班)$/,
      );
      const load = async () => Number((await tech1.locator('.desk-load__text').innerText()).split('/')[0].trim());
      const before = await load();
      expect(await tech1.locator('.desk-load__text').innerText()).toMatch(/^\d+ \/ 5$/);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'desk-queue.png'));
      await tech1.click();
      await pane.locator('#desk-assign-note').fill('离得最近');
      await pane.locator('#desk-assign-submit').click();
      await eventually(async () => expect(await pane.locator('#desk-ticket-assignee').innerText()).toBe('张师傅'));
      await eventually(async () =>
        expect(await table.locator(`#desk-row-${filedNo} td.col-assignee`).innerText()).toBe('张师傅'),
      );
      await eventually(async () => expect(await load()).toBe(before + 1));
    });
    const assigned = await api(base, 'GET', `/api/tickets/${filedTicket!.id}`, dispatcherToken);
    expect(assigned.body).toMatchObject({ status: 'assigned', assigneeName: '张师傅' });
    expect(assigned.body.events.at(-1)).toMatchObject({ kind: 'assigned', actorName: '李建国', note: '离得最近' });
  });
});
