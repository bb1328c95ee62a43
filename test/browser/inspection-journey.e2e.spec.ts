import { join } from 'node:path';
import {
  type HazardView,
  type InspectionBookingView,
  type InspectionResultView,
  type InspectionSlotView,
} from '@utility/shared';
import { Page } from 'playwright-core';
import {
  ARTIFACTS_DIR,
  currentPage,
  eventually,
  fullPageScreenshot,
  pageSettled,
  pullDownRefresh,
  staffLogin,
  step,
} from '../support/browser';
import { queryRows } from '../support/db';
import { useJourney } from '../support/journey';
import { addPhoto, smallJpeg } from '../support/photos';
import { loginAndBind, residentToken } from '../support/resident';
import { api } from '../support/server-process';

/** Demo account 9100000001 (gas, east district): inspector1 and supervisor1 work the east district. */
const HOME = { accountNo: '9100000001', holderName: '王秀英', address: '城东区幸福路11号2单元202室' };
const IDENTITY = 'inspection-journey';
const PLAN_NAME = '城东入户安检（测试计划）';
/** The seven gas checklist items (docs/domain.md#inspections), in order. */
const GAS_ITEMS = ['pipes', 'valves', 'meter', 'hoses', 'alarm', 'ventilation', 'appliance'];
const HOSE_NOTE = '灶前胶管老化龟裂，长度超过2米';

/** `YYYY-MM-DD HH:mm` in Shanghai (UTC+8, no daylight saving), as the miniapp shows deadlines. */
const shanghaiFull = (iso: string) =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
const daysBetween = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);
/** `11月25日`, as the day switch and the slot list name a date. */
const monthDay = (date: string) => `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日`;

/** A few strokes on the signature canvas with the mouse (pointer events, as a finger would). */
async function sign(page: Page, canvasSelector: string): Promise<void> {
  const canvas = currentPage(page).locator(canvasSelector);
  await canvas.scrollIntoViewIfNeeded();
  const box = (await canvas.boundingBox())!;
  await page.mouse.move(box.x + 20, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 1; i <= 12; i++) await page.mouse.move(box.x + 20 + i * 20, box.y + box.height / 2 + (i % 2 ? -25 : 25));
  await page.mouse.up();
}

/**
 * Issue 6's journey in three browsers against the built server and its H5 build: a supervisor
 * opens a plan; a resident books a slot; the inspector finds the visit on its day, records one
 * failed item with a photo and the resident's signature; the resident sees the hazard with its
 * advice and deadline; the re-inspection passes in the inspector's UI and the hazard closes.
 */
