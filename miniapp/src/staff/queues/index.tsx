import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ROLE_LABELS, Role, type QueueView, type StaffView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { listQueues } from '../../services/queues';
import { requireStaff, staffHasRole } from '../../services/session';
import { logout } from '../../services/staff';
import { listStaffNotifications } from '../../services/staff-notifications';
import {
  INTAKE_ROLES,
  KNOWLEDGE_EDITOR_ROLES,
  OUTAGE_ROLES,
  OVERSIGHT_ROLES,
  PLAN_ROLES,
  VISIT_ROLES,
} from '../home-entries';
import { useDeskLayout } from '../../services/desk-layout';
import { DeskConsole } from '../desk/desk-console';
import './index.scss';

function QueueCard({ queue }: { queue: QueueView }) {
  const { open, atRisk, breached } = queue.counts;
  const openQueue = () =>
    Taro.navigateTo({ url: `/staff/queue/index?id=${queue.id}&name=${encodeURIComponent(queue.name)}` });
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
      {INTAKE_ROLES.includes(staff.role) ? (
        <ActionButton
          id="intake-entry"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/staff/intake/index' })}
        >
          电话受理
        </ActionButton>
      ) : null}
      {staffHasRole(staff, Role.Agent) ? (
        <ActionButton
          id="counter-entry"
          className="intake-entry"
          tone="secondary"
          onClick={() => Taro.navigateTo({ url: '/staff/counter/index' })}
        >
          柜台收费
        </ActionButton>
      ) : null}
      {staffHasRole(staff, Role.Agent) || staffHasRole(staff, Role.Supervisor) ? (
        <ActionButton
          id="invoices-entry"
          className="intake-entry"
          tone="secondary"
          onClick={() => Taro.navigateTo({ url: '/staff/invoices/index' })}
        >
          发票管理
        </ActionButton>
      ) : null}
      {staff.role === Role.Technician ? (
        <ActionButton
          id="field-jobs"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/staff/jobs/index' })}
        >
          我的工单
        </ActionButton>
      ) : null}
      {VISIT_ROLES.includes(staff.role) ? (
        <ActionButton
          id="return-visits"
          className="intake-entry"
          tone="secondary"
          onClick={() => Taro.navigateTo({ url: '/staff/visits/index' })}
        >
          回访任务
        </ActionButton>
      ) : null}
      {staff.role === Role.Admin ? null : (
        <ActionButton
          id="my-ratings"
          className="intake-entry"
          tone="secondary"
          onClick={() => Taro.navigateTo({ url: '/staff/ratings/index' })}
        >
          我的评价
        </ActionButton>
      )}
      {staff.role === Role.Inspector ? (
        <ActionButton
          id="field-inspections"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/staff/inspections/index' })}
        >
          今日安检
        </ActionButton>
      ) : null}
      {PLAN_ROLES.includes(staff.role) ? (
        <ActionButton
          id="inspection-plan-entry"
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/staff/inspection-plan/index' })}
        >
          新建安检计划
        </ActionButton>
      ) : null}
      {OUTAGE_ROLES.includes(staff.role) ? (
        <ActionButton
          id="outages-entry"
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/staff/outages/index' })}
        >
          停供管理
        </ActionButton>
      ) : null}
      {KNOWLEDGE_EDITOR_ROLES.includes(staff.role) ? (
        <ActionButton
          id="knowledge-entry"
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/staff/knowledge/index' })}
        >
          知识库管理
        </ActionButton>
      ) : null}
      {OVERSIGHT_ROLES.includes(staff.role) ? (
        <ActionButton
          id="dashboard-entry"
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/staff-dashboard/index' })}
        >
          运营看板与月报
        </ActionButton>
      ) : null}
      {staffHasRole(staff, Role.Admin) ? (
        <ActionButton
          id="admin-staff-entry"
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/admin/staff/index' })}
        >
          员工账号管理
        </ActionButton>
      ) : null}
      {staffHasRole(staff, Role.Admin) ? (
        <ActionButton
          id="org-admin-entry"
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/admin/org/index' })}
        >
          组织与配置
        </ActionButton>
      ) : null}
      {staffHasRole(staff, Role.Admin) ? (
        <ActionButton
          id="accounts-admin-entry"
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: '/admin/accounts/index' })}
        >
          客户档案
        </ActionButton>
      ) : null}
      <ActionButton
        id="change-password-entry"
        tone="secondary"
        className="intake-entry"
        onClick={() => Taro.navigateTo({ url: '/staff/password/index' })}
      >
        修改密码
      </ActionButton>
      <Text className="section-title">我的队列</Text>
      {queues === null ? <Text className="empty">加载中…</Text> : null}
      {queues?.length === 0 ? <Text className="empty">暂无可处理的队列</Text> : null}
      {queues?.map((queue) => (
        <QueueCard key={queue.id} queue={queue} />
      ))}
    </View>
  );
}
