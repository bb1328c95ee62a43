import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ReturnVisitOutcome, isOpen, type ReturnVisitView } from '@utility/shared';
import { useState } from 'react';
import { ClockList } from '../../components/clock-list';
import { formatFullTime } from '../../format/time';
import { getReturnVisit } from '../../services/api/return-visits';
import { requireStaff } from '../../services/session';
import { ContactPhone } from '../ticket/contact-phone';
import { AttemptForm } from './attempt-form';
import { AttemptList } from './attempt-list';
import { withDeskFrame } from '../desk/desk-frame';
import './visit.scss';

const OUTCOME_LABELS: Record<ReturnVisitOutcome, string> = {
  [ReturnVisitOutcome.Fixed]: '回访完成：问题已解决',
  [ReturnVisitOutcome.NotFixed]: '回访完成：问题未解决',
  [ReturnVisitOutcome.Unreachable]: '回访结束：三次未能联系上居民',
};
const FOLLOW_UP_LABELS = { reopened: '原工单已重新受理', complaint: '已转为投诉' } as const;

/** 回访: the work visited, the calls made, and the next call to record (up to 3). */
function VisitPage() {
  const { params } = useRouter();
  const visitId = Number(params.id);
  const [visit, setVisit] = useState<ReturnVisitView | null>(null);
  const [failed, setFailed] = useState(false);

  async function load() {
    if (!requireStaff()) return;
    try {
      setVisit(await getReturnVisit(visitId));
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!visit) return <Text className="empty">{failed ? '回访加载失败，请下拉刷新' : '加载中…'}</Text>;
  const { visited } = visit;
  const open = isOpen(visit.status) && visit.attemptsLeft > 0 && !visit.outcome;
  const openVisited = () => void Taro.navigateTo({ url: `/staff/ticket/index?id=${visited.id}` });
  return (
    <View className="page visit">
      <View className="card">
        <View className="row">
          <Text className="card__title">回访 · {visited.typeLabel}</Text>
          <Text id="visit-open-visited" className="link" onClick={openVisited}>
            {visited.no}
          </Text>
        </View>
        <Text className="visit__description">{visited.description}</Text>
        <Text className="muted visit__line">
          {visited.handledBy ? `处理人：${visited.handledBy} · ` : ''}办结 {formatFullTime(visited.resolvedAt)}
          {visited.resolution > 1 ? ` · 第${visited.resolution}次办结` : ''}
        </Text>
        <ContactPhone
          ticketId={visited.id}
          contactName={visit.contactName}
          contactPhone={visit.contactPhone}
          mayReveal
          idPrefix="visit"
        />
        <ClockList clocks={visit.clocks} />
      </View>
      {visit.outcome ? (
        <View id="visit-outcome" className="card">
          <Text className="card__title">{OUTCOME_LABELS[visit.outcome]}</Text>
          {visit.followUp ? (
            <Text
              id="visit-follow-up"
              className="link"
              onClick={() => void Taro.navigateTo({ url: `/staff/ticket/index?id=${visit.followUp!.ticketId}` })}
            >
              {FOLLOW_UP_LABELS[visit.followUp.kind]} {visit.followUp.no}
            </Text>
          ) : null}
        </View>
      ) : null}
      {open ? (
        <AttemptForm visit={visit} onRecorded={(updated) => (updated ? setVisit(updated) : void load())} />
      ) : null}
      <View className="card">
        <Text className="card__title">拨打记录（{visit.attempts.length}/3）</Text>
        <AttemptList attempts={visit.attempts} />
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(VisitPage, 'visits', '回访');
