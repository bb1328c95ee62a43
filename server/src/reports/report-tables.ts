import {
  CHANNEL_LABELS,
  CLOCK_LABELS,
  PAYMENT_METHODS,
  PAYMENT_METHOD_LABELS,
  MonthlyReportView,
  ROLE_LABELS,
  RatingLevelCode,
  TICKET_TYPE_LABELS,
  shanghaiDate,
} from '@utility/shared';

/** How a column's values are written: XLSX keeps numbers (with a format), CSV writes text. */
export type ColumnFormat = 'text' | 'count' | 'rate' | 'yuan' | 'score';

export interface ReportTable {
  /** Sheet name (XLSX) and section title (CSV). */
  name: string;
  columns: { header: string; format: ColumnFormat }[];
  rows: (string | number | null)[][];
}

const LEVEL_LABELS: Record<RatingLevelCode, string> = {
  very_satisfied: '满意',
  satisfied: '比较满意',
  fairly_satisfied: '基本满意',
  dissatisfied: '不满意',
};
const STATUS_LABELS = { provisional: '当月进行中（临时）', draft: '已生成（可重新生成）', frozen: '已封存' } as const;

const shanghaiTime = (iso: string) => {
  const at = new Date(iso);
  const hm = new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(11, 16);
  return `${shanghaiDate(at)} ${hm}`;
};

/** The report as the tables of its spreadsheet, one per section (shared by XLSX and CSV). */
export function reportTables(view: MonthlyReportView): ReportTable[] {
  const f = view.figures;
  const district = (id: number | null) =>
    id === null ? '未分区' : (f.districts.find((d) => d.id === id)?.name ?? `片区${id}`);
  const text = (header: string) => ({ header, format: 'text' as const });
  const count = (header: string) => ({ header, format: 'count' as const });
  const rate = (header: string) => ({ header, format: 'rate' as const });
  return [
    {
      name: '概况',
      columns: [text('项目'), text('内容')],
      rows: [
        ['月份', view.period],
        ['范围', view.districtId === null ? '全公司' : district(view.districtId)],
        ['状态', STATUS_LABELS[view.status]],
        ['生成时间', shanghaiTime(view.generatedAt)],
        ['报送截止', shanghaiTime(view.dueAt)],
        ['封存时间', view.frozenAt ? shanghaiTime(view.frozenAt) : '—'],
      ],
    },
    {
      name: '工单分类',
      columns: [text('工单类型'), text('片区'), count('数量')],
      rows: [
        ...f.tickets.rows.map((r) => [TICKET_TYPE_LABELS[r.type], district(r.districtId), r.count]),
        ['合计', '', f.tickets.total],
      ],
    },
    {
      name: '时效',
      columns: [text('时限'), count('应计'), count('按时'), count('超时'), rate('按时率')],
      rows: f.onTime.map((c) => [CLOCK_LABELS[c.clock], c.counted, c.onTime, c.late, c.rate]),
    },
    {
      name: '渠道',
      columns: [text('受理渠道'), count('受理数量'), count('应计时限'), count('按时'), rate('按时率')],
      rows: (f.channels ?? []).map((c) => [CHANNEL_LABELS[c.channel], c.received, c.clocks, c.onTime, c.rate]),
    },
    {
      name: '服务质量',
      columns: [text('指标'), count('分母'), count('分子'), rate('比率')],
      rows: [
        ['投诉办结率', f.complaints.received, f.complaints.resolved, f.complaints.rate],
        ['满意率（前三档）', f.satisfaction.ratings, f.satisfaction.satisfied, f.satisfaction.rate],
        ...(Object.keys(LEVEL_LABELS) as RatingLevelCode[]).map((l) => [
          `　评价：${LEVEL_LABELS[l]}`,
          f.satisfaction.ratings,
          f.satisfaction.byLevel[l],
          null,
        ]),
        ['回访覆盖率', f.returnVisits.due, f.returnVisits.visited, f.returnVisits.rate],
      ],
    },
    {
      name: '安全隐患',
      columns: [text('项目'), count('数量')],
      rows: [
        ['本月发现', f.hazards.found],
        ['本月整改关闭', f.hazards.closed],
        ['月末未关闭', f.hazards.openAtEnd],
      ],
    },
    {
      name: '缴费与欠费',
      columns: [text('项目'), count('笔数'), { header: '金额（元）', format: 'yuan' }],
      rows: [
        ['缴费', f.payments.payments.count, f.payments.payments.totalFen],
        // By method (reports frozen before methods were counted have none).
        ...PAYMENT_METHODS.flatMap((m) => {
          const by = f.payments.byMethod?.[m];
          return by ? [[`　其中${PAYMENT_METHOD_LABELS[m]}`, by.count, by.totalFen] as [string, number, number]] : [];
        }),
        ['退款', f.payments.refunds.count, f.payments.refunds.totalFen],
        ['净收', null, f.payments.netFen],
        ['月末欠费', f.payments.arrears.count, f.payments.arrears.totalFen],
        ['欠费户数', f.payments.arrears.accounts, null],
      ],
    },
    {
      // docs/domain.md#outages: reports frozen before outages were counted have none (zeros).
      name: '停供',
      columns: [
        count('停供次数'),
        { header: '停供时长（小时）', format: 'score' },
        count('影响户数'),
        count('已通知居民'),
      ],
      rows: [
        [f.outages?.count ?? 0, f.outages?.hours ?? 0, f.outages?.households ?? 0, f.outages?.residentsNotified ?? 0],
      ],
    },
    {
      name: '人员',
      columns: [
        text('姓名'),
        text('岗位'),
        count('办结工单'),
        rate('按时率'),
        count('评价数'),
        { header: '平均评分（4分制）', format: 'score' },
      ],
      rows: f.staff.map((s) => [
        s.name,
        s.role ? ROLE_LABELS[s.role] : '',
        s.handled,
        s.onTimeRate,
        s.ratings,
        s.averageRating,
      ]),
    },
  ];
}
