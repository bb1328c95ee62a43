import { join } from 'node:path';
import {
  FAULT_CATEGORY_LABELS,
  FaultCategory,
  TICKET_TYPE_LABELS,
  TicketType,
  type ResidentTicketView,
  safetyInstructions,
} from '@utility/shared';
import { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  currentPage,
  eventually,
  fullPageScreenshot,
  pageSettled,
  pickOption,
  pullDownRefresh,
  staffLogin,
  step,
} from '../support/browser';
import { queryRows } from '../support/db';
import { addPhoto, smallJpeg } from '../support/photos';
import { loginAndBind, residentToken } from '../support/resident';
import { api, staffToken } from '../support/server-process';
import { useJourney } from '../support/journey';

/** Demo account 9100000001 (东城供热站, east district): its leaks go to the emergency-east queue. */
const HOME = { accountNo: '9100000001', holderName: '王秀英', address: '城东区幸福路11号2单元202室' };
const IDENTITY = 'leak-journey';
const EMERGENCY_QUEUE = 'emergency-east';
/** The on-duty technicians of emergency-east (server/src/seed/demo-organisation.ts). */
const TECHNICIANS: Record<string, { name: string; phone: string }> = {
  tech1: { name: '张师傅', phone: '139****1111' },
  tech2: { name: '刘师傅', phone: '139****2222' },
};
/** Where the resident's phone is: the alarm sends it. */
const WHERE = { latitude: 39.90923, longitude: 116.397428 };
const ETA_MINUTES = 15;
const DIAGNOSIS = '灶前软管老化开裂，接口处漏气';
const WORK = '关闭表前阀，更换灶前不锈钢波纹管，检漏仪复测无泄漏';

/** `HH:mm` in Shanghai (UTC+8, no daylight saving), as the miniapp shows arrival times. */
function shanghaiClock(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16);
}

interface EventView {
  kind: string;
  actorId: number | null;
  actorName: string | null;
  fromStatus: string | null;
  toStatus: string | null;
  note: string | null;
}

/**
 * Issue 5's journey in two browsers against the built server and its H5 build: a resident
 * reports a leak and sees the safety page first; the ticket is in the emergency queue, already
 * assigned; the technician goes through accept, on the way, arrived and resolve with photos; the
 * resident sees each step and confirms.
 */
