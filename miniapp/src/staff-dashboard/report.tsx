import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  CHANNEL_LABELS,
  CLOCK_LABELS,
  TICKET_TYPE_LABELS,
  formatYuan,
  periodOf,
  previousPeriod,
  type MonthlyReportView,
  type Rate,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../components/action-button';
import { fetchMonthlyReport, regenerateMonthlyReport } from '../services/api/reports';
import { requireStaff } from '../services/session';
import { downloadReport } from './report-download';
import { DeskPicker } from '../components/desk-picker';
import { withDeskFrame } from '../staff/desk/desk-frame';
import './index.scss';

const STATUS = { provisional: '当月进行中', draft: '已生成，截止前可重新生成', frozen: '已封存' } as const;
const pct = (rate: Rate) => (rate === null ? '—' : `${(rate * 100).toFixed(1)}%`);

function Line({ label, value }: { label: string; value: string | number }) {
  return (
    <View className="health-row">
      <Text className="health-row__name">{label}</Text>
      <Text>{value}</Text>
    </View>
  );
}

/**
 * The month's figures (by type, clocks, quality, money, channel and outages, as the export's sheets),
 * regenerate before the due time, and the spreadsheet download.
 */
function ReportPage() {
  const [period, setPeriod] = useState(() => previousPeriod(periodOf(new Date())));
  const [report, setReport] = useState<MonthlyReportView | null>(null);
  const [busy, setBusy] = useState(false);

  async function load(p = period) {
    if (!requireStaff()) return;
    setReport(null);
    setReport(await fetchMonthlyReport(p).catch(() => null));
  }
  useDidShow(() => void load());

  async function regenerate() {
    setBusy(true);
    try {
      setReport(await regenerateMonthlyReport(period));
      void Taro.showToast({ title: '已重新生成', icon: 'success' });
    } catch {
      // The request wrapper has shown why (e.g. 已封存).
    } finally {
      setBusy(false);
    }
  }
  const download = (format: 'xlsx' | 'csv') =>
    downloadReport(period, format).catch(() => Taro.showToast({ title: '导出失败，请稍后重试', icon: 'none' }));

  const f = report?.figures;
  return (
    <View className="page">
      <DeskPicker
        mode="date"
        fields="month"
        value={period}
        onChange={(e) => {
          const p = String(e.detail.value).slice(0, 7);
          setPeriod(p);
          void load(p);
        }}
      >
        <View id="report-period" className="card row">
          <Text className="health-row__name">月份：{period}</Text>
          <Text className="muted">{report ? STATUS[report.status] : ''}</Text>
        </View>
      </DeskPicker>
      {!f ? (
        <Text className="empty">加载中…</Text>
      ) : (
        <View id="report-figures">
          <View className="card">
            <Text className="card__title">工单（共{f.tickets.total}件）</Text>
            {f.tickets.byType.map((r) => (
              <Line key={r.type} label={TICKET_TYPE_LABELS[r.type]} value={r.count} />
            ))}
          </View>
          <View className="card">
            <Text className="card__title">时效与质量</Text>
            {f.onTime.map((c) => (
              <Line key={c.clock} label={`${CLOCK_LABELS[c.clock]}按时率`} value={pct(c.rate)} />
            ))}
            <Line label="投诉办结率" value={pct(f.complaints.rate)} />
            <Line label="满意率" value={pct(f.satisfaction.rate)} />
            <Line label="回访覆盖率" value={pct(f.returnVisits.rate)} />
            <Line label="隐患 发现/关闭" value={`${f.hazards.found} / ${f.hazards.closed}`} />
          </View>
          <View className="card">
            <Text className="card__title">缴费与欠费</Text>
            <Line label={`缴费 ${f.payments.payments.count} 笔`} value={formatYuan(f.payments.payments.totalFen)} />
            <Line label={`退款 ${f.payments.refunds.count} 笔`} value={formatYuan(f.payments.refunds.totalFen)} />
            <Line label={`欠费 ${f.payments.arrears.accounts} 户`} value={formatYuan(f.payments.arrears.totalFen)} />
          </View>
          {f.channels?.length ? (
            <View id="report-channels" className="card">
              <Text className="card__title">受理渠道</Text>
              {f.channels.map((c) => (
                <Line
                  key={c.channel}
                  label={CHANNEL_LABELS[c.channel]}
                  value={`${c.received}件 · 按时率 ${pct(c.rate)}`}
                />
              ))}
            </View>
          ) : null}
          {f.outages ? (
            <View id="report-outages" className="card">
              <Text className="card__title">停供</Text>
              <Line label="停供次数" value={f.outages.count} />
              <Line label="停供时长（小时）" value={f.outages.hours} />
              <Line label="影响户数" value={f.outages.households} />
              <Line label="已通知居民" value={f.outages.residentsNotified} />
            </View>
          ) : null}
          {report.status === 'draft' ? (
            <ActionButton id="regenerate" tone="secondary" busy={busy} onClick={regenerate}>
              重新生成
            </ActionButton>
          ) : null}
          <ActionButton id="export-xlsx" onClick={() => void download('xlsx')}>
            导出Excel
          </ActionButton>
          <ActionButton id="export-csv" tone="secondary" onClick={() => void download('csv')}>
            导出CSV
          </ActionButton>
        </View>
      )}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(ReportPage, 'dashboard', '月度报表');
