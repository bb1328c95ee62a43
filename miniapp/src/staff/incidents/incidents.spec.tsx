import { render, screen, waitFor } from '@testing-library/react';
import { Role, TicketStatus, type IncidentView } from '@utility/shared';
import { staffLogin, ticketDetail } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { downloadStaffFile } from '../../platform/staff-download';
import { saveSession } from '../../services/session';
import TicketPage from '../ticket/index';
import IncidentsPage from './index';

jest.mock('../../platform/staff-download', () => ({ downloadStaffFile: jest.fn() }));
const download = downloadStaffFile as jest.MockedFunction<typeof downloadStaffFile>;
const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');

const incident = (over: Partial<IncidentView> = {}): IncidentView => ({
  id: 3,
  title: '幸福路11号楼燃气泄漏',
  description: '',
  status: 'open',
  lead: { id: 7, name: '王调度' },
  startedAt: '2026-11-23T02:00:00Z',
  closedAt: null,
  tickets: [
    {
      id: 21,
      no: '20261123000021',
      type: 'leak',
      status: 'assigned',
      address: '城东区幸福路11号2单元302室',
      createdAt: '2026-11-23T02:01:00Z',
    },
  ],
  timeline: [{ at: '2026-11-23T02:00:00Z', kind: 'declared', note: '启动重大事件', actor: '王调度' }],
  ...over,
});

beforeEach(() => {
  taro.resetTaroMock();
  download.mockReset().mockResolvedValue(undefined);
});

describe('重大事件 page', () => {
  it('declares an incident led by whoever declares it, once per fill', async () => {
    saveSession(staffLogin(Role.Agent));
    let list: IncidentView[] = [];
    serve({
      'GET /api/staff/incidents': () => answer(200, list),
      'POST /api/staff/incidents': () => {
        list = [incident({ tickets: [] })];
        return answer(201, list[0]);
      },
    });
    render(<IncidentsPage />);
    await screen.findByText('暂无重大事件');

    await tap('incident-declare');
    expect(byId('incident-title-error').textContent).toBe('请填写事件名称');
    await typeInto('incident-title', '幸福路11号楼燃气泄漏');
    await tap('incident-declare');

    expect(posts()).toEqual([
      expect.objectContaining({
        url: '/api/staff/incidents',
        data: { title: '幸福路11号楼燃气泄漏', description: '' },
        header: expect.objectContaining({ 'Idempotency-Key': expect.any(String) }),
      }),
    ]);
    expect((await screen.findByText(/处置中$/)).textContent).toBe('幸福路11号楼燃气泄漏 · 处置中');
    // An agent does not close incidents.
    expect(document.getElementById('incident-3-close')).toBeNull();
  });

  it('shows its tickets and timeline; dispatch records progress, exports the record and closes it', async () => {
    saveSession(staffLogin(Role.Dispatcher));
    let current = incident();
    serve({
      'GET /api/staff/incidents': () => answer(200, [current]),
      'POST /api/staff/incidents/3/notes': () => {
        current = incident({
          timeline: [
            ...current.timeline,
            { at: '2026-11-23T02:30:00Z', kind: 'note', note: '已关闭楼栋阀门', actor: '王调度' },
          ],
        });
        return answer(200, current);
      },
      'POST /api/staff/incidents/3/close': () => {
        current = { ...current, status: 'closed', closedAt: '2026-11-23T05:00:00Z' };
        return answer(200, current);
      },
    });
    render(<IncidentsPage />);
    expect((await screen.findByText(/20261123000021/)).textContent).toBe(
      '20261123000021 燃气泄漏/跑冒滴漏 · 城东区幸福路11号2单元302室 · 已派单',
    );

    await typeInto('incident-3-note', '已关闭楼栋阀门');
    await tap('incident-3-add-note');
    expect(await screen.findByText('2026-11-23 10:30 王调度：已关闭楼栋阀门')).toBeTruthy();

    await tap('incident-3-export');
    expect(download).toHaveBeenCalledWith('/api/staff/incidents/3/export.csv', '重大事件-3.csv');

    await tap('incident-3-close');
    await screen.findByText('幸福路11号楼燃气泄漏 · 已结束');
    expect(document.getElementById('incident-3-note')).toBeNull();
  });
});

describe('归入重大事件 on the ticket page', () => {
  it('lists the open incidents when asked and groups the ticket under the one picked', async () => {
    saveSession(staffLogin(Role.Agent));
    taro.setRouterParams({ id: '5' });
    serve({
      'GET /api/tickets/5': () => answer(200, ticketDetail({ id: 5, status: TicketStatus.Accepted })),
      'GET /api/staff/incidents': () =>
        answer(200, [incident({ id: 2, title: '已结束的事件', status: 'closed' }), incident()]),
      'POST /api/staff/incidents/3/tickets': () => answer(200, incident()),
    });
    render(<TicketPage />);
    await screen.findByText('归入重大事件…');
    await tap('ticket-incident-open');

    await waitFor(() => expect(byId('ticket-incident-value').textContent).toBe('幸福路11号楼燃气泄漏 ›'));
    await tap('ticket-incident-join');
    expect(posts()).toEqual([
      expect.objectContaining({ url: '/api/staff/incidents/3/tickets', data: { ticketId: 5 } }),
    ]);
    expect((await screen.findByText(/已归入/)).textContent).toBe('已归入重大事件：幸福路11号楼燃气泄漏');
  });
});
