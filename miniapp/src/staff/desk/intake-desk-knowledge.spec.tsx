import { fireEvent, render, screen } from '@testing-library/react';
import { Role, TicketType } from '@utility/shared';
import { staffLogin, ticketView } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import { IntakeDesk } from './intake-desk.h5';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const input = (id: string) => document.getElementById(id) as HTMLInputElement;
const article = {
  id: 12,
  kind: 'guide',
  kindLabel: '办事指南',
  title: '燃气过户办理指南',
  summary: '所需材料…',
  tags: [],
  fees: null,
  published: true,
  updatedAt: '2026-12-01T00:00:00Z',
};

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
});

describe('desk intake: the knowledge base beside the form', () => {
  it('one click files the caller’s question and answers it from the article', async () => {
    serve({
      [`GET /api/staff/knowledge?q=${encodeURIComponent('过户')}`]: () => answer(200, [article]),
      'GET /api/staff/knowledge/12': () => answer(200, { ...article, body: '带身份证、房产证到营业厅办理。' }),
      'POST /api/tickets': () => answer(201, ticketView({ id: 90, no: 'T90', type: TicketType.Consultation })),
      'POST /api/tickets/90/answer': () => answer(200, ticketView({ id: 90, type: TicketType.Consultation })),
    });
    render(<IntakeDesk onOpenTicket={() => undefined} />);
    fireEvent.change(input('desk-intake-type'), { target: { value: 'consultation' } });
    fireEvent.change(input('desk-intake-contactName'), { target: { value: '李女士' } });
    fireEvent.change(input('desk-intake-contactPhone'), { target: { value: '13812345678' } });
    fireEvent.change(input('desk-intake-address'), { target: { value: '幸福小区3栋2单元501' } });
    await typeInto('desk-knowledge-q', '过户');
    await tap('desk-knowledge-search');
    await screen.findByText('燃气过户办理指南');
    await tap('desk-knowledge-use-12');
    expect(posts().map((p) => p.url)).toEqual(['/api/tickets', '/api/tickets/90/answer']);
    expect(posts()[0].data).toMatchObject({ type: 'consultation', description: '咨询：燃气过户办理指南' });
    expect(posts()[1].data).toEqual({ text: '带身份证、房产证到营业厅办理。', articleId: 12 });
    expect(document.getElementById('desk-intake-filed-no')?.textContent).toBe('T90');
  });
});
