import { currentPage, eventually, openHome, staffLogin, step } from '../support/browser';
import { api } from '../support/server-process';
import { DEMO_PASSWORD } from '../support/server-process';
import { useJourney } from '../support/journey';

const QUEUE_CODE = 'repair-east-heat';
const NEW_PASSWORD = 'Qian-Shifu-Repair-2026';

/**
 * Issue 13 in a real browser: an admin creates a technician in the operator's console and reads the
 * one-time password once; the technician signs in with it, must change it first, and then takes a
 * job from the station's repair queue.
 */
describe('browser', () => {
  const journey = useJourney();

  it('staff accounts journey', async () => {
    const base = journey.server.url;
    const adminToken = (
      await api(base, 'POST', '/api/staff/login', undefined, { username: 'admin', password: DEMO_PASSWORD })
    ).body.token;
    const options = (await api(base, 'GET', '/api/admin/staff/options', adminToken)).body;
    const queueId = (await api(base, 'GET', '/api/queues', adminToken)).body.find(
      (q: { code: string }) => q.code === QUEUE_CODE,
    ).id;
    const east = options.districts.find((d: { name: string }) => d.name === '城东片区').id;

    // 1. Admin: staff home → 员工账号管理 → 新增员工 → the one-time password, shown once.
    const admin = await journey.phone();
    const initialPassword = await step(admin, 'admin-creates-technician', async () => {
      const { page } = admin;
      await staffLogin(page, 'admin');
      await page.locator('#admin-staff-entry').click();
      await page.waitForURL(/#\/admin\/staff\/index/);
      await page.locator('#staff-tech1').waitFor();
      await page.locator('#staff-create').click();
      await page.waitForURL(/#\/admin\/staff\/edit/);
      await page.locator('#staff-username input').fill('qian9');
      await page.locator('#staff-name input').fill('钱师傅');
      await page.locator('#staff-employee-no input').fill('E0909');
      await page.locator('#staff-phone input').fill('13900009999');
      await page.locator('#staff-wecom input').fill('qianshifu');
      await page.locator('#staff-role-technician').click();
      await page.locator(`#staff-district-${east}`).click();
      await page.locator(`#staff-queue-${queueId}`).click();
      await page.locator('#staff-save').click();
      const shown = page.locator('#one-time-password-value');
      await shown.waitFor();
      const password = (await shown.innerText()).trim();
      expect(password).toMatch(/^[A-Za-z0-9]{12}$/);
      await page.locator('#one-time-password-done').click();
      await page.waitForURL(/#\/admin\/staff\/index/);
      const card = currentPage(page).locator('#staff-qian9');
      await eventually(async () => expect(await card.innerText()).toContain('待改初始密码'));
      expect(await card.innerText()).toContain('139****9999');
      return password;
    });

    // The server has them as the form said, and the change log has who created them, without the password.
    const listed = (await api(base, 'GET', '/api/admin/staff', adminToken)).body.find(
      (s: { username: string }) => s.username === 'qian9',
    );
    expect(listed).toMatchObject({
      name: '钱师傅',
      employeeNo: 'E0909',
      roles: ['technician'],
      districtId: east,
      queueIds: [queueId],
      wecomUserId: 'qianshifu',
      mustChangePassword: true,
    });
    const log = await api(base, 'GET', `/api/admin/audit?subjectType=staff&subjectId=${listed.id}`, adminToken);
    expect(log.body[0]).toMatchObject({ action: 'staff.create', staffName: '系统管理员' });
    expect(JSON.stringify(log.body)).not.toContain(initialPassword);

    // A call comes in for an east-heat account: it lands in the station's repair queue.
    const agentToken = (
      await api(base, 'POST', '/api/staff/login', undefined, { username: 'agent1', password: DEMO_PASSWORD })
    ).body.token;
    const ticket = await api(base, 'POST', '/api/tickets', agentToken, {
      type: 'repair',
      accountNo: '9100000001',
      address: '城东区幸福路11号2单元202室',
      contactName: '林女士',
      contactPhone: '13812345678',
      description: '卫生间暖气片漏水',
      channel: 'phone',
    });
    expect(ticket.status).toBe(201);

    // 2. Technician: signs in with the one-time password, is sent to change it, then works.
    const tech = await journey.phone();
    await step(tech, 'technician-first-sign-in', async () => {
      const { page } = tech;
      await openHome(page);
      await page.locator('#home-staff-entry').click();
      await page.locator('#login-username input').fill('qian9');
      await page.locator('#login-password input').fill(initialPassword);
      await page.locator('#login-submit').click();
      await page.waitForURL(/#\/staff\/password\/index\?required=1/);
      await page.locator('#password-required').waitFor();
    });
    await step(tech, 'technician-changes-password', async () => {
      const { page } = tech;
      // A common password is refused with the reason, beside the field.
      await page.locator('#password-current input').fill(initialPassword);
      await page.locator('#password-next input').fill('password123');
      await page.locator('#password-repeat input').fill('password123');
      await page.locator('#password-submit').click();
      await eventually(async () =>
        expect(await page.locator('#password-next-error').innerText()).toContain('过于常见'),
      );
      await page.locator('#password-next input').fill(NEW_PASSWORD);
      await page.locator('#password-repeat input').fill(NEW_PASSWORD);
      await page.locator('#password-submit').click();
      await page.locator('.section-title', { hasText: '我的队列' }).waitFor();
      await page.waitForURL(/#\/staff\/queues\/index/);
    });
    // The one-time password is spent; the new one signs in without a change.
    expect(
      (await api(base, 'POST', '/api/staff/login', undefined, { username: 'qian9', password: initialPassword })).status,
    ).toBe(401);
    const techLogin = await api(base, 'POST', '/api/staff/login', undefined, {
      username: 'qian9',
      password: NEW_PASSWORD,
    });
    expect(techLogin.body.mustChangePassword).toBe(false);

    await step(tech, 'technician-takes-job', async () => {
      const { page } = tech;
      await page.locator(`#queue-${QUEUE_CODE}`).click();
      await page.locator(`#ticket-${ticket.body.no}`).click();
      await page.waitForURL(new RegExp(`#/staff/ticket/index\\?id=${ticket.body.id}\\b`));
      await page.locator('#ticket-claim').click();
      await page.locator('#transition-en_route').waitFor();
      const shown = currentPage(page);
      expect(await shown.locator('.badge--status').innerText()).toBe('已派单');
      expect(await shown.locator('.ticket__line').innerText()).toContain('处理人：钱师傅');
    });
    const detail = await api(base, 'GET', `/api/tickets/${ticket.body.id}`, agentToken);
    expect(detail.body).toMatchObject({ status: 'assigned', assigneeId: listed.id, assigneeName: '钱师傅' });

    // 3. Admin disables the technician: their phone is signed out at its next call.
    await step(admin, 'admin-disables', async () => {
      const { page } = admin;
      await currentPage(page).locator('#staff-qian9-toggle').click();
      await page.locator('.taro-model__confirm:visible', { hasText: '停用' }).click();
      await eventually(async () =>
        expect(await currentPage(page).locator('#staff-qian9').innerText()).toContain('已停用'),
      );
    });
    const refused = await api(base, 'GET', '/api/field/jobs', techLogin.body.token);
    expect(refused.status).toBe(401);
  });
});
