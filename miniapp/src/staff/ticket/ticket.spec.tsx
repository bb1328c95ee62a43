import { render, screen } from '@testing-library/react';
import { Role, TicketEventKind, TicketStatus, TicketType } from '@utility/shared';
import { staffLogin, ticketDetail } from '../../../test/factories/tickets';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import TicketPage from './index';

const answer = (statusCode: number, data: unknown) => Promise.resolve({ statusCode, data, header: {} });
const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');

function serve(routes: Record<string, () => Promise<unknown>>) {
  taro.request.mockImplementation(({ url, method }: { url: string; method: string }) => routes[`${method} ${url}`]());
}

beforeEach(() => {
  taro.resetTaroMock();
  taro.setRouterParams({ id: '5' });
});

describe('ticket page', () => {
  it('tells the story oldest first, with who, when and from → to', async () => {
    saveSession(staffLogin(Role.Technician));
    const detail = ticketDetail({
      id: 5,
      events: [
        {
          id: 2,
          kind: TicketEventKind.Transition,
          at: '2026-11-23T05:10:00Z',
          actorId: 3,
          actorName: '张坐席',
          fromStatus: TicketStatus.Submitted,
          toStatus: TicketStatus.Accepted,
          note: '已电话确认',
        },
        {
          id: 1,
          kind: TicketEventKind.Created,
          at: '2026-11-23T05:00:00Z',
          actorId: null,
          actorName: null,
          fromStatus: null,
          toStatus: TicketStatus.Submitted,
          note: null,
        },
      ],
    });
    serve({ 'GET /api/tickets/5': () => answer(200, detail) });

    render(<TicketPage />);

    const items = await screen.findAllByText(/创建工单|状态变更/);
    expect(items.map((i) => i.textContent)).toEqual(['创建工单', '状态变更']);
    const last = document.querySelectorAll('.timeline-item')[1].textContent;
    expect(last).toContain('张坐席');
    expect(last).toContain('2026-11-23 13:10');
    expect(last).toContain('待受理 → 已受理');
    expect(last).toContain('已电话确认');
  });

  it('claims an unassigned ticket; if someone was faster, says so and shows who', async () => {
    saveSession(staffLogin(Role.Technician));
    let detail = ticketDetail({ id: 5, status: TicketStatus.Accepted });
    serve({
      'GET /api/tickets/5': () => answer(200, detail),
      'POST /api/tickets/5/claim': () => {
        detail = { ...detail, status: TicketStatus.Assigned, assigneeId: 9, assigneeName: '赵师傅' };
        return answer(409, { code: 'TICKET_ALREADY_CLAIMED', message: '该工单已被他人领取' });
      },
    });
    render(<TicketPage />);
    await screen.findByText('领取');

    await tap('ticket-claim');

    expect(taro.showToast).toHaveBeenCalledWith(expect.objectContaining({ title: '该工单已被他人领取' }));
    expect(await screen.findByText(/处理人：赵师傅/)).toBeTruthy();
    expect(document.getElementById('ticket-claim')).toBeNull();
  });

  it('offers one button per allowed move and sends the note with it', async () => {
    saveSession(staffLogin(Role.Technician));
    const detail = ticketDetail({
      id: 5,
      type: TicketType.Leak,
      status: TicketStatus.Assigned,
      assigneeId: 7,
      allowedTransitions: [TicketStatus.Accepted, TicketStatus.EnRoute],
    });
    serve({
      'GET /api/tickets/5': () => answer(200, detail),
      'POST /api/tickets/5/transition': () => answer(200, detail),
    });
    render(<TicketPage />);
    await screen.findByText('出发');
    expect(byId('transition-accepted').textContent).toBe('退回');

    await typeInto('transition-note', '带上检漏仪');
    await tap('transition-en_route');

    expect(posts()).toEqual([expect.objectContaining({ data: { to: 'en_route', note: '带上检漏仪' } })]);
    expect(taro.request.mock.calls.filter(([o]) => o.method === 'GET')).toHaveLength(2); // refreshed
  });

  it('sends the assignee of a repair on site to the job page for its result, with no 处理完成 button', async () => {
    saveSession(staffLogin(Role.Technician));
    const detail = ticketDetail({
      id: 5,
      type: TicketType.Repair,
      status: TicketStatus.OnSite,
      assigneeId: 7,
      allowedTransitions: [TicketStatus.Accepted],
    });
    serve({ 'GET /api/tickets/5': () => answer(200, detail) });
    render(<TicketPage />);
    await screen.findByText('填写处理结果');
    expect(document.getElementById('transition-resolved')).toBeNull();

    await tap('ticket-open-job');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/staff/job/index?id=5' });
  });

  it('lets a dispatcher pick a member of the queue, seeing each one’s shift and load, and assign', async () => {
    saveSession(staffLogin(Role.Dispatcher));
    const later = (hours: number) => new Date(Date.now() + hours * 3_600_000).toISOString();
    serve({
      'GET /api/tickets/5': () => answer(200, ticketDetail({ id: 5, queueId: 3 })),
      'GET /api/queues/3/members': () =>
        answer(200, [
          { id: 11, name: '钱师傅', role: Role.Technician, onDuty: false, openCount: 0, capacity: 5, shift: null },
          {
            id: 12,
            name: '孙师傅',
            role: Role.Technician,
            onDuty: true,
            openCount: 5,
            capacity: 5,
            shift: { startsAt: later(-2), endsAt: later(6) },
          },
          {
            id: 13,
            name: '赵师傅',
            role: Role.Technician,
            onDuty: false,
            openCount: 1,
            capacity: 4,
            shift: { startsAt: later(3), endsAt: later(11) },
          },
        ]),
      'POST /api/tickets/5/assign': () => answer(200, ticketDetail({ id: 5 })),
    });
    render(<TicketPage />);
    await screen.findByText('派单');

    await tap('assign-open');
    await screen.findByText('孙师傅');
    // On duty first; each with their shift and open jobs against capacity.
    expect([...document.querySelectorAll('[id^="assign-member-"].assign__member')].map((el) => el.id)).toEqual([
      'assign-member-12',
      'assign-member-11',
      'assign-member-13',
    ]);
    expect(document.getElementById('assign-member-12-shift')?.textContent).toMatch(/^当班至 \d\d-\d\d \d\d:\d\d$/);
    expect(document.getElementById('assign-member-12-load')?.textContent).toBe('在办 5 / 5');
    expect(document.getElementById('assign-member-12-load')?.className).toContain('assign__load--full');
    expect(document.getElementById('assign-member-13-shift')?.textContent).toMatch(/^下一班 \d\d-\d\d \d\d:\d\d 起$/);
    expect(document.getElementById('assign-member-11-shift')?.textContent).toBe('24小时内无排班');
    await tap('assign-member-12');
    await tap('assign-submit');

    expect(posts()).toEqual([expect.objectContaining({ url: '/api/tickets/5/assign', data: { staffId: 12 } })]);
  });

  it('a technician does not get the 派单 button', async () => {
    saveSession(staffLogin(Role.Technician));
    serve({ 'GET /api/tickets/5': () => answer(200, ticketDetail({ id: 5 })) });
    render(<TicketPage />);
    await screen.findByText('领取');
    expect(document.getElementById('assign-open')).toBeNull();
  });
});

