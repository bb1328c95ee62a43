import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import type { StaffNotificationView } from '@utility/shared';
import { useState } from 'react';
import { formatFullTime } from '../../format/time';
import { requireStaff } from '../../services/session';
import { listStaffNotifications, markStaffNotificationRead } from '../../services/api/staff-notifications';
import { withDeskFrame } from '../desk/desk-frame';
import './index.scss';

/** 消息通知: what the server told this staff member (also sent to 企业微信 when they have an id there). */
function StaffNotificationsPage() {
  const [items, setItems] = useState<StaffNotificationView[] | null>(null);
  const [failed, setFailed] = useState(false);

  async function load() {
    if (!requireStaff()) return;
    try {
      setItems(await listStaffNotifications());
      setFailed(false);
    } catch {
      setFailed(true);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  /** Opening one marks it read, then goes to the page it is about. */
  async function open(item: StaffNotificationView) {
    if (!item.readAt) {
      try {
        const read = await markStaffNotificationRead(item.id);
        setItems((current) => current?.map((n) => (n.id === read.id ? read : n)) ?? null);
      } catch {
        return; // the request layer has shown why
      }
    }
    if (item.url) void Taro.navigateTo({ url: item.url });
  }

  if (!items) return <Text className="empty">{failed ? '通知加载失败，请下拉刷新' : '加载中…'}</Text>;
  if (!items.length) return <Text className="empty">暂无通知</Text>;
  return (
    <View className="page">
      {items.map((n) => (
        <View
          key={n.id}
          id={`notification-${n.id}`}
          className={n.readAt ? 'card notification' : 'card notification notification--unread'}
          onClick={() => void open(n)}
        >
          <View className="row">
            <Text className="card__title">{n.title}</Text>
            {n.readAt ? <Text className="muted">已读</Text> : <Text className="badge badge--high">未读</Text>}
          </View>
          <Text className="notification__body">{n.body}</Text>
          <Text className="muted">{formatFullTime(n.createdAt)}</Text>
        </View>
      ))}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(StaffNotificationsPage, 'notifications', '消息通知');
