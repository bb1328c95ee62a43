import { Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { CalendarStatusView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { calendarStatus } from '../../services/api/org-admin';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

const PAGES = [
  ['districts', '片区与站点'],
  ['queues', '队列、成员与分派规则'],
  ['rota', '值班表'],
  ['tariffs', '价格（气价、热价、电价）'],
  ['calendar', '工作日历'],
  ['sla', '服务时限（按业务、片区、渠道）'],
  ['return-visits', '回访规则'],
  ['price-list', '维修收费价目表'],
] as const;

/** 组织与配置: the admin's entry to the organisation as data, with the calendar warning on top. */
function OrgAdminPage() {
  const [status, setStatus] = useState<CalendarStatusView | null>(null);
  useDidShow(() => {
    if (requireStaff()) void calendarStatus().then(setStatus, () => undefined);
  });
  return (
    <View className="page">
      {status?.warning ? (
        <View
          id="calendar-warning"
          className="org-warning"
          onClick={() => Taro.navigateTo({ url: '/admin/org/calendar' })}
        >
          <Text>{status.warning}</Text>
        </View>
      ) : null}
      {PAGES.map(([page, label]) => (
        <ActionButton
          key={page}
          id={`org-${page}`}
          tone="secondary"
          className="intake-entry"
          onClick={() => Taro.navigateTo({ url: `/admin/org/${page}` })}
        >
          {label}
        </ActionButton>
      ))}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(OrgAdminPage, 'admin-org', '组织与配置');
