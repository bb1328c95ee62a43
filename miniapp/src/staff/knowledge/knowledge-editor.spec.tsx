import { render, screen } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve } from '../../../test/serve';
import { byId, pick, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import KnowledgeEditorPage from './index';

const posts = () => taro.request.mock.calls.map(([o]) => o).filter((o) => o.method === 'POST');
const row = {
  id: 4,
  kind: 'script',
  kindLabel: '答复口径',
  title: '欠费停气答复口径',
  summary: '先核实欠费金额…',
  tags: [],
  fees: null,
  published: true,
  updatedAt: '2026-12-01T00:00:00Z',
};

beforeEach(() => taro.resetTaroMock());

describe('知识库管理', () => {
  it('lists every article, marking answer scripts as for agents only', async () => {
    saveSession(staffLogin(Role.Supervisor));
    serve({ 'GET /api/staff/knowledge': () => answer(200, [row]) });
    render(<KnowledgeEditorPage />);
    await screen.findByText('欠费停气答复口径');
    expect(byId('knowledge-article-4').textContent).toContain('答复口径（仅坐席可见）');
  });

  it('writes a new answer script with its tags, told it is never shown to residents', async () => {
    saveSession(staffLogin(Role.Admin));
    serve({
      'GET /api/staff/knowledge': () => answer(200, []),
      'POST /api/staff/knowledge': () => answer(201, { ...row, body: '正文' }),
    });
    render(<KnowledgeEditorPage />);
    await screen.findByText('没有文章');
    await tap('knowledge-new');
    pick('article-kind', 3);
    expect(byId('article-script-note').textContent).toBe('答复口径仅供坐席使用，不会向居民展示。');
    await typeInto('article-title', '欠费停气答复口径');
    await typeInto('article-body', '先核实欠费金额与停气通知送达情况，再告知缴费后复气时限。');
    await typeInto('article-tags', '欠费、停气');
    await tap('article-save');
    expect(posts()[0]).toMatchObject({
      url: '/api/staff/knowledge',
      data: {
        kind: 'script',
        title: '欠费停气答复口径',
        tags: ['欠费', '停气'],
        fees: null,
        published: false,
      },
    });
    expect(posts()[0].header['Idempotency-Key']).toBeTruthy();
  });

  it('is closed to agents', async () => {
    saveSession(staffLogin(Role.Agent));
    serve({});
    render(<KnowledgeEditorPage />);
    await screen.findByText('仅主管和管理员可以维护知识库');
  });
});
