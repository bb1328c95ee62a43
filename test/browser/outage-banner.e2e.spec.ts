import { OUTAGE_LABELS, shanghaiShort } from '@utility/shared';
import { currentPage, pageSettled, step } from '../support/browser';
import { loginAndBind } from '../support/resident';
import { api, staffToken } from '../support/server-process';
import { useJourney } from '../support/journey';

/** Demo account 9100000001, gas, in the building 城东区幸福路11号. */
const HOME = { accountNo: '9100000001', holderName: '王秀英', address: '城东区幸福路11号2单元202室' };

/**
 * Issue 17's journey: dispatch declares a gas outage over the resident's building; the resident
 * sees the banner on home and, opening the repair page, the outage and its expected restore time
 * before filing anything.
 */
describe('browser', () => {
  const journey = useJourney();

  it('outage banner journey', async () => {
    const now = Date.now();
    const restoreBy = new Date(Math.ceil((now + 6 * 3_600_000) / 60_000) * 60_000).toISOString();
    const dispatcher = await staffToken(journey.server.url, 'dispatcher1');
    const declared = await api(journey.server.url, 'POST', '/api/staff/outages', dispatcher, {
      utility: 'gas',
      kind: 'unplanned',
      area: { buildings: ['城东区幸福路11号'] },
      startsAt: new Date(now - 30 * 60_000).toISOString(),
      restoreBy,
      reason: '楼前中压管线抢修',
    });
    expect(declared.status).toBe(201);
    const restoreText = `预计恢复时间：${shanghaiShort(new Date(restoreBy))}`;

    const resident = await journey.phone();
    const rp = resident.page;
    await step(resident, 'login-bind', () => loginAndBind(rp, 'outage-journey', HOME));

    await step(resident, 'home-banner', async () => {
      const banner = currentPage(rp).locator('#home-outage');
      await banner.waitFor();
      expect(await banner.locator('.outage-banner__title').innerText()).toBe(`${OUTAGE_LABELS.gas}中`);
      expect(await banner.locator('.outage-banner__restore').innerText()).toBe(restoreText);
    });

    await step(resident, 'repair-page-banner', async () => {
      await currentPage(rp).locator('#home-entry-repair').click();
      await rp.waitForURL(/#\/packages\/repair\/index/);
      await pageSettled(rp);
      const banner = currentPage(rp).locator('#repair-outage');
      await banner.waitFor();
      expect(await banner.locator('.outage-banner__title').innerText()).toBe('停气中');
      expect(await banner.locator('.outage-banner__restore').innerText()).toBe(restoreText);
      expect(await banner.innerText()).toContain('原因：楼前中压管线抢修');
    });
  });
});
