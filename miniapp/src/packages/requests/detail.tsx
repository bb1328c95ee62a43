import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ResidentStep, TicketType, type ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { HotlineLink } from '../../components/hotline-link';
import { StepBadge } from '../../components/step-badge';
import { formatClockTime, formatFullTime, formatWindow } from '../../format/time';
import { getMyTicket } from '../../services/api/my-tickets';
import { requireResident } from '../../services/resident-session';
import { AnswerCard } from './answer-card';
import { CancelPanel } from './cancel-panel';
import { DecisionCard } from './decision-card';
import { MoveWindow } from './move-window';
import { RatingPrompt } from './rating-prompt';
import { ResidentTimeline } from './resident-timeline';
import { QuoteCard } from './quote-card';
import { SignOff } from './sign-off';
import { TemperatureCard } from './temperature-card';
import { TechnicianCall } from '../../components/technician-call';
import { WorkDone } from './work-done';
import { SubscribeButton } from '../../components/subscribe-button';
import './detail.scss';

/** Progress notices only make sense while something is still to happen. */
const FINISHED: readonly ResidentStep[] = [ResidentStep.Done, ResidentStep.ToRate, ResidentStep.Cancelled];

export default function RequestDetailPage() {
  const { params } = useRouter();
  const ticketId = Number(params.id);
  const [ticket, setTicket] = useState<ResidentTicketView | null>(null);
  const [failed, setFailed] = useState(false);

  async function load() {
    if (!requireResident(`/packages/requests/detail?id=${ticketId}`)) return;
    try {
      const loaded = await getMyTicket(ticketId);
      setTicket(loaded);
      // One page for every kind of request: the bar says which (安检预约详情, 投诉详情 …).
      void Taro.setNavigationBarTitle({ title: `${loaded.typeLabel}详情` });
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!ticket) return <Text className="empty">{failed ? '报修加载失败，请下拉刷新' : '加载中…'}</Text>;
  return (
    <View className="page request-detail">
      <View className="card">
        <View className="row">
          <Text id="request-title" className="card__title">
            {ticket.categoryLabel ? `${ticket.typeLabel} · ${ticket.categoryLabel}` : ticket.typeLabel}
          </Text>
          <StepBadge ticket={ticket} />
        </View>
        <Text id="request-no" className="muted request-detail__line">
          {ticket.no} · {formatFullTime(ticket.createdAt)}
        </Text>
        <Text className="request-detail__address">{ticket.address}</Text>
        {ticket.windowStart && ticket.windowEnd ? (
          <Text id="request-window" className="request-detail__line">
            预约时段：{formatWindow(ticket.windowStart, ticket.windowEnd)}
          </Text>
        ) : null}
        {ticket.technician ? (
          <Text id="request-technician" className="request-detail__line">
            上门师傅：{ticket.technician.surname}师傅{ticket.technician.phone ? ` ${ticket.technician.phone}` : ''}
          </Text>
        ) : null}
        {ticket.technician ? <TechnicianCall technician={ticket.technician} idPrefix="request-technician" /> : null}
        {ticket.eta && ticket.step === ResidentStep.OnTheWay ? (
          <Text id="request-eta" className="request-detail__eta">
            师傅预计 {formatClockTime(ticket.eta)} 到达
          </Text>
        ) : null}
        <Text className="request-detail__description">{ticket.description}</Text>
        {ticket.anonymous ? (
          <Text id="request-anonymous" className="muted request-detail__line">
            匿名举报：处理人员看不到您的身份
          </Text>
        ) : null}
      </View>
      <QuoteCard ticket={ticket} onChanged={setTicket} onRefused={() => void load()} />
      <TemperatureCard ticket={ticket} onChanged={setTicket} onRefused={() => void load()} />
      <AnswerCard ticket={ticket} onChanged={setTicket} onRefused={() => void load()} />
      <DecisionCard ticket={ticket} />
      <WorkDone ticket={ticket} />
      <SignOff ticket={ticket} onChanged={setTicket} onRefused={() => void load()} />
      <RatingPrompt ticket={ticket} />
      <View className="card">
        <Text className="card__title">处理进度</Text>
        <ResidentTimeline items={ticket.timeline} />
      </View>
      {FINISHED.includes(ticket.step) ? null : (
        <SubscribeButton ticketId={ticket.id} subscribed={ticket.subscribedTemplateIds} onDone={() => void load()} />
      )}
      <MoveWindow ticket={ticket} onMoved={setTicket} onRefused={() => void load()} />
      {ticket.canCancel ? (
        <CancelPanel ticketId={ticket.id} onCancelled={setTicket} onRefused={() => void load()} />
      ) : null}
      {ticket.type === TicketType.MisconductReport ? null : (
        <Text
          id="request-complain"
          className="link request-detail__complain"
          onClick={() => void Taro.navigateTo({ url: `/packages/complaint/index?ticketId=${ticket.id}` })}
        >
          对处理不满意？我要投诉
        </Text>
      )}
      <HotlineLink id="request-hotline" lead="有疑问或情况紧急？24小时热线随时受理" />
    </View>
  );
}
