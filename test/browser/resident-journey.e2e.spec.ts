import { join } from 'node:path';
import { type NoticeTemplates } from '@utility/shared';
import {
  ARTIFACTS_DIR,
  currentPage,
  eventually,
  fullPageScreenshot,
  goBack,
  pageSettled,
  pullDownRefresh,
  residentLogin,
  step,
  switchTab,
} from '../support/browser';
import { demoPhoneLast4 } from '../support/accounts';
import { queryRows } from '../support/db';
import { bindAccount } from '../support/resident';
import { api, staffToken } from '../support/server-process';
import { useJourney } from '../support/journey';
import { workToResolved } from '../support/field-job';

/** Demo accounts (server/src/seed/demo-organisation.ts): 9100000002 belongs to 东湖营业所 (east-hall). */
const HOME = { accountNo: '9100000001', holderName: '王秀英', label: '家', address: '城东区幸福路11号2单元202室' };
const PARENTS = {
  accountNo: '9100000002',
  holderName: '李建华',
  label: '父母家',
  address: '城东区和平街12号3单元303室',
};
const QUEUE_NAME = '东湖营业所报修';
const IDENTITY = 'resident-journey';
const CALL = {
  type: 'repair',
  accountNo: PARENTS.accountNo,
  address: PARENTS.address,
  contactName: '李建华',
  contactPhone: '13912345678',
  description: '厨房燃气灶打不着火，闻到轻微异味已关阀',
  channel: 'phone',
};

interface SentMessage {
  touser: string;
  templateId: string;
  page?: string;
  data: Record<string, { value: string }>;
  at: string;
}

