import { ErrorCode, Role } from '@utility/shared';
import { StaffPrincipal } from '../common/principal';
import { Staff, expectRefused, signIn } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';
import { AdminAudit } from './admin-audit.service';

/** docs/domain.md#personal-data: every admin change is kept, readable by admins only. */
describe("the admins' change log", () => {
  let t: TestApp;
  let admin: Staff;
  let supervisor: Staff;
  beforeAll(async () => {
    t = await startTestApp();
    [admin, supervisor] = await Promise.all([signIn(t, 'admin'), signIn(t, 'supervisor1')]);
  });
  afterAll(() => t.close());

  const actor = (): StaffPrincipal => ({
    kind: 'staff',
    id: 1,
    name: '管理员',
    role: Role.Admin,
    stationId: null,
    districtId: null,
  });

  it('lists a change with who, what, before and after, newest first', async () => {
    const audit = t.app.get(AdminAudit);
    await audit.record(actor(), {
      action: 'queue.create',
      subjectType: 'queue',
      subjectId: 7,
      after: { name: '东区报修' },
    });
    await audit.record(actor(), {
      action: 'queue.update',
      subjectType: 'queue',
      subjectId: 7,
      before: { name: '东区报修' },
      after: { name: '东区维修' },
    });
    const res = await t.http().get('/api/admin/audit?subjectType=queue&subjectId=7').set('Authorization', admin.auth);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        action: 'queue.update',
        staffName: '管理员',
        subjectId: '7',
        before: { name: '东区报修' },
        after: { name: '东区维修' },
      }),
      expect.objectContaining({ action: 'queue.create', before: null, after: { name: '东区报修' } }),
    ]);
  });

  it('is refused to anyone but an admin', async () => {
    const res = await t.http().get('/api/admin/audit').set('Authorization', supervisor.auth);
    expectRefused(res, 403, ErrorCode.Forbidden);
  });

  it('refuses a limit out of range', async () => {
    const res = await t.http().get('/api/admin/audit?limit=5000').set('Authorization', admin.auth);
    expect(res.status).toBe(400);
  });
});
