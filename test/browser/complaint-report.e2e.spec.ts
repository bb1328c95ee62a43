import { join } from 'node:path';
import {
  ARTIFACTS_DIR,
  currentPage,
  eventually,
  fullPageScreenshot,
  goBack,
  pageSettled,
  staffLogin,
  step,
  switchTab,
} from '../support/browser';
import { agentResolvesComplaint, agentVisits, openFromList, rateFromDetail } from '../support/feedback';
import { useJourney } from '../support/journey';
import { addPhoto, smallJpeg } from '../support/photos';
import { loginAndBind } from '../support/resident';
import { api, staffToken } from '../support/server-process';
import { workToResolved } from '../support/field-job';

const HOME = { accountNo: '9100000001', holderName: '王秀英', address: '城东区幸福路11号2单元202室' };
const CALL = {
  type: 'repair',
  accountNo: HOME.accountNo,
  address: HOME.address,
  contactName: '王秀英',
  contactPhone: '13812345678',
  description: '燃气表不走字',
  channel: 'phone',
};
const COMPLAINT = '师傅上门态度很差，没有检查就说修好了';
const REPORT = '抄表员收取现金不开收据，要求私下转账';

/**
 * Issue 7's other resident paths in the H5 app: a complaint about a resolved repair through the
 * 我要投诉 form (with a photo), worked by the agent, visited, and rated 满意; then an anonymous
 * report that the supervisors receive without anything that says who sent it.
 */
describe('browser', () => {
  const journey = useJourney({ RETURN_VISIT_PLANNER_SECONDS: '1' });

  it('complaint and anonymous report journey', async () => {
    const base = journey.server.url;
    const resident = await journey.phone();
    const rp = resident.page;
    await step(resident, 'login-bind', () => loginAndBind(rp, 'complaint-journey', HOME));

    // Fixture: a repair on the account, resolved by tech1.
    const created = await api(base, 'POST', '/api/tickets', await staffToken(base, 'agent1'), CALL);
    expect(created.status).toBe(201);
    const repair = { id: created.body.id as number, no: created.body.no as string };
    const tech = await staffToken(base, 'tech1');
    expect((await api(base, 'POST', `/api/tickets/${repair.id}/claim`, tech)).status).toBe(200);
    await workToResolved(base, tech, repair.id);

    // 1. From the repair's detail: 我要投诉, about that ticket, with a photo.
    const filed = await step(resident, 'complain', async () => {
      await switchTab(rp, '我的报修');
      await openFromList(rp, repair.no, repair.id);
      await currentPage(rp).locator('#request-complain').click();
      await rp.waitForURL(new RegExp(`#/packages/complaint/index\\?ticketId=${repair.id}$`));
      await pageSettled(rp);
      const form = currentPage(rp);
      await eventually(async () =>
        expect(await form.locator('#complaint-about .complaint__about').innerText()).toBe(`一般报修 · ${repair.no}`),
      );
      await form.locator('#complaint-text textarea').fill(COMPLAINT);
      const photo = await addPhoto(rp, form.locator('#complaint-photo'), await smallJpeg('#aa3322'), 'meter.jpg');
      await eventually(async () =>
        expect((await form.locator('#complaint-photo-count').innerText()).trim()).toBe('1/6'),
      );
      const answer = rp.waitForResponse((r) => r.url().endsWith('/api/complaints'));
      await form.locator('#complaint-submit').click();
      const response = await answer;
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({
        ticketId: repair.id,
        text: COMPLAINT,
        photoIds: [photo.id],
      });
      expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      const body = (await response.json()) as { ticketId: number; no: string };
      await form.locator('#filed').waitFor();
      expect(await form.locator('#filed-no').innerText()).toBe(`投诉 · 工单号 ${body.no}`);
      expect(await form.locator('#filed-due').innerText()).toMatch(/^我们将在 \d{4}-\d{2}-\d{2} \d{2}:\d{2} 前答复您$/);
      return { id: body.ticketId, no: body.no };
    });

    // 2. The agent works it in the staff console and records its return visit.
    const agent = await journey.phone();
    const ap = agent.page;
    await step(agent, 'agent-resolves', async () => {
      await staffLogin(ap, 'agent1');
      await agentResolvesComplaint(ap, 'complaint-east', filed, '已向居民致歉，安排班长复查');
      expect(await currentPage(ap).locator('.ticket__description').innerText()).toBe(
        `关于工单${repair.no}：${COMPLAINT}`,
      );
    });
    await step(agent, 'return-visit', () => agentVisits(ap, filed.no, '居民认可处理结果'));

    // 3. The resident follows the complaint to 待评价 and rates it 满意 (form → repair detail → list).
    await step(resident, 'rate-complaint', async () => {
      await currentPage(rp).locator('#filed-view').click();
      await rp.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${filed.id}$`));
      await pageSettled(rp);
      await currentPage(rp).locator('#request-rate').waitFor();
      expect(await rateFromDetail(rp, filed.id, 'very_satisfied')).toMatchObject({
        level: 'very_satisfied',
        resolution: 1,
      });
    });

    // 4. An anonymous report from 我的 → 举报 (anonymous is the default, and explained).
    const report = await step(resident, 'report', async () => {
      // Rating → complaint detail → repair detail → 我的报修 (the tab bar shows on tab pages only).
      await goBack(rp);
      await goBack(rp);
      await goBack(rp);
      await rp.waitForURL(/#\/pages\/requests\/index/);
      await switchTab(rp, '我的');
      await currentPage(rp).locator('#me-report').click();
      await rp.waitForURL(/#\/packages\/complaint\/report$/);
      await pageSettled(rp);
      const form = currentPage(rp);
      expect(await form.locator('#report-anonymous-explain').innerText()).toContain(
        '处理举报的工作人员看不到您的微信、手机号和户号',
      );
      await form.locator('#report-text textarea').fill(REPORT);
      const answer = rp.waitForResponse((r) => r.url().endsWith('/api/misconduct-reports'));
      await form.locator('#report-submit').click();
      const response = await answer;
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ text: REPORT, anonymous: true });
      await form.locator('#filed').waitFor();
      expect(await form.locator('#filed').innerText()).toContain('本举报为匿名举报，处理人员看不到您的身份。');
      return (await response.json()) as { ticketId: number; no: string };
    });

    // 5. A supervisor opens it from the company-wide report queue: flagged anonymous, no name, phone or account.
    const supervisor = await journey.phone();
    const sp = supervisor.page;
    await step(supervisor, 'supervisor-report', async () => {
      await staffLogin(sp, 'supervisor1');
      await sp.locator('#queue-report-all').click();
      const row = currentPage(sp).locator(`#ticket-${report.no}`);
      await row.waitFor();
      await pageSettled(sp);
      await row.click();
      await sp.waitForURL(new RegExp(`#/staff/ticket/index\\?id=${report.ticketId}$`));
      const ticket = currentPage(sp);
      await ticket.locator('#complaint-anonymous').waitFor();
      const text = await ticket.innerText();
      expect(text).toContain(REPORT);
      for (const secret of [HOME.accountNo, HOME.holderName, HOME.address]) expect(text).not.toContain(secret);
      expect(await ticket.locator('#grade-1').count()).toBe(0);
      await fullPageScreenshot(sp, join(ARTIFACTS_DIR, 'report-journey-supervisor.png'));
    });
  });
});
