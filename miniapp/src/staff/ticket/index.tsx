import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import {
  CHANNEL_LABELS,
  Channel,
  TICKET_TYPE_LABELS,
  TicketType,
  type StaffView,
  type TicketDetailView,
  type TicketFeedbackView,
} from '@utility/shared';
import { useState } from 'react';
import { ClockList } from '../../components/clock-list';
import { TicketPhotos } from '../../components/ticket-photos';
import { PriorityBadge, StatusBadge } from '../../components/ticket-badges';
import { formatFullTime } from '../../format/time';
import { getApplicationForm, getTicketFeedback, type ApplicationFormView } from '../../services/api/complaint-handling';
import { requireStaff } from '../../services/session';
import { getTicket } from '../../services/api/tickets';
import { AnswerCard } from './answer-card';
import { ApplicationDecisionCard } from './application-decision-card';
import { ApplicationFormCard } from './application-form-card';
import { BillingReplyCard } from './billing-reply-card';
import { ComplaintPanel } from './complaint-panel';
import { ContactPhone } from './contact-phone';
import { HotlineReplyCard } from './hotline-reply-card';
import { DuplicateCard } from './duplicate-card';
import { OutageCard } from './outage-card';
import { IncidentCard } from './incident-card';
import { WindowCard } from './window-card';
import { TicketActions } from './ticket-actions';
import { Timeline } from './timeline';
import { useDeskLayout } from '../../hooks/desk-layout';
import { DeskConsole } from '../desk/desk-console';
import './index.scss';

const HANDLED: readonly TicketType[] = [TicketType.Complaint, TicketType.MisconductReport];

export default function TicketPage() {
  const { params } = useRouter();
  const ticketId = Number(params.id);
  const [staff, setStaff] = useState<StaffView | null>(null);
  const [ticket, setTicket] = useState<TicketDetailView | null>(null);
  const [failed, setFailed] = useState(false);
  const [feedback, setFeedback] = useState<TicketFeedbackView | null>(null);
  const [application, setApplication] = useState<ApplicationFormView | null>(null);
  const desk = useDeskLayout();

  async function load() {
    const me = requireStaff();
    setStaff(me);
    if (!me) return;
    try {
      const loaded = await getTicket(ticketId);
      setTicket(loaded);
      setFailed(false);
      // What only complaints, reports and applications carry; the ticket shows without it.
      if (HANDLED.includes(loaded.type))
        getTicketFeedback(ticketId, { silent: true }).then(setFeedback, () => setFeedback(null));
      if (loaded.type === TicketType.Application)
        getApplicationForm(ticketId, { silent: true }).then(setApplication, () => setApplication(null));
    } catch {
      // The wrapper has shown why; keep what is on screen.
      setFailed(true);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (desk) return <DeskConsole initial={{ kind: 'ticket', ticketId }} />;
  if (!ticket || !staff) return <Text className="empty">{failed ? '工单加载失败，请下拉刷新' : '加载中…'}</Text>;
  return (
    <View className="page ticket">
      <View className="card">
        <View className="row">
          <Text className="card__title">{TICKET_TYPE_LABELS[ticket.type]}</Text>
          <View className="ticket__badges">
            <PriorityBadge priority={ticket.priority} />
            <StatusBadge status={ticket.status} />
          </View>
        </View>
        <Text id="ticket-no" className="muted">
          {ticket.no} · {CHANNEL_LABELS[ticket.channel]} · {formatFullTime(ticket.createdAt)}
        </Text>
        <Text className="muted ticket__line">
          {ticket.queueName} · {ticket.assigneeName ? `处理人：${ticket.assigneeName}` : '未领取'}
        </Text>
        <ClockList clocks={ticket.clocks} />
      </View>
      <View className="card">
        <Text className="ticket__address">{ticket.address}</Text>
        <ContactPhone
          ticketId={ticket.id}
          contactName={ticket.contactName}
          contactPhone={ticket.contactPhone}
          mayReveal={ticket.assigneeId === staff.id}
        />
        {ticket.accountNo ? <Text className="muted">户号 {ticket.accountNo}</Text> : null}
        <Text className="ticket__description">{ticket.description}</Text>
      </View>
      <OutageCard ticket={ticket} staff={staff} onChanged={() => void load()} />
      <DuplicateCard ticket={ticket} staff={staff} onChanged={() => void load()} />
      {ticket.photos?.length ? (
        <View className="card">
          <TicketPhotos id="ticket-photos" title="照片" photos={ticket.photos} as="staff" />
        </View>
      ) : null}
      {ticket.channel === Channel.Hotline12345 ? (
        <HotlineReplyCard ticket={ticket} onChanged={() => void load()} />
      ) : null}
      {application ? <ApplicationFormCard form={application} /> : null}
      <ApplicationDecisionCard ticket={ticket} staff={staff} onChanged={() => void load()} />
      <AnswerCard ticket={ticket} onChanged={() => void load()} />
      <BillingReplyCard ticket={ticket} staff={staff} onChanged={() => void load()} />
      <WindowCard ticket={ticket} staff={staff} onChanged={() => void load()} />
      <IncidentCard key={ticket.id} ticket={ticket} staff={staff} />
      {feedback && HANDLED.includes(ticket.type) ? (
        <ComplaintPanel
          key={`${feedback.grade}-${ticket.updatedAt}`}
          ticket={ticket}
          feedback={feedback}
          staff={staff}
          onChanged={() => void load()}
        />
      ) : null}
      <TicketActions ticket={ticket} staff={staff} onChanged={() => void load()} />
      <View className="card">
        <Text className="card__title">处理记录</Text>
        <Timeline events={ticket.events} />
      </View>
    </View>
  );
}
