import { render, screen } from '@testing-library/react';
import { ResidentStep, TicketType, type ResidentTicketView } from '@utility/shared';
import { NOTICE_TEMPLATES, residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { byId } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import RequestDetailPage from './detail';

const application = (decision: ResidentTicketView['decision']) =>
  residentTicket({
    type: TicketType.Application,
    typeLabel: '业务办理',
    step: decision ? ResidentStep.Done : ResidentStep.Accepted,
    stepLabel: decision ? '已处理' : '已受理',
    canCancel: false,
    decision,
  });

beforeEach(() => {
  taro.resetTaroMock();
  signInResident();
  taro.setRouterParams({ id: '5' });
});

describe("an application's decision on its request page", () => {
  it('shows 不予办理 with the reason given, so the resident knows what to do next', async () => {
    serve({
      'GET /api/my/tickets/5': () =>
        answer(
          200,
          application({
            approved: false,
            reason: '房产证与户主姓名不一致，请补充材料后重新申请',
            at: '2026-11-24T02:00:00Z',
          }),
        ),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
    });
    render(<RequestDetailPage />);
    await screen.findByText('房产证与户主姓名不一致，请补充材料后重新申请');
    expect(byId('request-decision-verdict').textContent).toBe('不予办理');
    expect(byId('request-decision').textContent).toContain('2026-11-24 10:00');
  });

  it('shows nothing before it is decided', async () => {
    serve({
      'GET /api/my/tickets/5': () => answer(200, application(null)),
      'GET /api/notice-templates': () => answer(200, NOTICE_TEMPLATES),
    });
    render(<RequestDetailPage />);
    await screen.findByText('业务办理', { exact: false });
    expect(document.getElementById('request-decision')).toBeNull();
  });
});
