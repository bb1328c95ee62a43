import { render, screen } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import AuditPage from './index';

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Admin));
});

describe('变更记录 (the admins’ change log and the personal-data access log)', () => {
  it('lists who changed what, when, before and after; beside it, who saw which personal data', async () => {
    serve({
      'GET /api/admin/audit?limit=100': () =>
        answer(200, [
          {
            id: 9,
            staffId: 1,
            staffName: '系统管理员',
            action: 'staff.update',
            subjectType: 'staff',
            subjectId: '12',
            before: { roles: ['technician'] },
            after: { roles: ['technician', 'dispatcher'] },
            at: '2026-11-23T02:05:00Z',
          },
          {
            id: 8,
            staffId: 1,
            staffName: '系统管理员',
            action: 'staff.create',
            subjectType: 'staff',
            subjectId: '12',
            before: null,
            after: { username: 'tech9', settings: 'x'.repeat(300) },
            at: '2026-11-23T02:00:00Z',
          },
        ]),
      'GET /api/admin/personal-data-access?limit=100': () =>
        answer(200, [
          {
            id: 4,
            staffId: 3,
            staffName: '张坐席',
            subjectType: 'ticket',
            subjectId: 77,
            field: 'contactPhone',
            at: '2026-11-23T03:00:00Z',
          },
        ]),
    });
    render(<AuditPage />);

    await screen.findByText('staff.update · staff 12');
    expect(byId('audit-change-9').textContent).toBe(
      'staff.update · staff 122026-11-23 10:05 · 系统管理员变更前：{"roles":["technician"]}变更后：{"roles":["technician","dispatcher"]}',
    );
    // A creation has no before; a long value is cut in the list.
    expect(byId('audit-change-8').textContent).toContain('变更前：—');
    expect(byId('audit-change-8').textContent).toMatch(/x…$/);

    await tap('audit-log-access');
    expect(byId('audit-access-4').textContent).toBe('张坐席 查看了 ticket 77 的 contactPhone2026-11-23 11:00');
    expect(document.getElementById('audit-changes')).toBeNull();
  });

  it('says when a log is empty', async () => {
    serve({
      'GET /api/admin/audit?limit=100': () => answer(200, []),
      'GET /api/admin/personal-data-access?limit=100': () => answer(200, []),
    });
    render(<AuditPage />);
    expect((await screen.findByText('暂无记录')).closest('#audit-changes')).not.toBeNull();
  });
});
