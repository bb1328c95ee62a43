import { join } from 'node:path';
import { safetyInstructions, type ResidentTicketView } from '@utility/shared';
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
import { addPhoto, smallJpeg } from '../support/photos';
import { loginAndBind } from '../support/resident';
import { api, staffToken } from '../support/server-process';
import { useJourney } from '../support/journey';

/** Demo account 9100000005: heating, 东城供热站 (east district); its leaks go to emergency-east. */
const HOME = { accountNo: '9100000005', holderName: '陈桂兰', address: '城东区光明巷15号2单元603室' };
const DETAILS = '卧室暖气片下接口一直滴水，地板已湿';
const TECHNICIANS: Record<string, string> = { tech1: '张师傅', tech2: '刘师傅' };

/**
 * Issue 15 (items 4 and 5): a heating resident who taps 跑冒滴漏 gets the hot-water steps (never
 * the gas ones) and raises a heating-leak ticket with details and a photo; the technician quotes
 * from the price list on site, the resident accepts in the app before the work, confirms the work
 * in the app, and only then is it resolved as chargeable — at the quote.
 */
describe('browser', () => {
  const journey = useJourney();

  const labels = async (page: Page) => currentPage(page).locator('.resident-timeline-item__label').allInnerTexts();

  it('heating leak and the quote accepted before the work', async () => {
    const resident = await journey.phone();
    const rp = resident.page;
    await step(resident, 'login-bind', () => loginAndBind(rp, 'heating-leak', HOME));

    // 1. 报修 → 跑冒滴漏: the leak page of a heating account, hot-water steps from the first frame.
    await step(resident, 'heating-safety', async () => {
      await currentPage(rp).locator('#home-entry-repair').click();
      await rp.waitForURL(/#\/packages\/repair\/index/);
      await currentPage(rp).locator('#repair-category-drip_leak').click();
      await rp.waitForURL(/#\/packages\/repair\/emergency\?accountId=\d+&utility=heating/);
      const screen = currentPage(rp);
      await screen.locator('#safety-instructions').waitFor();
      const titles = await screen.locator('#safety-instructions .safety__step-title').allInnerTexts();
      expect(titles).toEqual(safetyInstructions('96777', 'heating').map((s) => s.title));
      expect(await screen.locator('#safety-title').innerText()).toBe('暖气漏水，请立即：');
      const text = await screen.locator('#safety-instructions').innerText();
      expect(text).not.toContain('开窗通风');
      expect(text).not.toContain('关闭燃气总阀');
      await screen.locator('#emergency-submit:not([disabled])').waitFor();
    });

    // 2. What the resident sees, a photo, 一键报警.
    const raised = await step(resident, 'heating-alarm', async () => {
      const screen = currentPage(rp);
      await screen.locator('#emergency-details textarea').fill(DETAILS);
      const photo = await addPhoto(rp, screen.locator('#emergency-photo'), await smallJpeg('#3b82f6'), 'leak.jpg');
      await eventually(async () =>
        expect((await screen.locator('#emergency-photo-count').innerText()).trim()).toBe('1/6'),
      );
      const answer = rp.waitForResponse((r) => r.url().endsWith('/api/emergencies') && r.request().method() === 'POST');
      await screen.locator('#emergency-submit').click();
      const response = await answer;
      expect(response.status()).toBe(201);
      expect(JSON.parse(response.request().postData() ?? '{}')).toMatchObject({
        description: DETAILS,
        photoIds: [photo.id],
      });
      await screen.locator('#emergency-dispatched').waitFor();
      expect(await screen.locator('#emergency-technician').innerText()).toContain('请关闭暖气阀门');
      // The resident can call the technician coming, even now.
      expect(await screen.locator('#emergency-call').getAttribute('href')).toMatch(/^tel:139\d{8}$/);
      return { view: (await response.json()) as ResidentTicketView, photoId: photo.id };
    });
    expect(raised.view).toMatchObject({
      type: 'leak',
      description: `居民一键报警：暖气跑冒滴漏：${DETAILS}`,
      categoryLabel: '跑冒滴漏',
    });
    const [attached] = await queryRows<{ attachedTo: string }>(
      journey.db,
      'SELECT attachedTo FROM upload WHERE id = ?',
      [raised.photoId],
    );
    expect(attached.attachedTo).toBe(`ticket:${raised.view.id}`);

    // 3. The technician it went to: 接单, 出发, 到达, then a quote from the price list.
    const dispatcher = await staffToken(journey.server.url, 'dispatcher1');
    const ticket = (await api(journey.server.url, 'GET', `/api/tickets/${raised.view.id}`, dispatcher)).body;
    const username = Object.keys(TECHNICIANS).find((u) => TECHNICIANS[u] === ticket.assigneeName)!;
    expect(username).toBeDefined();
    const tech = await journey.phone();
    const tp = tech.page;
    const job = currentPage(tp);
    await step(tech, 'tech-on-site', async () => {
      await staffLogin(tp, username);
      await tp.locator('#field-jobs').click();
      await currentPage(tp).locator(`#field-job-${raised.view.no}`).click();
      await tp.waitForURL(new RegExp(`#/staff/job/index\\?id=${raised.view.id}$`));
      await job.locator('#job-accept').click();
      await job.locator('#job-depart').click();
      await job.locator('#job-arrive').click();
      await job.locator('#job-resolve').waitFor();
    });
    const quote = await step(tech, 'tech-quote', async () => {
      await job.locator('#job-quote-new').click();
      await job.locator('#job-quote-plus-radiator-pipe').click();
      await job.locator('#job-quote-plus-visit').click();
      expect(await job.locator('#job-quote-preview').innerText()).toBe('¥150.00');
      const answer = tp.waitForResponse((r) => r.url().endsWith(`/api/field/jobs/${raised.view.id}/quote`));
      await job.locator('#job-quote-send').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      await job.locator('#job-quote-total').waitFor();
      expect(await job.locator('#job-quote-total').innerText()).toBe('¥150.00');
      return (await response.json()).quote as { id: number; totalFen: number };
    });
    expect(quote.totalFen).toBe(15000);

    // 4. Before the quote is accepted the job cannot be resolved as chargeable.
    const early = await api(
      journey.server.url,
      'POST',
      `/api/field/jobs/${raised.view.id}/resolve`,
      await staffToken(journey.server.url, username),
      {
        diagnosis: '暖气片下接口密封老化',
        work: '更换密封垫',
        chargeable: true,
        confirmation: { kind: 'in_app' },
      },
    );
    expect([early.status, early.body.code]).toEqual([409, 'QUOTE_REQUIRED']);

    // 5. The resident: the quote on the request page, 同意报价, then 确认完成 with the technician there.
    await step(resident, 'resident-accepts', async () => {
      await currentPage(rp).locator('#emergency-detail').click();
      await rp.waitForURL(new RegExp(`#/packages/requests/detail\\?id=${raised.view.id}$`));
      await pageSettled(rp);
      await pullDownRefresh(rp);
      const screen = currentPage(rp);
      await screen.locator('#request-quote').waitFor();
      expect(await screen.locator('#request-quote-total').innerText()).toBe('¥150.00');
      expect(await screen.locator('#request-quote').innerText()).toContain('户内暖气管道漏点维修 × 1处');
      const answer = rp.waitForResponse((r) => r.url().endsWith(`/api/my/tickets/${raised.view.id}/quote/accept`));
      await screen.locator('#request-quote-accept').click();
      const response = await answer;
      expect(response.status()).toBe(200);
      expect(JSON.parse(response.request().postData() ?? '{}')).toEqual({ quoteId: quote.id });
      await eventually(async () =>
        expect(await screen.locator('#request-quote-status').innerText()).toBe('您已同意报价'),
      );
      await screen.locator('#request-confirm').click();
      await screen.locator('#request-confirm').waitFor({ state: 'detached' });
      const shown = await labels(rp);
      expect(shown.slice(shown.indexOf('报价已发送'))).toEqual(['报价已发送', '用户已同意报价', '已确认完成']);
    });

    // 6. The technician sees both, and resolves as chargeable with the resident's confirmation.
    await step(tech, 'tech-resolve', async () => {
      await job.locator('#job-quote-refresh').click();
      await eventually(async () =>
        expect(await job.locator('#job-quote-status').innerText()).toBe('居民已在小程序中同意报价'),
      );
      await job.locator('#job-resolve').click();
      await job.locator('#job-diagnosis textarea').fill('暖气片下接口密封老化');
      await job.locator('#job-work textarea').fill('关闭进回水阀，更换接口密封垫，打压试验无渗漏');
      await job.locator('#job-chargeable').click();
      expect(await job.locator('#job-charge-note').innerText()).toBe('居民已同意报价，按报价金额收费');
      await job.locator('#job-confirm-in-app').click();
      expect(await job.locator('#job-in-app-state').innerText()).toBe('居民已在小程序中确认完成');
      const answer = tp.waitForResponse((r) => r.url().endsWith(`/api/field/jobs/${raised.view.id}/resolve`));
      await job.locator('#job-submit').click();
      expect((await answer).status()).toBe(200);
      await job.locator('#job-done').waitFor();
    });
    const [result] = await queryRows<{ chargeFen: number; quoteId: number; confirmationKind: string }>(
      journey.db,
      'SELECT chargeFen, quoteId, confirmationKind FROM repair_result WHERE ticketId = ?',
      [raised.view.id],
    );
    expect(result).toMatchObject({ chargeFen: 15000, quoteId: quote.id, confirmationKind: 'in_app' });

    // 7. The order the resident reads: sent, agreed, confirmed, done.
    await step(resident, 'resident-done', async () => {
      await pullDownRefresh(rp);
      await eventually(async () => expect((await labels(rp)).at(-1)).toBe('已完成'));
      const shown = await labels(rp);
      expect(shown.slice(shown.indexOf('报价已发送'))).toEqual([
        '报价已发送',
        '用户已同意报价',
        '已确认完成',
        '已完成',
      ]);
      await fullPageScreenshot(rp, join(ARTIFACTS_DIR, 'heating-leak-quote-final.png'));
    });
  });
});
