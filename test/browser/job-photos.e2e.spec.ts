import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { demoPhoneLast4 } from '../support/accounts';
import {
  ARTIFACTS_DIR,
  currentPage,
  eventually,
  fullPageScreenshot,
  pageSettled,
  staffLogin,
  step,
} from '../support/browser';
import { useJourney } from '../support/journey';
import { smallJpeg } from '../support/photos';
import { DEMO_PASSWORD, api, staffToken } from '../support/server-process';

/** Demo account 9100000001 (东城供热站, east): its repairs go to repair-east-heat, worked by tech1. */
const HOME = { accountNo: '9100000001', holderName: '王秀英' };

/**
 * docs/domain.md#photos, on a technician's phone (375×812): the photo a resident sent with a fault is on
 * the job, fetched with the technician's token.
 */
describe('browser', () => {
  const journey = useJourney();

  it("technician sees the resident's photo on the job", async () => {
    const base = journey.server.url;
    // The resident (by API): logs in, binds the home, sends a fault with a photo.
    const login = await api(base, 'POST', '/api/auth/wechat', undefined, {
      code: `mock-job-photos:${randomBytes(6).toString('hex')}`,
    });
    expect(login.status).toBe(200);
    const resident = login.body.token as string;
    const bound = await api(base, 'POST', '/api/accounts/bind', resident, {
      ...HOME,
      secondFact: demoPhoneLast4(HOME.accountNo),
    });
    expect(bound.status).toBe(201);
    const accountId = bound.body.find((a: { accountNo: string }) => a.accountNo === HOME.accountNo).id as number;
    const form = new FormData();
    form.append(
      'file',
      new Blob([new Uint8Array(await smallJpeg('#c0392b', 96))], { type: 'image/jpeg' }),
      'stove.jpg',
    );
    const uploaded = await fetch(`${base}/api/uploads`, {
      method: 'POST',
      headers: { authorization: `Bearer ${resident}` },
      body: form,
    });
    expect(uploaded.status).toBe(201);
    const photo = (await uploaded.json()) as { id: number };
    const fault = await api(base, 'POST', '/api/repairs', resident, {
      accountId,
      category: 'no_gas',
      description: '灶具打不着火，照片里是灶台',
      photoIds: [photo.id],
      contactPhone: '13712345678',
    });
    expect(fault.status).toBe(201);
    const ticketId = fault.body.id as number;

    // The dispatcher gives it to tech1.
    const dispatcher = await staffToken(base, 'dispatcher1');
    const tech1 = await api(base, 'POST', '/api/staff/login', undefined, {
      username: 'tech1',
      password: DEMO_PASSWORD,
    });
    const assigned = await api(base, 'POST', `/api/tickets/${ticketId}/assign`, dispatcher, {
      staffId: tech1.body.staff.id,
    });
    expect(assigned.status).toBe(200);

    // The technician's phone: the job shows the resident's photo, loaded.
    const tech = await journey.phone();
    const tp = tech.page;
    await tp.setViewportSize({ width: 375, height: 812 });
    await step(tech, 'tech-job-photo', async () => {
      await staffLogin(tp, 'tech1');
      await tp.locator('#field-jobs').click();
      await tp.waitForURL(/#\/staff\/jobs\/index/);
      const row = currentPage(tp).locator(`#field-job-${fault.body.no as string}`);
      await row.waitFor();
      await pageSettled(tp);
      await row.click();
      await tp.waitForURL(new RegExp(`#/staff/job/index\\?id=${ticketId}$`));
      const job = currentPage(tp);
      await job.locator('#job-photos').waitFor();
      expect(await job.locator('#job-photos .ticket-photos__kind').allInnerTexts()).toEqual(['用户照片']);
      const image = job.locator(`#job-photos-${photo.id} img`);
      await image.waitFor();
      await eventually(async () =>
        expect(await image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(96),
      );
      expect(await image.getAttribute('src')).toMatch(/^blob:/);
      // The photo is on the first screen of the job, under its card.
      const box = (await job.locator('#job-photos').boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(375);
      await pageSettled(tp);
      await fullPageScreenshot(tp, join(ARTIFACTS_DIR, 'job-photos-technician.png'));
    });
  });
});
