import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ROLE_LABELS, type QueueView, type StaffView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { listQueues } from '../../services/api/queues';
import { requireStaff } from '../../services/session';
import { logout } from '../../services/api/staff';
import { listStaffNotifications } from '../../services/api/staff-notifications';
import { STAFF_HOME_ENTRIES } from '../home-entries';
import { useDeskLayout } from '../../hooks/desk-layout';
import { DeskConsole } from '../desk/desk-console';
import './index.scss';

function QueueCard({ queue }: { queue: QueueView }) {
  const { open, atRisk, breached } = queue.counts;
  const openQueue = () =>
    Taro.navigateTo({ url: `/staff/queues/queue?id=${queue.id}&name=${encodeURIComponent(queue.name)}` });
  return (
    <View id={`queue-${queue.code}`} className="card queue-card" onClick={openQueue}>
      <Text className="card__title">{queue.name}</Text>
      <View className="queue-card__counts">
        <View className="count">
          <Text className="count__value">{open}</Text>
          <Text className="count__label">待办</Text>
        </View>
        <View className={atRisk ? 'count count--at-risk' : 'count'}>
          <Text className="count__value">{atRisk}</Text>
          <Text className="count__label">临期</Text>
        </View>
        <View className={breached ? 'count count--breached' : 'count'}>
          <Text className="count__value">{breached}</Text>
          <Text className="count__label">超时</Text>
        </View>
      </View>
    </View>
  );
}

export default function QueuesPage() {
  const [staff, setStaff] = useState<StaffView | null>(null);
  const [queues, setQueues] = useState<QueueView[] | null>(null);
  const [unread, setUnread] = useState(0);
  const desk = useDeskLayout();

  async function load() {
    const me = requireStaff();
    setStaff(me);
    if (!me) return;
    // The badge is a hint: a failure leaves the last count and shows no toast.
    void listStaffNotifications(true, true)
      .then((items) => setUnread(items.length))
      .catch(() => undefined);
    try {
      setQueues(await listQueues());
    } catch {
      setQueues((current) => current ?? []);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  function signOut() {
    logout();
    void Taro.reLaunch({ url: '/staff/login/index' });
  }

  if (desk) return <DeskConsole initial={{ kind: 'queue' }} />;
  if (!staff) return <View className="page" />;
  return (
    <View className="page">
      <View className="card row who">
        <View className="who__text">
          <Text id="staff-name" className="who__name">
            {staff.name}
          </Text>
          <Text className="muted">{ROLE_LABELS[staff.role]}</Text>
        </View>
        <View
          id="notifications-entry"
          className="notifications-entry"
          onClick={() => Taro.navigateTo({ url: '/staff/notifications/index' })}
        >
          <Text>消息</Text>
          {unread ? (
            <Text id="notifications-unread" className="notifications-entry__badge">
              {unread > 99 ? '99+' : unread}
            </Text>
          ) : null}
        </View>
        <ActionButton id="logout" tone="secondary" size="small" onClick={signOut}>
          退出登录
        </ActionButton>
      </View>
      {STAFF_HOME_ENTRIES.filter((entry) => entry.shownTo(staff)).map((entry) => (
        <ActionButton
          key={entry.id}
          id={entry.id}
          className="intake-entry"
          tone={entry.primary ? undefined : 'secondary'}
          onClick={() => Taro.navigateTo({ url: entry.url })}
        >
          {entry.label}
        </ActionButton>
      ))}
      <Text className="section-title">我的队列</Text>
      {queues === null ? <Text className="empty">加载中…</Text> : null}
      {queues?.length === 0 ? <Text className="empty">暂无可处理的队列</Text> : null}
      {queues?.map((queue) => (
        <QueueCard key={queue.id} queue={queue} />
      ))}
    </View>
  );
}
