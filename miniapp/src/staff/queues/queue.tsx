import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import type { TicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { claimNext, listQueueTickets } from '../../services/api/queues';
import { requireStaff } from '../../services/session';
import { TicketRow } from './ticket-row';
import { useDeskLayout } from '../../hooks/desk-layout';
import { DeskConsole } from '../desk/desk-console';
import './queue.scss';

export default function QueuePage() {
  const { params } = useRouter();
  const queueId = Number(params.id);
  const [tickets, setTickets] = useState<TicketView[] | null>(null);
  const [claiming, setClaiming] = useState(false);
  const desk = useDeskLayout();

  async function load() {
    if (!requireStaff()) return;
    try {
      setTickets(await listQueueTickets(queueId));
    } catch {
      setTickets((current) => current ?? []);
    }
  }

  useDidShow(() => {
    if (params.name) void Taro.setNavigationBarTitle({ title: decodeURIComponent(params.name) });
    void load();
  });
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  async function takeNext() {
    setClaiming(true);
    try {
      const ticket = await claimNext(queueId);
      void Taro.navigateTo({ url: `/staff/ticket/index?id=${ticket.id}` });
    } catch {
      // QUEUE_EMPTY and the like are shown by the request wrapper; the list may have changed.
      void load();
    } finally {
      setClaiming(false);
    }
  }

  if (desk) return <DeskConsole initial={{ kind: 'queue', queueId }} />;
  return (
    <View className="page queue">
      <ActionButton id="claim-next" className="claim-next" busy={claiming} onClick={takeNext}>
        领取下一单
      </ActionButton>
      {tickets === null ? <Text className="empty">加载中…</Text> : null}
      {tickets?.length === 0 ? <Text className="empty">队列中暂无工单</Text> : null}
      {tickets?.map((ticket) => (
        <TicketRow key={ticket.id} ticket={ticket} />
      ))}
    </View>
  );
}