describe('contact phone', () => {
  it('the assignee reveals the masked number and can call it', async () => {
    saveSession(staffLogin(Role.Technician)); // staff id 7
    serve({
      'GET /api/tickets/5': () => answer(200, ticketDetail({ id: 5, assigneeId: 7, contactPhone: '138****5678' })),
      'POST /api/tickets/5/reveal-phone': () => answer(200, { phone: '13812345678' }),
    });
    render(<TicketPage />);
    await screen.findByText('查看号码');

    await tap('ticket-reveal-phone');
    await tap('ticket-call');

    expect(taro.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '13812345678' });
  });

  it('nobody else is offered the number', async () => {
    saveSession(staffLogin(Role.Technician));
    serve({
      'GET /api/tickets/5': () => answer(200, ticketDetail({ id: 5, assigneeId: 9, contactPhone: '138****5678' })),
    });
    render(<TicketPage />);
    await screen.findByText(/138\*\*\*\*5678/);
    expect(document.getElementById('ticket-reveal-phone')).toBeNull();
  });
});

describe('ticket page: duplicates and photos', () => {
  it('flags a possible duplicate and links it; shows the photos fetched with the staff token', async () => {
    saveSession(staffLogin(Role.Agent));
    const parent = {
      id: 3,
      no: 'T202611230003',
      type: TicketType.Leak,
      status: TicketStatus.Assigned,
      address: '幸福小区3栋1单元',
    };
    let detail = ticketDetail({
      id: 5,
      type: TicketType.Leak,
      possibleDuplicateOf: parent,
      photos: [{ id: 41, kind: 'resident', url: '/api/uploads/41', takenAt: '2026-11-23T05:00:00Z' }],
    });
    serve({
      'GET /api/tickets/5': () => answer(200, detail),
      'POST /api/tickets/5/link': () => {
        detail = { ...detail, status: TicketStatus.Accepted, possibleDuplicateOf: null, parent };
        return answer(200, detail);
      },
    });
    taro.downloadFile.mockResolvedValue({ statusCode: 200, tempFilePath: 'blob:photo-41' });

    render(<TicketPage />);

    expect(await screen.findByText('可能重复报修')).toBeTruthy();
    expect(byId('ticket-duplicate').textContent).toContain('T202611230003');
    const image = await screen.findByText('用户照片');
    expect(image).toBeTruthy();
    expect(taro.downloadFile).toHaveBeenCalledWith(
      expect.objectContaining({
        url: expect.stringMatching(/\/api\/uploads\/41$/),
        header: { Authorization: 'Bearer tok-1' },
      }),
    );

    await tap('ticket-link');

    expect(posts()).toEqual([
      expect.objectContaining({ url: expect.stringMatching(/\/api\/tickets\/5\/link$/), data: { parentId: 3 } }),
    ]);
    expect(await screen.findByText(/已并入工单 T202611230003/)).toBeTruthy();
    expect(document.getElementById('ticket-link')).toBeNull();
  });
});