/** `YYYY-MM-DD HH:mm` in Shanghai, as the notices' time4 carries it. */
function shanghaiMinute(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The resident side in a real browser against the built server and its H5 build: a resident
 * logs in through the mock WeChat, binds two accounts, makes the second the default, finds the
 * repair an agent took on the phone for it, subscribes to two of the three notices, follows the
 * ticket to resolved, and the fake WeChat receives exactly the consented notices.
 */
describe('browser', () => {
  // Notices are planned and sent every second, so the fake's inbox settles quickly.
  const journey = useJourney({ NOTICE_WORKER_SECONDS: '1' });

  it('resident journey', async () => {
    const resident = await journey.phone();
    const { page } = resident;
    const screen = () => currentPage(page);

    // 1. Home → 微信登录 → mock WeChat login → 同意并继续: back on home, nothing bound yet.
    const login = await step(resident, 'login', async () => {
      const answer = await residentLogin(page, IDENTITY);
      expect(answer.resident.privacyConsentedAt).toBeNull();
      await pageSettled(page);
      expect(await screen().locator('#home-account-card .card__title').innerText()).toBe('还没有绑定户号');
      return answer;
    });

    // 2. 绑定户号: a wrong holder name is refused in the server's words; then both accounts.
    const bind = async (account: typeof HOME) => {
      await page.locator(`#bind-label-${account.label}`).click();
      const bound = await bindAccount(page, account);
      expect(bound.find((a) => a.accountNo === account.accountNo)).toMatchObject({
        label: account.label,
        address: account.address,
      });
      const card = page.locator(`#account-${account.accountNo}`);
      expect(await card.locator('.account-card__line').first().innerText()).toBe(`户主 ${account.holderName[0]}**`);
      expect(await card.locator('.account-card__line.muted').innerText()).toBe(account.address);
      expect(await card.locator('.badge', { hasText: account.label }).count()).toBe(1);
      // The form is cleared for the next one.
      expect(await page.locator('#bind-accountNo input').inputValue()).toBe('');
    };
    await step(resident, 'bind-mismatch', async () => {
      await screen().locator('#home-bind-account').click();
      await page.waitForURL(/#\/packages\/account\/index/);
      await page.locator('#bind-accountNo input').fill(HOME.accountNo);
      await page.locator('#bind-holderName input').fill('王秀兰');
      await page.locator('#bind-secondFact input').fill(demoPhoneLast4(HOME.accountNo));
      await page.locator('#bind-submit').click();
      expect(await page.locator('#bind-error').innerText()).toBe('户号、户主姓名或核验信息不匹配，请核对后重试');
      expect(await page.locator('.account-card').count()).toBe(0);
    });
    await step(resident, 'bind-two', async () => {
      await bind(HOME);
      expect(await page.locator('#bind-error').count()).toBe(0);
      await bind(PARENTS);
      // The first bound account is the default until the resident picks another.
      expect(await page.locator(`#account-${HOME.accountNo} .badge--default`).count()).toBe(1);
      expect(await page.locator(`#account-${PARENTS.accountNo} .badge--default`).count()).toBe(0);
    });
    await step(resident, 'set-default', async () => {
      await page.locator(`#account-default-${PARENTS.accountNo}`).click();
      await page.locator(`#account-${PARENTS.accountNo} .badge--default`).waitFor();
      await page.locator(`#account-default-${HOME.accountNo}`).waitFor();
      await page.locator(`#account-default-${PARENTS.accountNo}`).waitFor({ state: 'detached' });
      expect(await page.locator(`#account-${HOME.accountNo} .badge--default`).count()).toBe(0);
      // Back on home, the card shows the new default.
      await goBack(page);
      await page.waitForURL(/#\/pages\/index\/index/);
      const card = screen().locator('#home-account-card');
      await eventually(async () =>
        expect(await card.locator('.account-summary__no').innerText()).toBe(`户号 ${PARENTS.accountNo}`),
      );
      expect(await card.locator('.account-summary__tags').innerText()).toContain(PARENTS.label);
      expect(await card.locator('.account-summary__line').first().innerText()).toBe('户主 李**');
      expect(await card.locator('.account-summary__line.muted').innerText()).toBe(PARENTS.address);
    });

    // 3. An agent takes the resident's call on the 24-hour line for the default account.
    const agent = await staffToken(journey.server.url, 'agent1');
    const created = await api(journey.server.url, 'POST', '/api/tickets', agent, CALL);
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      status: 'accepted',
      channel: 'phone',
      accountNo: PARENTS.accountNo,
      queueName: QUEUE_NAME,
      assigneeId: null,
    });
    const ticket = { id: created.body.id as number, no: created.body.no as string };

    const templates = (await api(journey.server.url, 'GET', '/api/notice-templates')).body as NoticeTemplates;
    // Every kind of notice has its own template, so the fake's inbox tells them apart.
    expect(new Set(Object.values(templates)).size).toBe(Object.keys(templates).length);

    await step(resident, 'my-requests', async () => {
      await switchTab(page, '我的报修');
      const row = screen().locator(`#request-${ticket.no}`);
      await row.waitFor();
      await pageSettled(page);
      expect(await row.locator('.request-row__type').innerText()).toBe('一般报修');
      expect(await row.locator('.step-badge').innerText()).toBe('已受理');
      expect(await row.locator('.request-row__line').first().innerText()).toBe(PARENTS.address);
      await row.click();
      await page.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${ticket.id}$`));
      await screen().locator('#request-no').waitFor();
      expect(await screen().locator('#request-no').innerText()).toContain(ticket.no);
      expect(await screen().locator('.resident-timeline-item__label').allInnerTexts()).toEqual(['已提交', '已受理']);
      expect(await screen().locator('#request-technician').count()).toBe(0);
    });

    await step(resident, 'subscribe', async () => {
      // Enabled once the template ids are in (the consent sheet must open straight from the tap).
      await page.locator('#subscribe-notices:not([disabled])').click();
      const accepted = page.locator('#subscribe-template-accepted');
      await accepted.waitFor();
      await accepted.uncheck();
      expect(await page.locator('#subscribe-template-progress').isChecked()).toBe(true);
      expect(await page.locator('#subscribe-template-resolved').isChecked()).toBe(true);
      const answer = page.waitForResponse((r) => r.url().endsWith(`/api/my/tickets/${ticket.id}/subscriptions`));
      await page.locator('#subscribe-confirm').click();
      const response = await answer;
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({
        templateIds: [templates.progress, templates.resolved],
      });
      await page.getByText('已订阅进度通知').waitFor();
      await page.locator('.mock-sheet').waitFor({ state: 'detached' });
    });

    // 4. The station's technician claims it and works it to resolved.
    const tech = await staffToken(journey.server.url, 'tech2');
    const claimed = await api(journey.server.url, 'POST', `/api/tickets/${ticket.id}/claim`, tech);
    expect(claimed.status).toBe(200);
    expect(claimed.body).toMatchObject({ status: 'assigned', assigneeName: '刘师傅' });

    await step(resident, 'dispatched', async () => {
      // Re-opened from the list: both pages load afresh when shown.
      await goBack(page);
      await page.waitForURL(/#\/pages\/requests\/index/);
      const row = screen().locator(`#request-${ticket.no}`);
      await eventually(async () => expect(await row.locator('.step-badge').innerText()).toBe('已派单'));
      await row.click();
      await page.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${ticket.id}$`));
      await eventually(async () =>
        expect(await screen().locator('.resident-timeline-item__label').allInnerTexts()).toEqual([
          '已提交',
          '已受理',
          '已派单',
        ]),
      );
      expect(await screen().locator('#request-technician').innerText()).toMatch(/^上门师傅：刘师傅/);
    });

    // On the way, on site, and resolved with the resident's signature on the technician's phone.
    await workToResolved(journey.server.url, tech, ticket.id);

    await step(resident, 'resolved', async () => {
      // Pulled down on the open page.
      await pageSettled(page);
      await pullDownRefresh(page);
      const items = screen().locator('.resident-timeline-item');
      await eventually(async () =>
        expect(await items.locator('.resident-timeline-item__label').allInnerTexts()).toEqual([
          '已提交',
          '已受理',
          '已派单',
          '师傅在路上',
          '已到达',
          '已完成',
        ]),
      );
      expect(await screen().locator('.resident-timeline-item--now .resident-timeline-item__label').innerText()).toBe(
        '已完成',
      );
      expect(await screen().locator('.step-badge').innerText()).toBe('待评价');
      expect(await screen().locator('#request-technician').innerText()).toMatch(/^上门师傅：刘师傅/);
      // Nothing is left to be told about.
      expect(await screen().locator('#subscribe-notices').count()).toBe(0);
    });

    // 5. The fake WeChat got exactly the consented notices: 已派单 (the one progress consent) and 已完成.
    // The openid the server stored at login (no API shows it): the fake WeChat must have written to it.
    const [{ openid }] = await queryRows<{ openid: string }>(journey.db, 'SELECT openid FROM resident WHERE id = ?', [
      login.resident.id,
    ]);
    expect(openid).toMatch(/^o[\w-]{27}$/);
    const inbox = async () => {
      const res = await api(journey.server.url, 'GET', '/api/dev/wechat-messages');
      expect(res.status).toBe(200);
      return res.body as SentMessage[];
    };
    const events = (await api(journey.server.url, 'GET', `/api/tickets/${ticket.id}`, tech)).body.events as {
      kind: string;
      toStatus: string | null;
      at: string;
    }[];
    const at = (kind: string, toStatus: string | null) =>
      events.find((e) => e.kind === kind && e.toStatus === toStatus)!.at;
    const notice = (templateId: string, phrase: string, eventAt: string) => ({
      touser: openid,
      templateId,
      page: `packages/requests/detail?id=${ticket.id}`,
      data: {
        character_string1: { value: ticket.no },
        thing2: { value: '一般报修' },
        phrase3: { value: phrase },
        time4: { value: shanghaiMinute(eventAt) },
      },
    });
    const expected = [
      notice(templates.progress, '已派单', at('claimed', 'assigned')),
      notice(templates.resolved, '已完成', at('transition', 'resolved')),
    ];
    const sent = await step(resident, 'notices', () =>
      eventually(
        async () => {
          const messages = await inbox();
          expect(messages).toHaveLength(2);
          expect(messages).toEqual(expected.map((m) => expect.objectContaining(m)));
          return messages;
        },
        15_000,
        250,
      ),
    );
    expect(sent.some((m) => m.templateId === templates.accepted)).toBe(false);
    // Several more worker runs: nothing else arrives (师傅在路上 and 已到达 had no consent left).
    await new Promise((r) => setTimeout(r, 3500));
    expect(await inbox()).toEqual(sent);

    // 6. The resolved request, kept for people to look at.
    await step(resident, 'final-screenshot', async () => {
      await pageSettled(page);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'resident-journey-final.png'));
    });
  });
});
