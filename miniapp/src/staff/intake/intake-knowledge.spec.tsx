import { render, screen } from '@testing-library/react';
import { Role, TicketType } from '@utility/shared';
import { staffLogin, ticketView } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, pick, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import IntakePage from './index';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const CONSULTATION = Object.values(TicketType).indexOf(TicketType.Consultation);
const REPAIR = Object.values(TicketType).indexOf(TicketType.Repair);
const article = {
  id: 12,
  kind: 'faq',
  kindLabel: '常见问题',
  title: '暖气费可以分期吗',
  summary: '可以分期…',
  tags: [],
  fees: null,
  published: true,
  updatedAt: '2026-12-01T00:00:00Z',
};
const routes = {
  [`GET /api/staff/knowledge?q=${encodeURIComponent('分期')}`]: () => answer(200, [article]),
  'GET /api/staff/knowledge/12': () => answer(200, { ...article, body: '可以，请到营业厅签订分期缴费协议。' }),
};

async function fillCaller() {
  await typeInto('intake-address', '幸福小区3栋2单元501');
  await typeInto('intake-contactName', '李女士');
  await typeInto('intake-contactPhone', '13812345678');
  await typeInto('intake-knowledge-q', '分期');
  await tap('intake-knowledge-search');
  await screen.findByText('暖气费可以分期吗');
}

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
});

describe('the knowledge base at phone intake', () => {
  it('one click files a question and answers it from the article at once', async () => {
    serve({
      ...routes,
      'POST /api/tickets': () => answer(201, ticketView({ id: 77, type: TicketType.Consultation })),
      'POST /api/tickets/77/answer': () => answer(200, ticketView({ id: 77, type: TicketType.Consultation })),
    });
    render(<IntakePage />);
    pick('intake-type', CONSULTATION);
    await fillCaller();
    await tap('intake-knowledge-use-12');
    expect(posts().map((p) => p.url)).toEqual(['/api/tickets', '/api/tickets/77/answer']);
    expect(posts()[0].data).toMatchObject({ type: 'consultation', description: '咨询：暖气费可以分期吗' });
    expect(posts()[1].data).toEqual({ text: '可以，请到营业厅签订分期缴费协议。', articleId: 12 });
    expect(taro.redirectTo).toHaveBeenCalledWith({ url: '/staff/ticket/index?id=77' });
  });

  it("puts the article's answer into another request's description, sending nothing until submitted", async () => {
    serve({ ...routes, 'POST /api/tickets': () => answer(201, ticketView({ id: 78 })) });
    render(<IntakePage />);
    pick('intake-type', REPAIR);
    await fillCaller();
    expect(byId('intake-knowledge-use-12').textContent).toBe('填入描述');
    await tap('intake-knowledge-use-12');
    expect(posts()).toEqual([]);
    await tap('intake-submit');
    expect(posts().map((p) => p.url)).toEqual(['/api/tickets']);
    expect(posts()[0].data.description).toBe('【暖气费可以分期吗】可以，请到营业厅签订分期缴费协议。');
  });
});
