import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ReturnVisitView } from '@utility/shared';
import { useState } from 'react';
import { listReturnVisits } from '../../services/api/return-visits';
import { requireStaff } from '../../services/session';
import { VisitRow } from './visit-row';
import { withDeskFrame } from '../desk/desk-frame';
import './index.scss';

/** 回访任务: the return visits waiting for a call, the nearest deadline first (the server's order). */
function VisitsPage() {
  const [visits, setVisits] = useState<ReturnVisitView[] | null>(null);

  async function load() {
    if (!requireStaff()) return;
    try {
      setVisits(await listReturnVisits());
    } catch {
      setVisits((current) => current ?? []);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  return (
    <View id="visits-list" className="page visits">
      {visits === null ? <Text className="empty">加载中…</Text> : null}
      {visits?.length === 0 ? <Text className="empty">暂无待回访的任务</Text> : null}
      {visits?.map((visit) => (
        <VisitRow key={visit.id} visit={visit} />
      ))}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(VisitsPage, 'visits', '回访任务');
