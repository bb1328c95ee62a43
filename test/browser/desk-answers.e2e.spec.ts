import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import {
  ARTIFACTS_DIR,
  currentPage,
  deskLogin,
  eventually,
  fullPageScreenshot,
  step,
  switchTab,
} from '../support/browser';
import { openFromList } from '../support/feedback';
import { uploadSignature } from '../support/field-job';
import { useJourney } from '../support/journey';
import { loginAndBind, residentToken } from '../support/resident';
import { api, staffToken } from '../support/server-process';

/** Demo heating account of 东城供热站, in the east district: its billing and business queues are agent1's. */
const HOME = { accountNo: '9100000001', holderName: '王秀英', address: '城东区幸福路11号2单元202室' };
const REPLY = '重复扣款已核实，3个工作日内原路退回';
const DECISION = '同意停热，12月15日起停止供热，请保持室内阀门关闭';

/**
 * The desk at 1280×800 answering what a resident is owed in words: a billing agent records the reply
 * to a 缴费异常 ticket within its working day, and decides a 停热 application (同意办理) with the reason
 * the resident then reads on the request page (docs/domain.md#ticket-types, #clocks).
 */
describe('browser', () => {
  const journey = useJourney();

  it('desk answers: a billing reply and an application decided, the resident reading the decision', async () => {
    const base = journey.server.url;
    const resident = await journey.phone();
    const rp = resident.page;
    const { account } = await step(resident, 'login-bind', () => loginAndBind(rp, 'desk-answers', HOME));

    // Fixtures: the resident's 停热 application with the ID card, and a billing call taken by phone.
    const residentAuth = await residentToken(rp);
    const idCard = await uploadSignature(base, residentAuth);
    const applied = await api(
      base,
      'POST',
      '/api/applications',
      residentAuth,
      {
        kind: 'stop_heating',
        accountId: account.id,
        fields: { applicantName: HOME.holderName, phone: '13812345678', from: '2026-12-15', reason: '长期外出' },
        photoIds: { id_card: [idCard] },
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(applied.status).toBe(201);
    const application = { id: applied.body.ticketId as number, no: applied.body.no as string };
    const agentToken = await staffToken(base, 'agent1');
    const filed = await api(
      base,
      'POST',
      '/api/tickets',
      agentToken,
      {
        channel: 'phone',
        type: 'billing',
        accountNo: HOME.accountNo,
        address: HOME.address,
        contactName: HOME.holderName,
        contactPhone: '13812345678',
        description: '本月燃气费被扣了两次',
      },
      { 'idempotency-key': randomUUID() },
    );
    expect(filed.status).toBe(201);
    const billing = filed.body as { id: number; no: string };

    const agent = await journey.desk();
    const { page } = agent;
    // 1. 答复用户 on the billing ticket, from the queue table's pane.
    await step(agent, 'desk-billing-reply', async () => {
      await deskLogin(page, 'agent1');
      await page.locator('#desk-nav-queue-billing-east').click();
      const table = page.locator('#desk-queue-table');
      await table.locator(`#desk-row-${billing.no}`).click();
      const pane = page.locator('#desk-ticket-pane');
      await eventually(async () => expect(await pane.locator('#desk-ticket-no').innerText()).toBe(billing.no));
      const card = pane.locator('#billing-reply-card');
      expect(await card.locator('#billing-reply-due').innerText()).toMatch(
        /^须于\d{4}-\d{2}-\d{2} \d{2}:\d{2}前答复用户$/,
      );
      await card.locator('#billing-reply textarea').fill(REPLY);
      await card.locator('#billing-reply-send').click();
      await eventually(async () =>
        expect(await card.locator('#billing-reply-due').innerText()).toMatch(/^已于\d{4}-\d{2}-\d{2} \d{2}:\d{2}答复$/),
      );
      expect(await card.locator('#billing-reply-send').count()).toBe(0);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'desk-billing-reply.png'));
    });
    const replied = await api(base, 'GET', `/api/tickets/${billing.id}`, agentToken);
    expect(replied.body.clocks.find((c: { kind: string }) => c.kind === 'first_reply')).toMatchObject({
      stoppedAt: expect.any(String),
      breached: false,
    });
    expect(replied.body.events.map((e: { note: string | null }) => e.note)).toContain(`答复：${REPLY}`);

    // 2. 办理意见 同意办理 on the application: it is resolved.
    await step(agent, 'desk-application-decision', async () => {
      await page.locator('#desk-nav-queue-business-east').click();
      const table = page.locator('#desk-queue-table');
      await table.locator(`#desk-row-${application.no}`).click();
      const pane = page.locator('#desk-ticket-pane');
      await eventually(async () => expect(await pane.locator('#desk-ticket-no').innerText()).toBe(application.no));
      const card = pane.locator('#application-decision');
      // The phone's card at a desk's size, as the pane's own text: its title one line of ordinary type.
      expect((await card.locator('.card__title').boundingBox())!.height).toBeLessThan(32);
      expect(await card.locator('#application-decision-due').innerText()).toMatch(/^须于.+前答复是否办理$/);
      await card.locator('#application-decision-reason textarea').fill(DECISION);
      await fullPageScreenshot(page, join(ARTIFACTS_DIR, 'desk-application-decision.png'));
      await card.locator('#application-approve').click();
      await eventually(async () => expect(await pane.locator('#application-decision').count()).toBe(0));
    });
    const decided = await api(base, 'GET', `/api/tickets/${application.id}`, agentToken);
    expect(decided.body).toMatchObject({ status: 'resolved' });

    // 3. The resident's request page shows the decision and its reason.
    await step(resident, 'resident-reads-decision', async () => {
      await switchTab(rp, '我的报修');
      await openFromList(rp, application.no, application.id);
      const detail = currentPage(rp);
      await eventually(async () =>
        expect(await detail.locator('#request-decision-verdict').innerText()).toBe('同意办理'),
      );
      expect(await detail.locator('#request-decision-reason').innerText()).toBe(DECISION);
    });
  });
});
