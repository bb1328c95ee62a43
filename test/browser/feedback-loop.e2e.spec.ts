import { join } from 'node:path';
import { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR, currentPage, eventually, fullPageScreenshot, goBack, pageSettled, pullDownRefresh, staffLogin, step, switchTab,
} from '../support/browser';
import { queryRows } from '../support/db';
import { useJourney } from '../support/journey';
import { loginAndBind, residentToken } from '../support/resident';
import { api, staffToken } from '../support/server-process';

/** Demo account 9100000001 (东城供热站, east district): its repairs go to tech1's station, its complaints to complaint-east. */
const HOME = { accountNo: '9100000001', holderName: '王秀英', address: '城东区幸福路11号2单元202室' };
const IDENTITY = 'feedback-journey';
const CALL = {
  type: 'repair', accountNo: HOME.accountNo, address: HOME.address, contactName: '王秀英', contactPhone: '13812345678',
  description: '暖气片不热，阀门拧不动', channel: 'phone',
};
const COMPLAINT_QUEUE = 'complaint-east';
const BAD_COMMENT = '师傅来了十分钟就走了，暖气还是不热';
const FIRST_REPLY = '已致电居民致歉，约定明早重新上门检修';

interface Row { id: number; no: string; type: string; status: string; description: string; queueId: number; clocks: { kind: string }[] }

/**
 * Issue 7's journey: a repair is resolved (API fixture: the field steps have their own journey);
 * the resident rates it 不满意 in the miniapp; the complaint this opens is in the complaint queue
 * with its clocks, where the agent finds it in the staff console, answers and resolves it; the
 * agent records the return visit; the resident rates the complaint's resolution 满意.
 */
