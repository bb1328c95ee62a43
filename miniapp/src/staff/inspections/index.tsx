import { Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { VisitKind, addCalendarDays, shanghaiDate, type FieldInspectionView } from '@utility/shared';
import { useState } from 'react';
import { relativeCalendarDay } from '../../format/calendar-day';
import { listFieldInspections } from '../../services/api/field-inspections';
import { requireStaff } from '../../services/session';
import { visitStatusLabel, visitWhen } from './visit-labels';
import './index.scss';

function VisitRow({ visit, date }: { visit: FieldInspectionView; date: string }) {
  const reinspection = visit.kind === VisitKind.Reinspection;
  return (
    <View
      id={`field-inspection-${visit.ticketNo}`}
      className="card visit-row"
      onClick={() => Taro.navigateTo({ url: `/staff/inspections/inspection?id=${visit.id}&date=${date}` })}
    >
      <View className="row">
        <Text className="visit-row__address">{visit.address}</Text>
        <Text className={visit.recorded ? 'badge visit-row__status' : 'badge badge--status visit-row__status'}>
          {visitStatusLabel(visit)}
        </Text>
      </View>
      <Text className={reinspection ? 'visit-row__when visit-row__when--reinspection' : 'visit-row__when'}>
        {visitWhen(visit)}
      </Text>
      <Text className="muted">
        {visit.contactName}
        {visit.contactPhone ? ` ${visit.contactPhone}` : ''} · {visit.ticketNo}
      </Text>
    </View>
  );
}

/** 今日安检: the visits of a day (today unless another is chosen), by address as the server orders them. */
export default function InspectionsPage() {
  const { params } = useRouter();
  const today = shanghaiDate(new Date());
  const [date, setDate] = useState(params.date || today);
  const [visits, setVisits] = useState<FieldInspectionView[] | null>(null);

  async function load(day = date) {
    if (!requireStaff()) return;
    try {
      setVisits(await listFieldInspections(day));
    } catch {
      setVisits((current) => current ?? []);
    }
  }
  function go(day: string) {
    setDate(day);
    setVisits(null);
    void load(day);
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const open = visits?.filter((v) => !v.recorded).length ?? 0;
  return (
    <View id="field-inspections-list" className="page inspections">
      <View className="row inspections__days">
        <Text id="inspections-prev" className="chip" onClick={() => go(addCalendarDays(date, -1))}>
          ‹ 前一天
        </Text>
        <Picker id="inspections-date" mode="date" value={date} onChange={(e) => go(String(e.detail.value))}>
          <Text id="inspections-day" className="inspections__day">
            {relativeCalendarDay(date, new Date())}
          </Text>
        </Picker>
        <Text id="inspections-next" className="chip" onClick={() => go(addCalendarDays(date, 1))}>
          后一天 ›
        </Text>
      </View>
      {date !== today ? (
        <Text id="inspections-today" className="link inspections__today" onClick={() => go(today)}>
          回到今天
        </Text>
      ) : null}
      {visits === null ? <Text className="empty">加载中…</Text> : null}
      {visits?.length === 0 ? <Text className="empty">当天没有安检任务</Text> : null}
      {visits && visits.length > 0 ? (
        <Text id="inspections-count" className="inspections__count">
          共 {visits.length} 户，待检查 {open} 户
        </Text>
      ) : null}
      {visits?.map((v) => (
        <VisitRow key={`${v.kind}-${v.id}`} visit={v} date={date} />
      ))}
    </View>
  );
}
