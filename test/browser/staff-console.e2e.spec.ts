import { join } from 'node:path';
import {
  ARTIFACTS_DIR,
  currentPage,
  eventually,
  fullPageScreenshot,
  goBack,
  pageSettled,
  pickOption,
  staffLogin,
  step,
} from '../support/browser';
import { drawSignature } from '../support/field-job';
import { DEMO_PASSWORD, api } from '../support/server-process';
import { useJourney } from '../support/journey';

/** Demo account 9100000001 belongs to 东城供热站 (east-heat): repairs go to its station queue. */
const ACCOUNT = '9100000001';
const QUEUE_CODE = 'repair-east-heat';
const QUEUE_NAME = '东城供热站报修';
const CALL = {
  address: '城东区幸福路11号2单元202室',
  contactName: '林女士',
  contactPhone: '13812345678',
  description: '客厅暖气片不热，阀门处有渗水',
};
const NOTE_EN_ROUTE = '已电话联系住户，约30分钟到达';
const NOTE_RESOLVED = '更换暖气片阀门并排气，试水正常';

/** `MM-DD HH:mm` in Shanghai (UTC+8, no daylight saving), as the miniapp shows deadlines. */
function shanghaiShort(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`;
}

async function login(base: string, username: string): Promise<{ token: string; id: number; name: string }> {
  const res = await api(base, 'POST', '/api/staff/login', undefined, { username, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${JSON.stringify(res.body)}`);
  return { token: res.body.token, id: res.body.staff.id, name: res.body.staff.name };
}