describe('browser', () => {
  // The planner turns resolutions into return-visit tasks every second instead of every ten.
  const journey = useJourney({ RETURN_VISIT_PLANNER_SECONDS: '1' });

  /** Opens `ticketNo` from 我的报修 (the tab reloads when shown) and waits for its detail. */
  async function openRequest(page: Page, ticketNo: string, id: number): Promise<void> {
    await switchTab(page, '我的报修');
    const row = currentPage(page).locator(`#request-${ticketNo}`);
    await row.waitFor();
    await pageSettled(page);
    await row.click();
    await page.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${id}$`));
    await pageSettled(page);
  }

  /** On a rated ticket's detail: 去评价 → the level (every question follows it) → submit; the server's answer. */
  async function rate(page: Page, ticketId: number, level: string, comment?: string) {
    await currentPage(page).locator('#request-rate').click();
    await page.waitForURL(new RegExp(`#/packages/rating/index\\?id=${ticketId}$`));
    await pageSettled(page);
    const screen = currentPage(page);
    await screen.locator(`#rating-level-${level}`).click();
    for (const q of ['speed', 'attitude', 'quality', 'tidiness']) {
      expect(await screen.locator(`#rating-${q}-${level}`).getAttribute('class')).toContain('level--inherited');
    }
    if (comment) await screen.locator('#rating-comment textarea').fill(comment);
    const answer = page.waitForResponse((r) => r.url().endsWith(`/api/my/tickets/${ticketId}/rating`) && r.request().method() === 'POST');
    await screen.locator('#rating-submit').click();
    const response = await answer;
    expect(response.status()).toBe(201);
    await screen.locator('#rating-thanks').waitFor();
    return response.json() as Promise<{ level: string; resolution: number }>;
  }

  it('feedback loop journey', async () => {
    const base = journey.server.url;

    // 1. The resident binds the home account.
    const resident = await journey.phone();
    const rp = resident.page;
    await step(resident, 'login-bind', () => loginAndBind(rp, IDENTITY, HOME));

    // 2. Fixture: the 24-hour line takes a repair for that account; tech1 works it to resolved.
    const agentToken = await staffToken(base, 'agent1');
    const created = await api(base, 'POST', '/api/tickets', agentToken, CALL);
    expect(created.status).toBe(201);
    const repair = { id: created.body.id as number, no: created.body.no as string };
    const tech = await staffToken(base, 'tech1');
    expect((await api(base, 'POST', `/api/tickets/${repair.id}/claim`, tech)).status).toBe(200);
    for (const to of ['en_route', 'on_site', 'resolved']) {
      expect([to, (await api(base, 'POST', `/api/tickets/${repair.id}/transition`, tech, { to })).status]).toEqual([to, 200]);
    }

    // 3. The resident rates the repair 不满意 from its detail page (待评价).
    const bad = await step(resident, 'rate-dissatisfied', async () => {
      await openRequest(rp, repair.no, repair.id);
      const screen = currentPage(rp);
      expect(await screen.locator('.step-badge').innerText()).toBe('待评价');
      await screen.locator('#request-rate').waitFor();
      const rating = await rate(rp, repair.id, 'dissatisfied', BAD_COMMENT);
      expect(await currentPage(rp).locator('.rating__thanks-title').innerText()).toBe('已收到您的评价');
      expect(await currentPage(rp).locator('#rating-given-level').innerText()).toBe('不满意');
      return rating;
    });
    expect(bad).toMatchObject({ level: 'dissatisfied', resolution: 1 });

    // 4. A complaint linked to the repair is in the complaint queue, with its clocks.
    const queues = (await api(base, 'GET', '/api/queues', agentToken)).body as { id: number; code: string; name: string }[];
    const complaintQueue = queues.find((q) => q.code === COMPLAINT_QUEUE)!;
    expect(complaintQueue).toBeDefined();
    const inQueue = (await api(base, 'GET', `/api/queues/${complaintQueue.id}/tickets`, agentToken)).body as Row[];
    expect(inQueue.map((t) => [t.type, t.description])).toContainEqual(['complaint', `关于工单${repair.no}：居民评价不满意`]);
    const complaint = inQueue.find((t) => t.type === 'complaint' && t.description.includes(repair.no))!;
    expect(complaint).toMatchObject({ status: 'accepted', queueId: complaintQueue.id });
    expect(complaint.clocks.map((c) => c.kind).sort()).toEqual(['first_reply', 'resolve', 'respond']);

    // 5. The agent finds it in the staff console: the queue card, the row with its clocks, the ticket.
    const agent = await journey.phone();
    const ap = agent.page;
    const ticketPage = currentPage(ap);
    await step(agent, 'agent-queue', async () => {
      await staffLogin(ap, 'agent1');
      const card = ap.locator(`#queue-${COMPLAINT_QUEUE}`);
      await eventually(async () => expect(Number(await card.locator('.count__value').first().innerText())).toBeGreaterThanOrEqual(1));
      await card.click();
      const row = currentPage(ap).locator(`#ticket-${complaint.no}`);
      await row.waitFor();
      await pageSettled(ap);
      expect(await row.locator('.ticket-row__type').innerText()).toBe('投诉');
      expect(await row.locator('.clock__label').allInnerTexts()).toEqual(expect.arrayContaining(['响应', '首次答复', '办结']));
      expect(await row.locator('.clock__state').first().innerText()).toMatch(/^剩余/);
      await row.click();
      await ap.waitForURL(new RegExp(`#/staff/ticket/index\\?id=${complaint.id}$`));
      await ticketPage.locator('#complaint-panel').waitFor();
      expect(await ticketPage.locator('.ticket__description').innerText()).toContain(repair.no);
      expect(await ticketPage.locator('#complaint-grade').innerText()).toBe('未定级');
    });

    // 6. The agent takes it, grades it 三级, answers the resident, and resolves it.
    await step(agent, 'agent-resolve', async () => {
      await ticketPage.locator('#ticket-claim').click();
      await ticketPage.locator('#transition-resolved').waitFor();
      await ticketPage.locator('#grade-3').click();
      const graded = ap.waitForResponse((r) => r.url().endsWith(`/api/tickets/${complaint.id}/grade`));
      await ticketPage.locator('#grade-submit').click();
      expect((await graded).status()).toBe(200);
      await eventually(async () => expect(await ticketPage.locator('#complaint-grade').innerText()).toBe('三级投诉'));
      await ticketPage.locator('#first-reply-text textarea').fill(FIRST_REPLY);
      const replied = ap.waitForResponse((r) => r.url().endsWith(`/api/tickets/${complaint.id}/first-reply`));
      await ticketPage.locator('#first-reply-submit').click();
      expect((await replied).status()).toBe(200);
      await ticketPage.locator('#complaint-replied').waitFor();
      const resolved = ap.waitForResponse((r) => r.url().endsWith(`/api/tickets/${complaint.id}/transition`));
      await ticketPage.locator('#transition-resolved').click();
      expect((await resolved).status()).toBe(200);
      await eventually(async () => expect(await ticketPage.locator('.ticket__badges .badge--status').innerText()).toBe('已处理'));
    });

    // 7. The return visit: the task appears in 回访任务 (the planner runs every second); one call, reached, 满意, fixed.
    await step(agent, 'return-visit', async () => {
      await goBack(ap);
      await goBack(ap);
      await ap.waitForURL(/#\/staff\/queues\/index/);
      await currentPage(ap).locator('#return-visits').click();
      await ap.waitForURL(/#\/staff\/visits\/index/);
      const row = currentPage(ap).locator('.visit-row', { hasText: complaint.no });
      await currentPage(ap).locator('#visits-list').waitFor();
      await pageSettled(ap);
      // The planner runs every second: pull the list down until the task is there.
      await eventually(async () => {
        if ((await row.count()) === 0) await pullDownRefresh(ap);
        expect(await row.count()).toBe(1);
      }, 20_000, 1_000);
      await pageSettled(ap);
      expect(await row.locator('.visit-row__type').innerText()).toBe(`投诉 · ${complaint.no}`);
      expect(await row.locator('.clock__label').allInnerTexts()).not.toEqual([]);
      await row.click();
      await ap.waitForURL(/#\/staff\/visit\/index\?id=\d+$/);
      const visit = currentPage(ap);
      await visit.locator('#visit-submit').waitFor();
      await pageSettled(ap);
      await visit.locator('#visit-reached-yes').click();
      await visit.locator('#visit-level-very_satisfied').click();
      await visit.locator('#visit-fixed-yes').click();
      await visit.locator('#visit-note textarea').fill('居民表示师傅已重新上门，暖气恢复正常');
      const recorded = ap.waitForResponse((r) => /\/api\/return-visits\/\d+\/attempts$/.test(r.url()));
      await visit.locator('#visit-submit').click();
      const response = await recorded;
      expect(response.status()).toBe(201);
      expect(await response.json()).toMatchObject({ outcome: 'fixed', attemptsLeft: 0, followUp: null, attempts: [{ attempt: 1, reached: true, level: 'very_satisfied', fixed: true }] });
      expect(await visit.locator('#visit-outcome .card__title').innerText()).toBe('回访完成：问题已解决');
      expect(await visit.locator('#visit-attempt-1 .attempt__result').innerText()).toBe('满意 · 问题已解决');
      expect(await visit.locator('#visit-submit').count()).toBe(0);
    });

    // 8. The resident rates the complaint's resolution 满意.
    await step(resident, 'rate-satisfied', async () => {
      // Rating page → the repair's detail → 我的报修, which reloads when shown.
      await goBack(rp);
      await goBack(rp);
      await rp.waitForURL(/#\/pages\/requests\/index/);
      const row = currentPage(rp).locator(`#request-${complaint.no}`);
      await row.waitFor();
      expect(await row.locator('.request-row__type').innerText()).toBe('投诉');
      await pageSettled(rp);
      await row.click();
      await rp.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${complaint.id}$`));
      await pageSettled(rp);
      await currentPage(rp).locator('#request-rate').waitFor();
      expect(await currentPage(rp).locator('.card__title').first().innerText()).toBe('投诉');
      const rating = await rate(rp, complaint.id, 'very_satisfied');
      expect(rating).toMatchObject({ level: 'very_satisfied', resolution: 1 });
      expect(await currentPage(rp).locator('.rating__thanks-title').innerText()).toBe('感谢您的评价');
    });

    // 9. As stored: one rating of each, the complaint linked to the repair and closed by its visit.
    const ratings = await queryRows<{ ticketId: number; level: string }>(journey.db, 'SELECT ticketId, level FROM rating ORDER BY id');
    expect(ratings).toEqual([{ ticketId: repair.id, level: 'dissatisfied' }, { ticketId: complaint.id, level: 'very_satisfied' }]);
    const feedback = await api(base, 'GET', `/api/tickets/${complaint.id}/feedback`, agentToken);
    expect(feedback.body).toMatchObject({ grade: 3, relatedTicket: { id: repair.id, no: repair.no }, anonymous: false });
    const mine = await api(base, 'GET', `/api/my/tickets/${complaint.id}`, await residentToken(rp));
    expect(mine.body.rating).toMatchObject({ canRate: false, rated: { level: 'very_satisfied' } });

    // 10. The agent who resolved the complaint sees the rating counted under 我的评价.
    await step(agent, 'my-ratings', async () => {
      await goBack(ap);
      await goBack(ap);
      await ap.waitForURL(/#\/staff\/queues\/index/);
      await currentPage(ap).locator('#my-ratings').click();
      await ap.waitForURL(/#\/staff\/ratings\/index/);
      const screen = currentPage(ap);
      await screen.locator('#ratings-count-very_satisfied').waitFor();
      expect(await screen.locator('#ratings-count-very_satisfied .rating-count__value').innerText()).toBe('1');
      expect(await screen.locator('#ratings-rate').innerText()).toBe('满意率 100%（共 1 条）');
      await pageSettled(ap);
      await fullPageScreenshot(rp, join(ARTIFACTS_DIR, 'feedback-journey-final.png'));
    });
  });
});
