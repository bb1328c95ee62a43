import { currentPage, pageSettled, staffLogin, step } from '../support/browser';
import { DEMO_PASSWORD, api, staffToken } from '../support/server-process';
import { useJourney } from '../support/journey';

/**
 * The admin's 组织与配置 pages against the built server: the calendar warning, a new district, the
 * roster, and the repair price list a technician's quote is priced from.
 */
describe('browser', () => {
  const journey = useJourney();

  it('admin organisation pages', async () => {
    const base = journey.server.url;
    const token = (
      await api(base, 'POST', '/api/staff/login', undefined, { username: 'admin', password: DEMO_PASSWORD })
    ).body.token as string;
    const admin = await journey.phone();
    const { page } = admin;
    await step(admin, 'org-index', async () => {
      await staffLogin(page, 'admin');
      await page.locator('#org-admin-entry').click();
      await page.waitForURL(/#\/admin\/org\/index/);
      await pageSettled(page);
      // The page shows exactly the server's warning about next year's holidays, or none.
      const status = (await api(base, 'GET', '/api/admin/calendar/status', token)).body;
      const warning = currentPage(page).locator('#calendar-warning');
      if (status.warning) expect((await warning.innerText()).trim()).toBe(status.warning);
      else expect(await warning.count()).toBe(0);
    });
    await step(admin, 'org-add-district', async () => {
      await currentPage(page).locator('#org-districts').click();
      await page.waitForURL(/#\/admin\/org\/districts/);
      await pageSettled(page);
      const here = currentPage(page);
      await here.locator('.org-row', { hasText: '城东片区' }).first().waitFor();
      await here.locator('#district-code input').fill('north');
      await here.locator('#district-name input').fill('城北片区');
      await here.locator('#district-save').click();
      await here.locator('.org-row', { hasText: '城北片区' }).waitFor();
      const districts = (await api(base, 'GET', '/api/admin/districts', token)).body as {
        code: string;
        name: string;
      }[];
      expect(districts).toContainEqual(expect.objectContaining({ code: 'north', name: '城北片区' }));
      await page.goBack();
      await pageSettled(page);
    });
    await step(admin, 'org-rota', async () => {
      await currentPage(page).locator('#org-rota').click();
      await page.waitForURL(/#\/admin\/org\/rota/);
      await pageSettled(page);
      // The demo roster: today's east technician shifts name 张师傅 and 刘师傅.
      const row = currentPage(page).locator('.org-row', { hasText: '城东片区' }).first();
      await row.waitFor();
      expect(await row.innerText()).toContain('张师傅、刘师傅');
      await page.goBack();
      await pageSettled(page);
    });
    await step(admin, 'org-price-list', async () => {
      await currentPage(page).locator('#org-price-list').click();
      await page.waitForURL(/#\/admin\/org\/price-list/);
      await pageSettled(page);
      const here = currentPage(page);
      // The hose is ¥45.00 as seeded; the admin makes it ¥52.50 and retires 暖气片清洗.
      const hose = here.locator('.org-row', { hasText: '燃气灶前软管更换' });
      expect(await hose.innerText()).toContain('¥45.00/根');
      await hose.click();
      await here.locator('#price-yuan input').fill('52.50');
      await here.locator('.org-row', { hasText: '暖气片清洗' }).click();
      await here.locator('#price-state-retired').click();
      await here.locator('#price-save').click();
      await here.locator('#price-saved').waitFor();
      expect(await hose.innerText()).toContain('¥52.50/根');
      // What a technician may quote now: the new price, without the retired item.
      const quotable = (await api(base, 'GET', '/api/field/price-list', await staffToken(base, 'tech1'))).body as {
        code: string;
        unitFen: number;
      }[];
      expect(quotable.find((i) => i.code === 'gas-hose')?.unitFen).toBe(5250);
      expect(quotable.map((i) => i.code)).not.toContain('radiator-flush');
    });
  });
});