describe('browser', () => {
  const journey = useJourney();

  it('inspection journey', async () => {
    const base = journey.server.url;

    // 1. supervisor1 opens a monthly plan for the east district, from tomorrow, both halves.
    const supervisor = await journey.phone();
    const plan = await step(supervisor, 'supervisor-plan', async () => {
      const sp = supervisor.page;
      await staffLogin(sp, 'supervisor1');
      await sp.locator('#inspection-plan-entry').click();
      await sp.waitForURL(/#\/staff\/inspection-plan\/index/);
      const screen = currentPage(sp);
      await screen.locator('#plan-name input').fill(PLAN_NAME);
      const answer = sp.waitForResponse(
        (r) => r.url().endsWith('/api/staff/inspection-plans') && r.request().method() === 'POST',
      );
      await screen.locator('#plan-submit').click();
      const response = await answer;
      expect(response.status()).toBe(201);
      const body = await response.json();
      expect(body).toMatchObject({
        name: PLAN_NAME,
        period: 'monthly',
        halves: ['am', 'pm'],
        capacity: 10,
        cancelled: false,
      });
      expect(body.slotCount).toBeGreaterThan(10);
      await screen.locator('#plan-created').waitFor();
      expect(await screen.locator('#plan-created').innerText()).toContain(`共 ${body.slotCount} 个可预约时段`);
      return body as { id: number };
    });

    // 2. The resident books the first open half-day from home's 预约安检.
    const resident = await journey.phone();
    const rp = resident.page;
    const { account } = await step(resident, 'login-bind', () => loginAndBind(rp, IDENTITY, HOME));
    const booking = await step(resident, 'book', async () => {
      await currentPage(rp).locator('#home-entry-inspection').click();
      await rp.waitForURL(/#\/packages\/inspection\/index/);
      const screen = currentPage(rp);
      await screen.locator('#inspection-slots').waitFor();
      await pageSettled(rp);
      const day = screen
        .locator('#inspection-slots .slot-day')
        .filter({ has: rp.locator('.slot:not(.slot--full)') })
        .first();
      const first = day.locator('.slot:not(.slot--full)').first();
      // The first open half-day as the server offers it (the demo plan's or the supervisor's).
      const offered = (await api(base, 'GET', `/api/inspection-slots?accountId=${account.id}`, await residentToken(rp)))
        .body as InspectionSlotView[];
      const slot = offered.find((s) => s.left > 0)!;
      expect(await first.getAttribute('id')).toBe(`inspection-slot-${slot.id}`);
      expect(await first.locator('.slot__left').innerText()).toBe(`剩余${slot.left}个名额`);
      expect(await day.getAttribute('id')).toBe(`inspection-day-${slot.date}`);
      expect(await day.locator('.slot-day__label').innerText()).toContain(monthDay(slot.date));
      // The supervisor's plan is on offer too.
      expect(offered.some((s) => s.planId === plan.id)).toBe(true);
      await first.click();
      expect(await screen.locator('#inspection-chosen').innerText()).toMatch(
        new RegExp(`${monthDay(slot.date)} 周. (上午 09:00–12:00|下午 14:00–17:30)$`),
      );
      const answer = rp.waitForResponse((r) => r.url().endsWith('/api/inspections') && r.request().method() === 'POST');
      await screen.locator('#inspection-submit').click();
      const response = await answer;
      expect(response.status()).toBe(201);
      expect(response.request().headers()['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/);
      const view = (await response.json()) as InspectionBookingView;
      expect(view).toMatchObject({
        accountNo: HOME.accountNo,
        address: HOME.address,
        state: 'booked',
        canReschedule: true,
        canCancel: true,
      });
      expect(view.slot).toMatchObject({ id: slot.id, date: slot.date, left: slot.left - 1 });
      await screen.locator('#inspection-booking').waitFor();
      expect(await screen.locator('#inspection-notice').innerText()).toBe('预约成功，安检员将按预约时段上门');
      expect(await screen.locator('#inspection-booking-state').innerText()).toBe('已预约');
      expect(await screen.locator('#inspection-booking-slot').innerText()).toContain(monthDay(slot.date));
      expect(await screen.locator('#inspection-booking').innerText()).toContain(`工单号 ${view.ticket.no}`);
      expect(await screen.locator('#inspection-reschedule').count()).toBe(1);

      // 订阅安检提醒: the consent sheet (H5 stand-in) for the inspection template, on the booking's ticket.
      const templates = (await api(base, 'GET', '/api/notice-templates')).body as { inspection: string };
      await screen.locator('#inspection-reminder').click();
      await rp.locator('#subscribe-template-inspection').waitFor();
      const consent = rp.waitForResponse((r) => r.url().endsWith(`/api/my/tickets/${view.ticket.id}/subscriptions`));
      await rp.locator('#subscribe-confirm').click();
      const consented = await consent;
      expect(consented.status()).toBe(201);
      expect(await consented.json()).toEqual({ accepted: [templates.inspection] });
      await screen.locator('#inspection-reminder', { hasText: '已订阅' }).waitFor();
      await pageSettled(rp);
      await fullPageScreenshot(rp, join(ARTIFACTS_DIR, 'inspection-journey-booked.png'));
      return view;
    });

    // 3. inspector1: 今日安检 → the booked day → the visit.
    const inspector = await journey.phone();
    const ip = inspector.page;
    const visit = currentPage(ip);
    await step(inspector, 'inspector-day', async () => {
      await staffLogin(ip, 'inspector1');
      await ip.locator('#field-inspections').click();
      await ip.waitForURL(/#\/staff\/inspections\/index/);
      await pageSettled(ip);
      const screen = currentPage(ip);
      await screen.locator('#inspections-day').waitFor();
      expect(await screen.locator('#inspections-day').innerText()).toContain(`今天 ${monthDay(shanghaiToday())}`);
      for (let i = 0; i < daysBetween(shanghaiToday(), booking.slot.date); i++) {
        const answer = ip.waitForResponse((r) => r.url().includes('/api/field/inspections?date='));
        await screen.locator('#inspections-next').click();
        await answer;
      }
      expect(await screen.locator('#inspections-day').innerText()).toContain(monthDay(booking.slot.date));
      const row = screen.locator(`#field-inspection-${booking.ticket.no}`);
      await row.waitFor();
      expect(await row.locator('.visit-row__address').innerText()).toBe(HOME.address);
      expect(await row.locator('.visit-row__status').innerText()).toBe('待检查');
      await row.click();
      await ip.waitForURL(
        new RegExp(`#/staff/inspections/inspection\\?id=${booking.ticket.id}&date=${booking.slot.date}$`),
      );
      await visit.locator('#visit-address').waitFor();
      await pageSettled(ip);
      expect(await visit.locator('#visit-address').innerText()).toBe(HOME.address);
      expect(await visit.locator('.checklist__label').allInnerTexts()).toEqual([
        '管道',
        '阀门',
        '燃气表',
        '软管',
        '报警器',
        '通风',
        '燃气具',
      ]);
    });

    // 4. Hoses fail (较大隐患) with a note and a photo; the rest pass; the resident signs.
    const recorded = await step(inspector, 'inspector-record', async () => {
      await visit.locator('#visit-item-hoses-fail').click();
      await visit.locator('#visit-item-hoses-note textarea').fill(HOSE_NOTE);
      await visit.locator('#visit-item-hoses-severity-serious').click();
      const photo = await addPhoto(
        ip,
        visit.locator('#visit-item-hoses-photo'),
        await smallJpeg('#7a4b2b'),
        'hose.jpg',
      );
      await eventually(async () =>
        expect((await visit.locator('#visit-item-hoses-photo-count').innerText()).trim()).toBe('1/6'),
      );
      await visit.locator('#visit-pass-remaining').click();
      await visit.locator('#visit-confirm-signature').click();
      await sign(ip, '#visit-signature-pad');
      const uploaded = ip.waitForResponse((r) => r.url().endsWith('/api/uploads') && r.request().method() === 'POST');
      await visit.locator('#visit-signature-save').click();
      const signature = (await (await uploaded).json()) as { id: number };
      await visit.locator('#visit-signature-saved').waitFor();
      await fullPageScreenshot(ip, join(ARTIFACTS_DIR, 'inspection-journey-visit.png'));

      const answer = ip.waitForResponse((r) => r.url().endsWith(`/api/field/inspections/${booking.ticket.id}/result`));
      await visit.locator('#visit-submit').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      const sent = JSON.parse(response.request().postData() ?? '{}');
      expect(sent.outcome).toBe('completed');
      expect(sent.items.map((i: { code: string }) => i.code)).toEqual(GAS_ITEMS);
      expect(sent.items.filter((i: { ok: boolean }) => !i.ok)).toEqual([
        { code: 'hoses', ok: false, note: HOSE_NOTE, photoIds: [photo.id], severity: 'serious' },
      ]);
      expect(sent.confirmation).toEqual({ kind: 'signature', photoId: signature.id });
      const result = (await response.json()) as InspectionResultView;
      expect(result.hazardsOpened).toHaveLength(1);
      expect(result.hazardsOpened[0]).toMatchObject({
        code: 'hoses',
        severity: 'serious',
        status: 'open',
        note: HOSE_NOTE,
        photoIds: [photo.id],
      });
      expect(result.reinspectionTicket).not.toBeNull();
      const done = visit.locator('#visit-done');
      await done.waitFor();
      expect(await done.locator('.visit-done__title').innerText()).toBe('检查结果已提交');
      expect(await visit.locator('#visit-hazards-opened').innerText()).toContain('发现隐患 1 项');
      expect(await visit.locator('#visit-reinspection').innerText()).toBe(`复检工单 ${result.reinspectionTicket!.no}`);
      expect(await visit.locator('#visit-status').innerText()).toBe('已安检');
      return { result, photo, signature };
    });
    const hazard = recorded.result.hazardsOpened[0];
    const reinspection = recorded.result.reinspectionTicket!;

    // The photo and the signature now belong to the recorded visit.
    const stored = await queryRows<{ id: number; attachedTo: string; ownerKind: string }>(
      journey.db,
      'SELECT id, attachedTo, ownerKind FROM upload WHERE id IN (?, ?) ORDER BY id',
      [recorded.photo.id, recorded.signature.id],
    );
    expect(stored.map((u) => [u.attachedTo.replace(/:\d+$/, ''), u.ownerKind])).toEqual([
      ['inspection_item', 'staff'],
      ['inspection_sign', 'staff'],
    ]);

    // 5. The resident: 我的隐患 shows the hazard, its advice and deadline.
    const token = await residentToken(rp);
    const [served] = (await api(base, 'GET', `/api/accounts/${account.id}/hazards`, token)).body as HazardView[];
    expect(served).toMatchObject({ id: hazard.id, status: 'open', severityLabel: '较大隐患', itemLabel: '软管' });
    expect(served.advice.length).toBeGreaterThan(10);
    await step(resident, 'resident-hazard', async () => {
      await pageSettled(rp);
      await currentPage(rp).locator('#inspection-hazards-link').click();
      await rp.waitForURL(new RegExp(`#/packages/inspection/hazards\\?accountId=${account.id}$`));
      const card = currentPage(rp).locator(`#hazard-${hazard.id}`);
      await card.waitFor();
      expect(await card.locator('.hazard__title').innerText()).toBe('软管');
      expect(await card.locator('.hazard__severity').innerText()).toBe('较大隐患');
      expect(await card.locator('.hazard__status').innerText()).toBe('待整改');
      expect(await card.locator('.hazard__note').innerText()).toBe(HOSE_NOTE);
      expect(await card.locator('.hazard__advice').innerText()).toBe(served.advice);
      expect(await card.locator('.hazard__deadline').innerText()).toBe(
        `请在期限前整改：${shanghaiFull(served.deadline)}`,
      );
      expect(await card.innerText()).toContain(`复检工单 ${reinspection.no}`);
      expect(Date.parse(served.deadline)).toBeGreaterThan(Date.now());
    });

    // 6. The inspector: back on the day, the re-inspection is there; hoses pass; the resident confirms in the app.
    await step(inspector, 'inspector-reinspection', async () => {
      await visit.locator('#visit-back').click();
      const screen = currentPage(ip);
      const row = screen.locator(`#field-inspection-${reinspection.no}`);
      await row.waitFor();
      await pageSettled(ip);
      expect(await screen.locator(`#field-inspection-${booking.ticket.no} .visit-row__status`).innerText()).toBe(
        '已安检',
      );
      expect(await row.locator('.visit-row__when').innerText()).toMatch(/^复检 · 整改期限 /);
      await row.click();
      await ip.waitForURL(new RegExp(`#/staff/inspections/inspection\\?id=${reinspection.id}&`));
      const page = currentPage(ip);
      await page.locator(`#visit-hazard-${hazard.id}`).waitFor();
      expect(await page.locator('.checklist__label').allInnerTexts()).toEqual(['软管']);
      await page.locator('#visit-item-hoses-ok').click();
      // 请居民在小程序中确认: the visit goes on site, and the resident confirms it in their app.
      const arrived = ip.waitForResponse((r) => r.url().endsWith(`/api/field/inspections/${reinspection.id}/arrive`));
      await page.locator('#visit-confirm-in-app').click();
      expect((await arrived).status()).toBe(200);
      expect(await page.locator('#visit-in-app-hint').innerText()).toContain('确认完成');
      const confirmed = await api(base, 'POST', `/api/my/tickets/${reinspection.id}/confirm`, await residentToken(rp));
      expect(confirmed.status).toBe(200);
      const answer = ip.waitForResponse((r) => r.url().endsWith(`/api/field/inspections/${reinspection.id}/result`));
      await page.locator('#visit-submit').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      const result = (await response.json()) as InspectionResultView;
      expect(result.hazardsClosed.map((h) => [h.id, h.status])).toEqual([[hazard.id, 'closed']]);
      expect(result.hazardsOpened).toEqual([]);
      expect(await page.locator('#visit-hazards-closed').innerText()).toBe('复检合格，消除隐患 1 项');
    });

    // 7. The resident pulls down: the hazard is closed.
    await step(resident, 'resident-closed', async () => {
      await pullDownRefresh(rp);
      const card = currentPage(rp).locator(`#hazard-${hazard.id}`);
      await eventually(
        async () => expect(await card.locator('.hazard__status').innerText()).toBe('已整改'),
        10_000,
        200,
      );
      const [closed] = (await api(base, 'GET', `/api/accounts/${account.id}/hazards`, token)).body as HazardView[];
      expect(closed).toMatchObject({ id: hazard.id, status: 'closed', reinspectionTicket: null });
      expect(await card.locator('.hazard__deadline').innerText()).toBe(
        `复检合格，已于 ${shanghaiFull(closed.closedAt!)} 消除`,
      );
      expect(await currentPage(rp).locator('#hazards-summary').count()).toBe(0);
      // Nothing went wrong on the way, on any of the three phones.
      for (const p of [supervisor, resident, inspector]) expect(p.problems).toEqual([]);
      await pageSettled(rp);
      await fullPageScreenshot(rp, join(ARTIFACTS_DIR, 'inspection-journey-final.png'));
    });
  });
});
