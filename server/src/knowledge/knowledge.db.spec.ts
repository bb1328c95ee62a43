import { ErrorCode, KnowledgeArticleSummary, KnowledgeArticleView, ServiceOutletView } from '@utility/shared';
import { expectRefused, signIn } from '../testing/api-fixtures';
import { TestApp, startTestApp } from '../testing/test-app';

describe('knowledge base and service outlets', () => {
  let t: TestApp;
  let agent: string;
  let supervisor: string;

  beforeAll(async () => {
    t = await startTestApp();
    [agent, supervisor] = (await Promise.all([signIn(t, 'agent1'), signIn(t, 'supervisor1')])).map((s) => s.auth);
  });
  afterAll(() => t.close());

  const publicSearch = async (query: string): Promise<KnowledgeArticleSummary[]> =>
    (await t.http().get(`/api/knowledge${query}`).expect(200)).body;
  const staffSearch = async (query: string): Promise<KnowledgeArticleSummary[]> =>
    (await t.http().get(`/api/staff/knowledge${query}`).set('Authorization', agent).expect(200)).body;
  const create = (auth: string, body: Record<string, unknown>) =>
    t.http().post('/api/staff/knowledge').set('Authorization', auth).send(body);

  it('residents search published articles by title, body or tag; scripts and drafts stay with staff', async () => {
    const all = await publicSearch('');
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((a) => a.published && a.kind !== 'script')).toBe(true);

    expect((await publicSearch(`?q=${encodeURIComponent('燃气味')}`)).map((a) => a.title)).toEqual([
      '闻到燃气味怎么办',
    ]);
    // A tag alone finds the article; two terms must both match.
    expect((await publicSearch(`?q=${encodeURIComponent('过户')}`)).map((a) => a.title)).toEqual(['燃气过户办理指南']);
    expect(await publicSearch(`?q=${encodeURIComponent('过户 暖气')}`)).toEqual([]);
    // LIKE wildcards are searched as text, not as patterns.
    expect(await publicSearch(`?q=${encodeURIComponent('%')}`)).toEqual([]);

    const guides = await publicSearch('?kind=guide');
    expect(guides.length).toBeGreaterThan(0);
    expect(guides.every((a) => a.kind === 'guide' && a.kindLabel === '办事指南')).toBe(true);
    const guide: KnowledgeArticleView = (await t.http().get(`/api/knowledge/${guides[0].id}`).expect(200)).body;
    expect(guide.body).toContain('所需材料');
    expect(guide.fees).toBeTruthy();
    expect((await publicSearch('?kind=commitment')).map((a) => a.title)).toContain('服务承诺');

    expect(await publicSearch('?kind=script')).toEqual([]);
    const scripts = await staffSearch('?kind=script');
    expect(scripts.length).toBeGreaterThan(0);
    await t.http().get(`/api/knowledge/${scripts[0].id}`).expect(404);
    await t.http().get(`/api/staff/knowledge/${scripts[0].id}`).set('Authorization', agent).expect(200);

    const draft = (await staffSearch(`?q=${encodeURIComponent('草稿')}`))[0];
    expect(draft.published).toBe(false);
    await t.http().get(`/api/knowledge/${draft.id}`).expect(404);

    expectRefused(await t.http().get('/api/knowledge?kind=news'), 400, ErrorCode.ValidationFailed);
    await t.http().get('/api/staff/knowledge').expect(401);
  });

  it('supervisors write and publish articles; agents cannot; bad input is refused in Chinese', async () => {
    const body = {
      kind: 'faq',
      title: '燃气报警器响了怎么办？',
      body: '报警器鸣响时请立即关闭表前阀门，开窗通风，离开室内后拨打抢修电话。',
      tags: ['报警器', '泄漏'],
    };
    expectRefused(await create(agent, body), 403, ErrorCode.Forbidden);

    const bad = await create(supervisor, { ...body, title: '短', kind: 'news' });
    expectRefused(bad, 400, ErrorCode.ValidationFailed);
    expect(JSON.stringify(bad.body)).toMatch(/请选择文章类别|标题至少2个字/);

    const first = await create(supervisor, body).set('Idempotency-Key', 'kb-alarm-1');
    expect(first.status).toBe(201);
    const article: KnowledgeArticleView = first.body;
    expect(article).toMatchObject({ published: false, tags: ['报警器', '泄漏'], fees: null });
    const replay = await create(supervisor, body).set('Idempotency-Key', 'kb-alarm-1');
    expect(replay.body.id).toBe(article.id);
    // Not yet published: residents do not find it.
    expect(await publicSearch(`?q=${encodeURIComponent('报警器响了')}`)).toEqual([]);

    const patch = (auth: string, change: Record<string, unknown>) =>
      t.http().patch(`/api/staff/knowledge/${article.id}`).set('Authorization', auth).send(change);
    expectRefused(await patch(supervisor, {}), 400, ErrorCode.ValidationFailed);
    expectRefused(await patch(agent, { published: true }), 403, ErrorCode.Forbidden);
    const published: KnowledgeArticleView = (await patch(supervisor, { published: true, tags: ['报警器'] }).expect(200))
      .body;
    expect(published).toMatchObject({ published: true, tags: ['报警器'], title: body.title });
    expect((await publicSearch(`?q=${encodeURIComponent('报警器响了')}`)).map((a) => a.id)).toEqual([article.id]);
    await t
      .http()
      .patch('/api/staff/knowledge/999999')
      .set('Authorization', supervisor)
      .send({ title: '不存在的' })
      .expect(404);
  });

  it('lists the service outlets with hours, services, phone and a map link, without signing in', async () => {
    const outlets: ServiceOutletView[] = (await t.http().get('/api/service-outlets').expect(200)).body;
    expect(outlets.length).toBeGreaterThanOrEqual(2);
    expect(outlets[0]).toMatchObject({ name: '城东营业厅', phone: '0311-85551001' });
    expect(outlets[0].services).toContain('过户');
    expect(outlets[0].latitude).toBeCloseTo(38.0423, 4);
    expect(outlets[0].mapUrl).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=114\.5148,38\.0423/);
  });
});
