import { render, screen } from '@testing-library/react';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import ArticlePage from './article';
import KnowledgePage from './knowledge';
import OutletsPage from './outlets';

beforeEach(() => taro.resetTaroMock());

const summary = (id: number, kind: string, title: string) => ({
  id,
  kind,
  kindLabel: kind === 'guide' ? '办事指南' : '常见问题',
  title,
  summary: `${title}的摘要`,
  tags: [],
  fees: null,
  published: true,
  updatedAt: '2026-12-01T00:00:00.000Z',
});

describe('service information pages', () => {
  it('lists the kind asked for, searches it, and opens an article', async () => {
    taro.setRouterParams({ kind: 'guide' });
    serve({
      'GET /api/knowledge?kind=guide': () => answer(200, [summary(4, 'guide', '居民燃气开户（新装）办理指南')]),
      'GET /api/knowledge?kind=guide&q=%E8%BF%87%E6%88%B7': () =>
        answer(200, [summary(5, 'guide', '燃气过户办理指南')]),
    });
    render(<KnowledgePage />);

    expect(await screen.findByText('居民燃气开户（新装）办理指南')).toBeTruthy();
    expect(taro.setNavigationBarTitle).toHaveBeenCalledWith({ title: '办事指南' });
    await typeInto('knowledge-search', '过户');
    await tap('knowledge-search-go');
    expect(await screen.findByText('燃气过户办理指南')).toBeTruthy();
    expect(sent()).toContain('GET /api/knowledge?kind=guide&q=%E8%BF%87%E6%88%B7');
    await tap('knowledge-article-5');
    expect(taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/info/article?id=5' });
  });

  it('shows a guide with its documents and the fees as published', async () => {
    taro.setRouterParams({ id: '5' });
    serve({
      'GET /api/knowledge/5': () =>
        answer(200, {
          ...summary(5, 'guide', '燃气过户办理指南'),
          body: '所需材料：新户主身份证原件',
          fees: '过户不收取任何费用。',
          tags: ['过户'],
        }),
    });
    render(<ArticlePage />);

    expect((await screen.findByText('燃气过户办理指南')).id).toBe('article-title');
    expect(byId('article-body').textContent).toContain('所需材料');
    expect(byId('article-fees').textContent).toBe('过户不收取任何费用。');
  });

  it('lists the outlets with hours and services, and calls one', async () => {
    serve({
      'GET /api/service-outlets': () =>
        answer(200, [
          {
            id: 1,
            name: '城东营业厅',
            address: '东城区和平路88号',
            hours: '周一至周六 8:30–17:30',
            services: ['缴费', '过户'],
            phone: '0311-85551001',
            latitude: 38.0423,
            longitude: 114.5148,
            mapUrl: 'https://uri.amap.com/marker?position=114.5148,38.0423',
          },
        ]),
    });
    render(<OutletsPage />);

    expect(await screen.findByText('城东营业厅')).toBeTruthy();
    expect(byId('outlet-1').textContent).toContain('办理业务：缴费、过户');
    // H5 build (the tests resolve *.h5 files): a tel: link the browser dials.
    expect(byId('outlet-call-1').getAttribute('href')).toBe('tel:0311-85551001');
  });
});