interface Clock {
  kind: string;
  dueAt: string;
  stoppedAt: string | null;
  breached: boolean;
}
interface Event {
  kind: string;
  actorId: number | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

/**
 * The staff console's main journey in a real browser against the built server and its H5 build:
 * an agent takes a call, a dispatcher sees the ticket in its station queue with its clocks, a
 * technician claims and resolves it, and the ticket's timeline tells every step.
 */
describe('browser', () => {
  const journey = useJourney();

  const phone = () => journey.phone();

  it('staff journey', async () => {
    // 1. Agent: 员工工作台 → login → 电话受理 → a repair on account 9100000001 → its ticket page.
    const agent = await phone();
    await step(agent, 'agent-login', async () => {
      await staffLogin(agent.page, 'agent1');
      expect(await agent.page.locator('#staff-name').innerText()).toBe('王晓梅');
    });
    const { ticketId, ticketNo } = await step(agent, 'agent-intake', async () => {
      const { page } = agent;
      await page.locator('#intake-entry').click();
      await page.waitForURL(/#\/staff\/intake\/index/);
      await pickOption(page, page.locator('#intake-type-value'), '一般报修');
      expect(await page.locator('#intake-type-value').innerText()).toBe('一般报修');
      await page.locator('#intake-accountNo input').fill(ACCOUNT);
      await page.locator('#intake-address input').fill(CALL.address);
      await page.locator('#intake-contactName input').fill(CALL.contactName);
      await page.locator('#intake-contactPhone input').fill(CALL.contactPhone);
      await page.locator('#intake-description textarea').fill(CALL.description);
      await page.locator('#intake-submit').click();
      await page.waitForURL(/#\/staff\/ticket\/index\?id=\d+/);
      const id = Number(/[?&]id=(\d+)/.exec(page.url())![1]);
      const head = page.locator('#ticket-no');
      await head.waitFor();
      const no = /^(\d{14}) · 24小时热线 · \d{4}-\d\d-\d\d \d\d:\d\d$/.exec((await head.innerText()).trim())?.[1];
      expect(no).toBeDefined();
      const ticket = currentPage(page);
      expect(await ticket.locator('.badge--status').innerText()).toBe('已受理');
      expect(await ticket.locator('.ticket__line').innerText()).toBe(`${QUEUE_NAME} · 未领取`);
      expect(await ticket.locator('.ticket__address').innerText()).toBe(CALL.address);
      return { ticketId: id, ticketNo: no! };
    });

    // The server's view of the new ticket, to compare the screens with.
    const dispatcherApi = await login(journey.server.url, 'dispatcher1');
    const created = await api(journey.server.url, 'GET', `/api/tickets/${ticketId}`, dispatcherApi.token);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      no: ticketNo,
      type: 'repair',
      status: 'accepted',
      accountNo: ACCOUNT,
      queueName: QUEUE_NAME,
      assigneeId: null,
    });
    const clocks = created.body.clocks as Clock[];
    expect(clocks.map((c) => c.kind)).toEqual(['respond', 'contact', 'on_site', 'resolve']);

    // 2. Dispatcher: the station's repair queue, with an open count, holds the ticket and its clocks.
    const dispatcher = await phone();
    await step(dispatcher, 'dispatcher-queue', async () => {
      const { page } = dispatcher;
      await staffLogin(page, 'dispatcher1');
      const card = page.locator(`#queue-${QUEUE_CODE}`);
      expect(await card.locator('.card__title').innerText()).toBe(QUEUE_NAME);
      await eventually(async () =>
        expect(Number(await card.locator('.count__value').first().innerText())).toBeGreaterThanOrEqual(1),
      );
      await card.click();
      const row = page.locator(`#ticket-${ticketNo}`);
      await row.waitFor();
      await pageSettled(page);
      expect(await row.locator('.ticket-row__type').innerText()).toBe('一般报修');
      expect(await row.locator('.ticket-row__address').innerText()).toBe(CALL.address);
      expect(await row.innerText()).toContain('未领取');
      const shown = await row.locator('.clock').evaluateAll((els) =>
        els.map((el) => ({
          label: el.querySelector('.clock__label')?.textContent?.trim(),
          due: el.querySelector('.clock__due')?.textContent?.trim(),
          state: el.querySelector('.clock__state')?.textContent?.trim(),
          tone: [...el.classList].find((c) => c.startsWith('clock--')),
        })),
      );
      expect(shown.map((c) => c.label)).toEqual(['响应', '联系用户', '到场', '办结']);
      expect(shown.map((c) => c.due)).toEqual(clocks.map((c) => `截止 ${shanghaiShort(c.dueAt)}`));
      // Taken on the phone means heard (受理): the response clock is met; the others run.
      clocks.forEach((clock, i) => {
        if (clock.stoppedAt) expect(shown[i]).toMatchObject({ state: '已达成', tone: 'clock--done' });
        else expect(shown[i].state).toMatch(/^(临期 · )?剩余\d+(分钟|小时|天)/);
      });
      expect(clocks[0].stoppedAt).not.toBeNull();
    });

    // 3. Technician: same queue, the ticket, 领取, then 出发 → 到达现场 → 处理完成 with notes.
    const tech = await phone();
    await step(tech, 'tech-claim', async () => {
      const { page } = tech;
      await staffLogin(page, 'tech1');
      await page.locator(`#queue-${QUEUE_CODE}`).click();
      await page.locator(`#ticket-${ticketNo}`).click();
      await page.waitForURL(new RegExp(`#/staff/ticket/index\\?id=${ticketId}\\b`));
      await page.locator('#ticket-claim').click();
      await page.locator('#transition-en_route').waitFor();
      const ticket = currentPage(page);
      expect(await ticket.locator('.badge--status').innerText()).toBe('已派单');
      expect(await ticket.locator('.ticket__line').innerText()).toBe(`${QUEUE_NAME} · 处理人：张师傅`);
    });
    await step(tech, 'tech-en-route', async () => {
      const { page } = tech;
      await page.locator('#transition-note input').fill(NOTE_EN_ROUTE);
      await page.locator('#transition-en_route').click();
      await page.locator('#transition-on_site').waitFor();
      expect(await currentPage(page).locator('.badge--status').innerText()).toBe('在途');
    });
    await step(tech, 'tech-on-site', async () => {
      const { page } = tech;
      await page.locator('#transition-on_site').click();
      await page.locator('#ticket-open-job').waitFor();
      expect(await currentPage(page).locator('.badge--status').innerText()).toBe('已到场');
      // A repair is not resolved by a status button: its result is recorded with the resident's word.
      expect(await page.locator('#transition-resolved').count()).toBe(0);
    });
    await step(tech, 'tech-resolve', async () => {
      const { page } = tech;
      // 填写处理结果 opens the job: the diagnosis, free work, the resident's signature on the phone.
      await page.locator('#ticket-open-job').click();
      await page.waitForURL(new RegExp(`#/staff/job/index\\?id=${ticketId}$`));
      await pageSettled(page);
      const job = currentPage(page);
      await job.locator('#job-resolve').click();
      await job.locator('#job-diagnosis textarea').fill(NOTE_RESOLVED);
      await job.locator('#job-work textarea').fill('关阀泄压，更换阀门，排气后试水');
      await job.locator('#job-confirm-signature').click();
      await drawSignature(page, '#job-signature-pad');
      await job.locator('#job-signature-save').click();
      await job.locator('#job-signature-saved').waitFor();
      await job.locator('#job-submit').click();
      await job.locator('#job-done').waitFor();
      await goBack(page);
      await page.waitForURL(new RegExp(`#/staff/ticket/index\\?id=${ticketId}\\b`));
      await currentPage(page).locator('.badge--status', { hasText: '已处理' }).waitFor();
      await page.locator('#ticket-open-job').waitFor({ state: 'detached' });
    });

    // 4. The timeline shows every step, oldest first, with who did it.
    const techApi = await login(journey.server.url, 'tech1');
    const agentApi = await login(journey.server.url, 'agent1');
    await step(tech, 'timeline', async () => {
      const items = currentPage(tech.page).locator('.timeline-item');
      await eventually(async () => expect(await items.count()).toBe(7));
      const shown = await items.evaluateAll((els) =>
        els.map((el) => ({
          what: el.querySelector('.timeline-item__what')?.textContent?.trim(),
          who: el.querySelector(':scope > .muted')?.textContent?.trim(),
          status: el.querySelector('.timeline-item__status')?.textContent?.trim() ?? null,
          note: el.querySelector('.timeline-item__note')?.textContent?.trim() ?? null,
        })),
      );
      expect(shown).toEqual([
        { what: '创建工单', who: '王晓梅', status: '待受理', note: null },
        { what: '状态变更', who: '王晓梅', status: '待受理 → 已受理', note: null },
        { what: '分派队列', who: '系统', status: null, note: QUEUE_NAME },
        { what: '领取', who: '张师傅', status: '已受理 → 已派单', note: null },
        { what: '状态变更', who: '张师傅', status: '已派单 → 在途', note: NOTE_EN_ROUTE },
        { what: '状态变更', who: '张师傅', status: '在途 → 已到场', note: null },
        { what: '状态变更', who: '张师傅', status: '已到场 → 已处理', note: NOTE_RESOLVED },
      ]);
    });

    // …and the server recorded the same events with the right actors.
    const detail = await api(journey.server.url, 'GET', `/api/tickets/${ticketId}`, dispatcherApi.token);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ status: 'resolved', assigneeId: techApi.id, assigneeName: '张师傅' });
    const events = (detail.body.events as Event[]).map(({ kind, actorId, actorName, fromStatus, toStatus, note }) => ({
      kind,
      actorId,
      actorName,
      fromStatus,
      toStatus,
      note,
    }));
    expect(events).toEqual([
      {
        kind: 'created',
        actorId: agentApi.id,
        actorName: '王晓梅',
        fromStatus: null,
        toStatus: 'submitted',
        note: null,
      },
      {
        kind: 'transition',
        actorId: agentApi.id,
        actorName: '王晓梅',
        fromStatus: 'submitted',
        toStatus: 'accepted',
        note: null,
      },
      { kind: 'routed', actorId: null, actorName: null, fromStatus: null, toStatus: null, note: QUEUE_NAME },
      {
        kind: 'claimed',
        actorId: techApi.id,
        actorName: '张师傅',
        fromStatus: 'accepted',
        toStatus: 'assigned',
        note: null,
      },
      {
        kind: 'transition',
        actorId: techApi.id,
        actorName: '张师傅',
        fromStatus: 'assigned',
        toStatus: 'en_route',
        note: NOTE_EN_ROUTE,
      },
      {
        kind: 'transition',
        actorId: techApi.id,
        actorName: '张师傅',
        fromStatus: 'en_route',
        toStatus: 'on_site',
        note: null,
      },
      {
        kind: 'transition',
        actorId: techApi.id,
        actorName: '张师傅',
        fromStatus: 'on_site',
        toStatus: 'resolved',
        note: NOTE_RESOLVED,
      },
    ]);
    // Every clock stopped, none late.
    expect((detail.body.clocks as Clock[]).every((c) => c.stoppedAt && !c.breached)).toBe(true);

    // 5. The finished ticket page, kept for people to look at.
    await step(tech, 'final-screenshot', async () => {
      await pageSettled(tech.page);
      await fullPageScreenshot(tech.page, join(ARTIFACTS_DIR, 'staff-journey-final.png'));
    });
  });
});
