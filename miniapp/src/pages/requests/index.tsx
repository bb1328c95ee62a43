import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { SignInPrompt } from '../../components/sign-in-prompt';
import { listMyTickets } from '../../services/api/my-tickets';
import { activeResident } from '../../services/resident-session';
import { RequestRow } from './request-row';
import './index.scss';

export default function MyRequestsPage() {
  const [signedIn, setSignedIn] = useState(true);
  const [tickets, setTickets] = useState<ResidentTicketView[] | null>(null);

  async function load() {
    const resident = activeResident();
    setSignedIn(Boolean(resident));
    if (!resident) return;
    try {
      setTickets(await listMyTickets());
    } catch {
      setTickets((current) => current ?? []);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  if (!signedIn) {
    return (
      <View className="page">
        <SignInPrompt id="requests-login" from="/pages/requests/index" lead="登录后查看您绑定户号下的报修进度" />
      </View>
    );
  }
  return (
    <View className="page requests">
      {tickets === null ? <Text className="empty">加载中…</Text> : null}
      {tickets?.length === 0 ? (
        <View className="empty">
          <Text className="requests__empty">暂无报修记录</Text>
          <Text className="muted">这里显示您绑定户号下的全部报修，包括电话报修</Text>
        </View>
      ) : null}
      {tickets?.map((ticket) => (
        <RequestRow key={ticket.id} ticket={ticket} />
      ))}
    </View>
  );
}
