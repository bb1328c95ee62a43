import { render, screen } from '@testing-library/react';
import { ResidentStep, TicketType } from '@utility/shared';
import { residentTicket, signInResident } from '../../../test/factories/residents';
import { answer, serve } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import MyRequestsPage from './index';

beforeEach(() => taro.resetTaroMock());

describe('my requests', () => {
  it('lists each request with its type and where it stands, and opens it', async () => {
    signInResident();
    serve({
      'GET /api/my/tickets': () =>
        answer(200, [
          residentTicket({
            id: 5,
            no: 'T5',
            type: TicketType.Leak,
            typeLabel: '燃气泄漏',
            step: ResidentStep.OnTheWay,
            stepLabel: '师傅在路上',
          }),
          residentTicket({ id: 6, no: 'T6', step: ResidentStep.Cancelled, stepLabel: '已取消' }),
        ]),
    });
    render(<MyRequestsPage />);

    await screen.findByText('燃气泄漏');
    expect(byId('request-T5').textContent).toContain('师傅在路上');
    expect(byId('request-T6').textContent).toContain('已取消');
    await tap('request-T5');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/requests/detail?id=5' });
  });

  it('says so when there is none', async () => {
    signInResident();
    serve({ 'GET /api/my/tickets': () => answer(200, []) });
    render(<MyRequestsPage />);
    expect(await screen.findByText('暂无报修记录')).toBeTruthy();
  });

  it('asks a visitor to log in first', () => {
    render(<MyRequestsPage />);
    expect(byId('requests-login')).toBeTruthy();
    expect(taro.request).not.toHaveBeenCalled();
  });
});
