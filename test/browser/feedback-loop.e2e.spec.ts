import { join } from 'node:path';
import {
  ARTIFACTS_DIR,
  currentPage,
  fullPageScreenshot,
  goBack,
  pageSettled,
  staffLogin,
  step,
  switchTab,
} from '../support/browser';
import { queryRows } from '../support/db';
import { agentResolvesComplaint, agentVisits, openFromList, rateFromDetail } from '../support/feedback';
import { useJourney } from '../support/journey';
import { loginAndBind, residentToken } from '../support/resident';
import { api, staffToken } from '../support/server-process';
import { workToResolved } from '../support/field-job';

/** Demo account 9100000001 (东城供热站, east district): its repairs go to tech1's station, its complaints to complaint-east. */
const HOME = { accountNo: '9100000001', holderName: '王秀英', address: '城东区幸福路11号2单元202室' };
const CALL = {
  type: 'repair',
  accountNo: HOME.accountNo,
  address: HOME.address,
  contactName: '王秀英',
  contactPhone: '13812345678',
  description: '暖气片不热，阀门拧不动',
  channel: 'phone',
};
const COMPLAINT_QUEUE = 'complaint-east';

interface Row {
  id: number;
  no: string;
  type: string;
  status: string;
  description: string;
  queueId: number;
  clocks: { kind: string }[];
}

/**
 * Issue 7's journey: a repair is resolved (API fixture: the field steps have their own journey);
 * the resident rates it 不满意 in the miniapp; the complaint this opens is in the complaint queue
 * with its clocks, where the agent finds it in the staff console, answers and resolves it; the
 * agent records the return visit; the resident rates the complaint's resolution 满意.
 */
describe('browser', () => {
  // The planner turns resolutions into return-visit tasks every second instead of every ten.
  const journey = useJourney({ RETURN_VISIT_PLANNER_SECONDS: '1' });

  it('feedback loop journey', async () => {
    const base = journey.server.url;

    // 1. The resident binds the home account.
    const resident = await journey.phone();
    const rp = resident.page;
    await step(resident, 'login-bind', () => loginAndBind(rp, 'feedback-journey', HOME));

    // 2. Fixture: the 24-hour line takes a repair for that account; tech1 works it to resolved.
    const agentToken = await staffToken(base, 'agent1');
    const created = await api(base, 'POST', '/api/tickets', agentToken, CALL);
    expect(created.status).toBe(201);
    const repair = { id: created.body.id as number, no: created.body.no as string };
    const tech = await staffToken(base, 'tech1');
    expect((await api(base, 'POST', `/api/tickets/${repair.id}/claim`, tech)).status).toBe(200);
    await workToResolved(base, tech, repair.id);

    // 3. The resident rates the repair 不满意 from its detail page (待评价).
    const bad = await step(resident, 'rate-dissatisfied', async () => {
      await switchTab(rp, '我的报修');
      await openFromList(rp, repair.no, repair.id);
      expect(await currentPage(rp).locator('.step-badge').innerText()).toBe('待评价');
      const rating = await rateFromDetail(rp, repair.id, 'dissatisfied', '师傅来了十分钟就走了，暖气还是不热');
      expect(await currentPage(rp).locator('.rating__thanks-title').innerText()).toBe('已收到您的评价');
      expect(await currentPage(rp).locator('#rating-given-level').innerText()).toBe('不满意');
      return rating;
    });
    expect(bad).toMatchObject({ level: 'dissatisfied', resolution: 1 });

    // 4. A complaint linked to the repair is in the complaint queue, with its clocks.
    const queues = (await api(base, 'GET', '/api/queues', agentToken)).body as { id: number; code: string }[];
    const complaintQueue = queues.find((q) => q.code === COMPLAINT_QUEUE)!;
    expect(complaintQueue).toBeDefined();
    const inQueue = (await api(base, 'GET', `/api/queues/${complaintQueue.id}/tickets`, agentToken)).body as Row[];
    expect(inQueue.map((t) => [t.type, t.description])).toContainEqual([
      'complaint',
      `关于工单${repair.no}：居民评价不满意`,
    ]);
    const complaint = inQueue.find((t) => t.type === 'complaint' && t.description.includes(repair.no))!;
    expect(complaint).toMatchObject({ status: 'submitted', queueId: complaintQueue.id });
    expect(complaint.clocks.map((c) => c.kind)).toEqual(['respond', 'first_reply', 'resolve']);

    // 5. The agent finds it in the staff console (queue card, row with its clocks), takes it,
    // grades it, answers the resident and resolves it.
    const agent = await journey.phone();
    const ap = agent.page;
    await step(agent, 'agent-resolves', async () => {
      await staffLogin(ap, 'agent1');
      await agentResolvesComplaint(ap, COMPLAINT_QUEUE, complaint, '已致电居民致歉，约定明早重新上门检修');
      expect(await currentPage(ap).locator('.ticket__description').innerText()).toContain(repair.no);
    });

    // 6. The return visit of the complaint: one call, reached, 满意, fixed.
    await step(agent, 'return-visit', () => agentVisits(ap, complaint.no, '居民表示师傅已重新上门，暖气恢复正常'));

    // 7. The resident rates the complaint's resolution 满意 (rating page → repair detail → 我的报修).
    await step(resident, 'rate-satisfied', async () => {
      await goBack(rp);
      await goBack(rp);
      await rp.waitForURL(/#\/pages\/requests\/index/);
      await openFromList(rp, complaint.no, complaint.id);
      expect(await currentPage(rp).locator('.card__title').first().innerText()).toBe('投诉');
      const rating = await rateFromDetail(rp, complaint.id, 'very_satisfied');
      expect(rating).toMatchObject({ level: 'very_satisfied', resolution: 1 });
      expect(await currentPage(rp).locator('.rating__thanks-title').innerText()).toBe('感谢您的评价');
    });

    // 8. As stored: one rating of each; the complaint linked to the repair; the resident may not rate it twice.
    const ratings = await queryRows<{ ticketId: number; level: string }>(
      journey.db,
      'SELECT ticketId, level FROM rating ORDER BY id',
    );
    expect(ratings).toEqual([
      { ticketId: repair.id, level: 'dissatisfied' },
      { ticketId: complaint.id, level: 'very_satisfied' },
    ]);
    const feedback = await api(base, 'GET', `/api/tickets/${complaint.id}/feedback`, agentToken);
    expect(feedback.body).toMatchObject({
      grade: 3,
      relatedTicket: { id: repair.id, no: repair.no },
      anonymous: false,
    });
    const mine = await api(base, 'GET', `/api/my/tickets/${complaint.id}`, await residentToken(rp));
    expect(mine.body.rating).toMatchObject({ canRate: false, rated: { level: 'very_satisfied' } });

    // 9. The agent who resolved the complaint finds the rating counted under 我的评价.
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
      await pageSettled(rp);
      await fullPageScreenshot(rp, join(ARTIFACTS_DIR, 'feedback-journey-final.png'));
    });
  });
});
