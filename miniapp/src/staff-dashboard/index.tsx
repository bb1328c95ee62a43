import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { Role, shanghaiShort, type DashboardView } from '@utility/shared';
import { useCallback, useMemo, useState, type ReactNode } from 'react';
import { ActionButton } from '../components/action-button';
import { fetchDashboard } from '../services/api/reports';
import { requireStaff } from '../services/session';
import { DailyChart } from './daily-chart';
import { intakeChart, rateChart, type DailyChartSpec } from './dashboard-options';
import { withDeskFrame } from '../staff/desk/desk-frame';
import './index.scss';

const OVERSIGHT: readonly Role[] = [Role.Supervisor, Role.Admin];

function QueueHealth({ queues }: { queues: DashboardView['queues'] }) {
  return (
    <View id="queue-health" className="card">
      <Text className="card__title">队列健康（当前）</Text>
      <View className="health-row health-row--head">
        <Text className="health-row__name">队列</Text>
        <Text className="health-row__n">待办</Text>
        <Text className="health-row__n">临期</Text>
        <Text className="health-row__n">超时</Text>
      </View>
      {queues.map((q) => (
        <View key={q.id} id={`health-${q.code}`} className="health-row">
          <Text className="health-row__name">{q.name}</Text>
          <Text className="health-row__n">{q.counts.open}</Text>
          <Text className={q.counts.atRisk ? 'health-row__n health-row__n--risk' : 'health-row__n'}>
            {q.counts.atRisk}
          </Text>
          <Text className={q.counts.breached ? 'health-row__n health-row__n--breach' : 'health-row__n'}>
            {q.counts.breached}
          </Text>
        </View>
      ))}
    </View>
  );
}

/** Outages going on now: what, where (households) and when the supply is expected back. */
function ActiveOutages({ outages }: { outages: NonNullable<DashboardView['outages']> }) {
  if (!outages.length) return null;
  return (
    <View id="active-outages" className="card">
      <Text className="card__title">进行中的停供</Text>
      {outages.map((o) => (
        <View key={o.id} id={`active-outage-${o.id}`} className="health-row">
          <Text className="health-row__name">
            {o.label} · {o.reason}
          </Text>
          <Text className="muted">
            {o.households} 户 · 报修 {o.linkedTickets} · 预计 {shanghaiShort(new Date(o.restoreBy))} 恢复
          </Text>
        </View>
      ))}
    </View>
  );
}

/** One 30-day chart in its card; tapping a day reads it out under the title. */
function ChartCard(props: { id: string; title: string; chart: DailyChartSpec; days: number; children?: ReactNode }) {
  const [picked, setPicked] = useState<number | null>(null);
  const onPick = useCallback((index: number) => setPicked(index), []);
  return (
    <View className="card">
      <Text className="card__title">{props.title}</Text>
      <Text id={`${props.id}-readout`} className="muted chart-readout">
        {picked === null ? '点按图表查看当日数值' : props.chart.readout(picked)}
      </Text>
      <DailyChart id={props.id} option={props.chart.option} days={props.days} onPick={onPick} />
      {props.children}
    </View>
  );
}

/** The supervisor's dashboard: queue health now, and the last 30 days in three charts. */
function DashboardPage() {
  const [view, setView] = useState<DashboardView | null>(null);
  const [failed, setFailed] = useState(false);

  async function load() {
    const me = requireStaff();
    if (!me) return;
    if (!OVERSIGHT.includes(me.role)) {
      void Taro.redirectTo({ url: '/staff/queues/index' });
      return;
    }
    try {
      setView(await fetchDashboard());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const charts = useMemo(
    () =>
      view && {
        intake: intakeChart(view.days),
        onTime: rateChart(view.days, (d) => d.onTimeRate, '按时率', '#16a34a'),
        satisfaction: rateChart(view.days, (d) => d.satisfactionRate, '满意率', '#d97706'),
      },
    [view],
  );

  if (!view || !charts)
    return (
      <View className="page">
        <Text className="empty">{failed ? '加载失败，请下拉刷新' : '加载中…'}</Text>
      </View>
    );
  return (
    <View className="page">
      <ActionButton
        id="report-entry"
        tone="secondary"
        className="report-entry"
        onClick={() => Taro.navigateTo({ url: '/staff-dashboard/report' })}
      >
        查看月度报表
      </ActionButton>
      <ActiveOutages outages={view.outages ?? []} />
      <QueueHealth queues={view.queues} />
      <ChartCard id="chart-intake" title="近30天每日受理量" chart={charts.intake} days={view.days.length} />
      <ChartCard id="chart-on-time" title="近30天按时率（%）" chart={charts.onTime} days={view.days.length} />
      <ChartCard id="chart-satisfaction" title="近30天满意率（%）" chart={charts.satisfaction} days={view.days.length}>
        {view.days.every((d) => d.satisfactionRate === null) ? <Text className="muted">近30天暂无评价</Text> : null}
      </ChartCard>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(DashboardPage, 'dashboard', '运营看板');