describe('browser', () => {
  const journey = useJourney();

  const phone = async () => {
    const p = await journey.phone();
    // Both phones share where they are: the alarm and 到达 send it rather than waiting on a prompt.
    await p.context.grantPermissions(['geolocation']);
    await p.context.setGeolocation(WHERE);
    return p;
  };

  /** The resident's request detail after a pull-down: its timeline labels, once they end in `last`. */
  async function residentSees(page: Page, last: string, badge: string): Promise<string[]> {
    await pageSettled(page);
    await pullDownRefresh(page);
    const screen = currentPage(page);
    const labels = screen.locator('.resident-timeline-item__label');
    await eventually(async () => expect((await labels.allInnerTexts()).at(-1)).toBe(last), 10_000, 200);
    expect(await screen.locator('.resident-timeline-item--now .resident-timeline-item__label').innerText()).toBe(last);
    expect(await screen.locator('.step-badge').innerText()).toBe(badge);
    return labels.allInnerTexts();
  }

  it('leak emergency journey', async () => {
    expect((await api(journey.server.url, 'GET', '/healthz')).status).toBe(200);
    const hotline = (await api(journey.server.url, 'GET', '/api/safety-instructions')).body.at(-1).phone as string;
    expect(hotline).toMatch(/^[\d-]{5,}$/);

    // 1. The resident: mock WeChat login, binds the home account (east district).
    const resident = await phone();
    const rp = resident.page;
    const { login } = await step(resident, 'login-bind', () => loginAndBind(rp, IDENTITY, HOME));

    // 2. The red leak entry on home → the safety page. The instructions are there from the first
    // frame: the server's copy of them and the account are held back until they have been seen.
    await step(resident, 'safety-first', async () => {
      let release!: () => void;
      const released = new Promise<void>((r) => (release = r));
      const held = /\/api\/(safety-instructions|accounts)(\?.*)?$/;
      await rp.route(held, async (route) => {
        await released;
        await route.continue().catch(() => undefined);
      });
      try {
        const entry = currentPage(rp).locator('#home-entry-leak');
        expect(await entry.getAttribute('class')).toContain('entry--danger');
        expect(await entry.locator('.entry__title').innerText()).toBe('燃气泄漏');
        await entry.click();
        await rp.waitForURL(/#\/packages\/repair\/emergency/);
        const screen = currentPage(rp);
        await screen.locator('#safety-instructions').waitFor();
        // Nothing has been answered yet, and no alarm can be raised yet…
        expect(await screen.locator('#emergency-submit').getAttribute('disabled')).not.toBeNull();
        // …but what to do is on screen, in order, with the number to call.
        const titles = await screen.locator('#safety-instructions .safety__step-title').allInnerTexts();
        expect(titles).toEqual(safetyInstructions().map((s) => s.title));
        expect(titles[0]).toBe('开窗通风');
        expect(titles.at(-1)).toBe('拨打24小时热线');
        expect(await screen.locator('#safety-call .safety__call-number').innerText()).toBe(hotline);
      } finally {
        release();
        await rp.unroute(held);
      }
      const screen = currentPage(rp);
      // The account came in: the alarm is armed for the home address.
      await screen.locator('#emergency-submit:not([disabled])').waitFor();
      expect(await screen.locator('.emergency__where').innerText()).toBe(
        `报警地址：${HOME.address}（户号 ${HOME.accountNo}）`,
      );
      await pageSettled(rp);
      // The steps stand above the alarm button, and the first of them on the first screen.
      const safety = (await screen.locator('#safety-instructions').boundingBox())!;
      const call = (await screen.locator('#safety-call').boundingBox())!;
      const alarm = (await screen.locator('#emergency-submit').boundingBox())!;
      expect(safety.y).toBeLessThan(alarm.y);
      expect(call.y + call.height).toBeLessThanOrEqual(alarm.y);
      expect(safety.y).toBeLessThan(rp.viewportSize()!.height / 2);
      expect(
        await screen
          .locator('#safety-instructions')
          .evaluate((el) =>
            Boolean(
              el.compareDocumentPosition(document.getElementById('emergency-submit')!) &
              Node.DOCUMENT_POSITION_FOLLOWING,
            ),
          ),
      ).toBe(true);
      await fullPageScreenshot(rp, join(ARTIFACTS_DIR, 'leak-journey-safety.png'));
    });

    // 3. 一键报警: a technician is dispatched at once.
    const raised = await step(resident, 'alarm', async () => {
      const screen = currentPage(rp);
      const answer = rp.waitForResponse((r) => r.url().endsWith('/api/emergencies') && r.request().method() === 'POST');
      await screen.locator('#emergency-submit').click();
      const response = await answer;
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({ location: WHERE });
      const view = (await response.json()) as ResidentTicketView;
      await screen.locator('#emergency-dispatched').waitFor();
      expect(await screen.locator('.emergency__dispatched-title').innerText()).toBe('抢修师傅已派出');
      expect(await screen.locator('#emergency-technician').innerText()).toMatch(
        /^(张|刘)师傅 139\*{4}\d{4} 正在赶来，请在室外安全处等候$/,
      );
      expect(await screen.locator('#emergency-dispatched').innerText()).toContain(`工单号 ${view.no}`);
      // The instructions stay above it.
      expect(await screen.locator('#safety-instructions').isVisible()).toBe(true);
      expect(await screen.locator('#emergency-submit').count()).toBe(0);
      return view;
    });
    expect(raised).toMatchObject({ type: 'leak', step: 'dispatched', accountNo: HOME.accountNo, canCancel: false });

    // 4. The server's view (dispatcher): a leak, emergency priority, in emergency-east, already
    // assigned to one of its on-duty technicians. That technician takes the second phone.
    const dispatcher = await staffToken(journey.server.url, 'dispatcher1');
    const queues = (await api(journey.server.url, 'GET', '/api/queues', dispatcher)).body as {
      id: number;
      code: string;
      name: string;
    }[];
    const emergencyQueue = queues.find((q) => q.code === EMERGENCY_QUEUE)!;
    expect(emergencyQueue).toBeDefined();
    const created = await api(journey.server.url, 'GET', `/api/tickets/${raised.id}`, dispatcher);
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      no: raised.no,
      type: 'leak',
      priority: 'emergency',
      status: 'assigned',
      channel: 'miniapp',
      queueId: emergencyQueue.id,
      queueName: emergencyQueue.name,
      accountNo: HOME.accountNo,
      address: HOME.address,
      contactName: HOME.holderName,
      description: `居民一键报警：燃气泄漏（定位：${WHERE.latitude.toFixed(6)}, ${WHERE.longitude.toFixed(6)}）`,
    });
    expect((created.body.events as EventView[]).map((e) => [e.kind, e.toStatus])).toEqual([
      ['created', 'submitted'],
      ['routed', null],
      ['assigned', 'assigned'],
    ]);
    const members = (await api(journey.server.url, 'GET', `/api/queues/${emergencyQueue.id}/members`, dispatcher))
      .body as { id: number; name: string; role: string; onDuty: boolean }[];
    const assignee = members.find((m) => m.id === created.body.assigneeId)!;
    expect(assignee).toMatchObject({ role: 'technician', onDuty: true, name: created.body.assigneeName });
    const username = Object.keys(TECHNICIANS).find((u) => TECHNICIANS[u].name === assignee.name)!;
    expect(username).toBeDefined();
    const technician = TECHNICIANS[username];
    expect(await currentPage(rp).locator('#emergency-technician').innerText()).toContain(
      `${technician.name} ${technician.phone}`,
    );

    // 5. The resident opens 查看抢修进度: submitted and dispatched, with the technician.
    await step(resident, 'resident-dispatched', async () => {
      await currentPage(rp).locator('#emergency-detail').click();
      await rp.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${raised.id}$`));
      await pageSettled(rp);
      const screen = currentPage(rp);
      await screen.locator('#request-no').waitFor();
      expect(await screen.locator('#request-no').innerText()).toContain(raised.no);
      // The type, then what the resident reported.
      expect(await screen.locator('.card__title').first().innerText()).toBe(
        `${TICKET_TYPE_LABELS[TicketType.Leak]} · 燃气味/泄漏`,
      );
      expect(await screen.locator('.resident-timeline-item__label').allInnerTexts()).toEqual(['已提交', '已派单']);
      expect(await screen.locator('.step-badge').innerText()).toBe('已派单');
      expect(await screen.locator('#request-technician').innerText()).toBe(
        `上门师傅：${technician.name} ${technician.phone}`,
      );
      expect(await screen.locator('#request-eta').count()).toBe(0);
      expect(await screen.locator('#request-confirm').count()).toBe(0);
    });

    // 6. The technician: 我的工单 → the job (emergency first) → 接单.
    const tech = await phone();
    const tp = tech.page;
    const job = currentPage(tp);
    await step(tech, 'tech-jobs', async () => {
      await staffLogin(tp, username);
      await tp.locator('#field-jobs').click();
      await tp.waitForURL(/#\/staff\/jobs\/index/);
      const row = currentPage(tp).locator(`#field-job-${raised.no}`);
      await row.waitFor();
      await pageSettled(tp);
      expect(await row.locator('.job-row__type').innerText()).toBe(
        `${TICKET_TYPE_LABELS[TicketType.Leak]} · ${FAULT_CATEGORY_LABELS[FaultCategory.GasSmell]}`,
      );
      expect(await row.locator('.badge').allInnerTexts()).toEqual(['紧急', '待接单']);
      expect(await row.locator('.job-row__address').innerText()).toBe(HOME.address);
      await row.click();
      await tp.waitForURL(new RegExp(`#/staff/job/index\\?id=${raised.id}$`));
      await job.locator('#job-accept').waitFor();
      expect(await job.locator('#job-status').innerText()).toBe('待接单');
      expect(await job.locator('#job-address').innerText()).toBe(HOME.address);
    });
    await step(tech, 'tech-accept', async () => {
      await job.locator('#job-accept').click();
      await job.locator('#job-depart').waitFor();
      expect(await job.locator('#job-status').innerText()).toBe('已接单');
      // A leak's estimate starts at 20 minutes (it must be reached within 30).
      expect(await job.locator('#job-eta-value').innerText()).toBe('20 分钟');
    });
    await step(resident, 'resident-after-accept', async () => {
      // 接单 is the technician's own acknowledgement: the resident still reads 已派单.
      expect(await residentSees(rp, '已派单', '已派单')).toEqual(['已提交', '已派单']);
    });

    // 7. 出发 with an estimate the resident sees.
    const eta = await step(tech, 'tech-depart', async () => {
      await pageSettled(tp);
      await pickOption(tp, job.locator('#job-eta-value'), `${ETA_MINUTES} 分钟`);
      expect(await job.locator('#job-eta-value').innerText()).toBe(`${ETA_MINUTES} 分钟`);
      const answer = tp.waitForResponse((r) => r.url().endsWith(`/api/field/jobs/${raised.id}/depart`));
      const before = Date.now();
      await job.locator('#job-depart').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ etaMinutes: ETA_MINUTES });
      const { eta: etaIso } = (await response.json()) as { eta: string };
      expect(Math.abs(Date.parse(etaIso) - before - ETA_MINUTES * 60_000)).toBeLessThan(30_000);
      await job.locator('#job-arrive').waitFor();
      expect(await job.locator('#job-status').innerText()).toBe('在路上');
      expect(await job.locator('#job-eta-shown').innerText()).toBe(`已告知居民 ${shanghaiClock(etaIso)} 到达`);
      return etaIso;
    });
    await step(resident, 'resident-on-the-way', async () => {
      expect(await residentSees(rp, '师傅在路上', '师傅在路上')).toEqual(['已提交', '已派单', '师傅在路上']);
      expect(await currentPage(rp).locator('#request-eta').innerText()).toBe(`师傅预计 ${shanghaiClock(eta)} 到达`);
    });

    // 8. 到达现场.
    await step(tech, 'tech-arrive', async () => {
      await job.locator('#job-arrive').click();
      await job.locator('#job-resolve').waitFor();
      expect(await job.locator('#job-status').innerText()).toBe('已到场');
    });
    await step(resident, 'resident-arrived', async () => {
      expect(await residentSees(rp, '已到达', '已到达')).toEqual(['已提交', '已派单', '师傅在路上', '已到达']);
      expect(await currentPage(rp).locator('#request-eta').count()).toBe(0);
    });

    // 8b. The technician asks the resident to confirm in the app: the resident's own word, given
    // while the technician is there (a technician can no longer claim it for them). The resident
    // can also call the technician, whose 工号 is shown when on file.
    await step(resident, 'resident-confirm-on-site', async () => {
      const screen = currentPage(rp);
      expect(await screen.locator('#request-technician-call').getAttribute('href')).toMatch(/^tel:139\d{4}\d{4}$/);
      expect(await screen.locator('.sign-off .card__title').innerText()).toBe('师傅在现场，请确认维修结果');
      const answer = rp.waitForResponse((r) => r.url().endsWith(`/api/my/tickets/${raised.id}/confirm`));
      await screen.locator('#request-confirm').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      expect(await response.json()).toMatchObject({ id: raised.id, canConfirm: false, step: 'arrived' });
      await screen.locator('#request-confirm').waitFor({ state: 'detached' });
      await screen.locator('.resident-timeline-item', { hasText: '已确认完成' }).waitFor();
    });

    // 9. 处理: diagnosis, work, one photo before and one after, the resident's confirmation in the miniapp.
    const photos = await step(tech, 'tech-resolve', async () => {
      await job.locator('#job-resolve').click();
      await job.locator('#job-submit').waitFor();
      await job.locator('#job-diagnosis textarea').fill(DIAGNOSIS);
      await job.locator('#job-work textarea').fill(WORK);
      const before = await addPhoto(tp, job.locator('#job-photo-before'), await smallJpeg('#8a5a2b'), 'before.jpg');
      await eventually(async () =>
        expect((await job.locator('#job-photo-before-count').innerText()).trim()).toBe('1/6'),
      );
      const after = await addPhoto(tp, job.locator('#job-photo-after'), await smallJpeg('#3f9b4f'), 'after.jpg');
      await eventually(async () =>
        expect((await job.locator('#job-photo-after-count').innerText()).trim()).toBe('1/6'),
      );
      await job.locator('#job-confirm-in-app').click();
      await job.locator('#job-confirm-in-app.choice--on').waitFor();
      // The job page learns of the resident's confirmation on a refresh.
      await job.locator('#job-in-app-refresh').click();
      await eventually(async () =>
        expect(await job.locator('#job-in-app-state').innerText()).toBe('居民已在小程序中确认完成'),
      );
      const answer = tp.waitForResponse((r) => r.url().endsWith(`/api/field/jobs/${raised.id}/resolve`));
      await job.locator('#job-submit').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({
        diagnosis: DIAGNOSIS,
        work: WORK,
        parts: [],
        photoIdsBefore: [before.id],
        photoIdsAfter: [after.id],
        chargeable: false,
        confirmation: { kind: 'in_app' },
      });
      const done = job.locator('#job-done');
      await done.waitFor();
      expect(await done.locator('.job__done-title').innerText()).toBe('处理结果已提交');
      expect(await done.innerText()).toContain('居民已在小程序中确认完成。');
      expect(await job.locator('#job-status').innerText()).toBe('已处理');
      expect(await tech.page.locator('#job-error').count()).toBe(0);
      return { before: before.id, after: after.id };
    });

    // The result and its photos as stored.
    const [result] = await queryRows<{
      id: number;
      diagnosis: string;
      work: string;
      photoIdsBefore: string;
      photoIdsAfter: string;
      confirmationKind: string;
      technicianId: number;
    }>(
      journey.db,
      'SELECT id, diagnosis, work, photoIdsBefore, photoIdsAfter, confirmationKind, technicianId FROM repair_result WHERE ticketId = ?',
      [raised.id],
    );
    expect(result).toMatchObject({
      diagnosis: DIAGNOSIS,
      work: WORK,
      confirmationKind: 'in_app',
      technicianId: assignee.id,
    });
    expect([JSON.parse(result.photoIdsBefore), JSON.parse(result.photoIdsAfter)]).toEqual([
      [photos.before],
      [photos.after],
    ]);
    const stored = await queryRows<{ id: number; attachedTo: string; mime: string; width: number; ownerKind: string }>(
      journey.db,
      'SELECT id, attachedTo, mime, width, ownerKind FROM upload WHERE id IN (?, ?) ORDER BY id',
      [photos.before, photos.after],
    );
    expect(stored).toEqual([
      {
        id: photos.before,
        attachedTo: `repair_before:${result.id}`,
        mime: 'image/jpeg',
        width: 64,
        ownerKind: 'staff',
      },
      { id: photos.after, attachedTo: `repair_after:${result.id}`, mime: 'image/jpeg', width: 64, ownerKind: 'staff' },
    ]);

    // 10. The resident: done, already confirmed on site — nothing more asked.
    await step(resident, 'resident-done', async () => {
      expect(await residentSees(rp, '已完成', '待评价')).toEqual([
        '已提交',
        '已派单',
        '师傅在路上',
        '已到达',
        '已确认完成',
        '已完成',
      ]);
      const screen = currentPage(rp);
      expect(await screen.locator('.sign-off .card__title').innerText()).toBe('您已确认完成');
      expect(await screen.locator('#request-confirm').count()).toBe(0);
      // The job is over: no number to call any more.
      expect(await screen.locator('#request-technician-call').count()).toBe(0);
      // 没有修好 stays offered while the ticket is resolved.
      expect(await screen.locator('#request-not-fixed').count()).toBe(1);
      // Nothing went wrong on the way. (The H5 build has no favicon: chromium's own request for it
      // is a console 404 without a page response; nothing else may be.)
      const faviconMissing = (await fetch(`${journey.server.url}/favicon.ico`)).status === 404;
      const favicon404 = (p: string) =>
        faviconMissing &&
        p === 'console: Failed to load resource: the server responded with a status of 404 (Not Found)';
      expect(resident.problems.filter((p) => !favicon404(p))).toEqual([]);
      expect(tech.problems.filter((p) => !favicon404(p))).toEqual([]);
    });

    // 11. The timeline as the server recorded it: the resident's confirmation before the resolution.
    const residentView = await api(journey.server.url, 'GET', `/api/my/tickets/${raised.id}`, await residentToken(rp));
    expect(residentView.body).toMatchObject({ step: 'to_rate', canConfirm: false, canReportNotFixed: true, eta: null });
    const detail = await api(journey.server.url, 'GET', `/api/tickets/${raised.id}`, dispatcher);
    expect(detail.body).toMatchObject({ status: 'resolved', assigneeId: assignee.id });
    const events = (detail.body.events as EventView[]).map(
      ({ kind, actorId, actorName, fromStatus, toStatus, note }) => ({
        kind,
        actorId,
        actorName,
        fromStatus,
        toStatus,
        note,
      }),
    );
    const byResident = (kind: string, toStatus: string | null, note: string | null) => ({
      kind,
      actorId: login.resident.id,
      actorName: '居民',
      fromStatus: null,
      toStatus,
      note,
    });
    const bySystem = (kind: string, fromStatus: string | null, toStatus: string | null, note: string) => ({
      kind,
      actorId: null,
      actorName: null,
      fromStatus,
      toStatus,
      note,
    });
    const byTech = (kind: string, fromStatus: string | null, toStatus: string | null, note: string | null = null) => ({
      kind,
      actorId: assignee.id,
      actorName: assignee.name,
      fromStatus,
      toStatus,
      note,
    });
    expect(events).toEqual([
      byResident('created', 'submitted', null),
      bySystem('routed', null, null, emergencyQueue.name),
      bySystem('assigned', 'submitted', 'assigned', '系统自动派单，已通知值班技术员'),
      byTech('job_accepted', null, null, '已接单'),
      byTech('transition', 'assigned', 'en_route', `预计${ETA_MINUTES}分钟后到达`),
      byTech('eta_set', null, null),
      byTech('transition', 'en_route', 'on_site'),
      byResident('resident_confirm', null, '居民在小程序中确认已修好（师傅在现场）'),
      byTech('transition', 'on_site', 'resolved', DIAGNOSIS),
    ]);

    // 12. The confirmed request, kept for people to look at.
    await step(resident, 'final-screenshot', async () => {
      await pageSettled(rp);
      // The toast has gone (the timeline keeps its 已确认完成).
      await rp.getByRole('paragraph').filter({ hasText: '已确认完成' }).waitFor({ state: 'hidden' });
      await fullPageScreenshot(rp, join(ARTIFACTS_DIR, 'leak-journey-final.png'));
    });
  });
});
