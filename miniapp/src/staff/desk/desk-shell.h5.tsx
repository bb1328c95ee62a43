import Taro, { useDidShow } from '@tarojs/taro';
import { ROLE_LABELS, Role, type QueueView, type StaffView } from '@utility/shared';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { listQueues } from '../../services/api/queues';
import { getStaff, requireStaff, staffHasRole } from '../../services/session';
import { logout } from '../../services/api/staff';
import { listStaffNotifications } from '../../services/api/staff-notifications';
import {
  INTAKE_ROLES,
  KNOWLEDGE_EDITOR_ROLES,
  INCIDENT_ROLES,
  OUTAGE_ROLES,
  OVERSIGHT_ROLES,
  SEARCH_ROLES,
  VISIT_ROLES,
} from '../home-entries';
import './desk.scss';

/** What the console's main area shows; the page the browser opened decides the first one. */
export type DeskView =
  | { kind: 'queue'; queueId?: number; ticketId?: number }
  | { kind: 'intake' }
  | { kind: 'ticket'; ticketId: number }
  | { kind: 'customers'; accountNo?: string };

interface NavLink {
  id: string;
  label: string;
  url: string;
  badge?: number;
}

/** The staff pages beside the console's own views: each renders in this shell at a desk (DeskFrame). */
function otherLinks(staff: StaffView, unread: number): NavLink[] {
  const links: NavLink[] = [];
  if (VISIT_ROLES.includes(staff.role)) links.push({ id: 'visits', label: '回访任务', url: '/staff/visits/index' });
  links.push({ id: 'notifications', label: '消息通知', url: '/staff/notifications/index', badge: unread });
  if (staffHasRole(staff, Role.Agent)) {
    links.push({ id: 'counter', label: '柜台收费', url: '/staff/counter/index' });
    links.push({ id: 'bank-debit', label: '银行代扣导入', url: '/staff/bank-debit/index' });
  }
  if (staffHasRole(staff, Role.Supervisor))
    links.push({ id: 'late-fees', label: '滞纳金减免', url: '/staff/late-fees/index' });
  if (staffHasRole(staff, Role.Agent) || staffHasRole(staff, Role.Supervisor))
    links.push({ id: 'invoices', label: '发票管理', url: '/staff/invoices/index' });
  if (OUTAGE_ROLES.includes(staff.role)) links.push({ id: 'outages', label: '停供管理', url: '/staff/outages/index' });
  if (INCIDENT_ROLES.includes(staff.role))
    links.push({ id: 'incidents', label: '重大事件', url: '/staff/incidents/index' });
  if (KNOWLEDGE_EDITOR_ROLES.includes(staff.role))
    links.push({ id: 'knowledge', label: '知识库管理', url: '/staff/knowledge/index' });
  if (staff.role !== Role.Admin) links.push({ id: 'ratings', label: '我的评价', url: '/staff/ratings/index' });
  if (OVERSIGHT_ROLES.includes(staff.role))
    links.push({ id: 'dashboard', label: '运营看板与月报', url: '/staff-dashboard/index' });
  if (staffHasRole(staff, Role.Admin)) {
    links.push({ id: 'admin-staff', label: '员工账号管理', url: '/admin/staff/index' });
    links.push({ id: 'admin-org', label: '组织与配置', url: '/admin/org/index' });
    links.push({ id: 'admin-accounts', label: '客户档案', url: '/admin/accounts/index' });
    links.push({ id: 'admin-audit', label: '变更记录', url: '/admin/audit/index' });
  }
  links.push({ id: 'password', label: '修改密码', url: '/staff/password/index' });
  return links;
}

/** The page that opens a console view when the shell is around another page. */
function urlOf(view: DeskView, queues: QueueView[] | null): string {
  if (view.kind === 'intake') return '/staff/intake/index';
  if (view.kind === 'customers') return '/staff/customers/index';
  if (view.kind === 'ticket') return `/staff/ticket/index?id=${view.ticketId}`;
  const name = queues?.find((q) => q.id === view.queueId)?.name ?? '';
  return view.queueId
    ? `/staff/queues/queue?id=${view.queueId}&name=${encodeURIComponent(name)}`
    : '/staff/queues/index';
}

export interface DeskNav {
  staff: StaffView | null;
  queues: QueueView[] | null;
  unread: number;
  reloadQueues: () => void;
}

/** Who is signed in, their queues and the unread count: on mount and on coming back to the page. */
export function useDeskNav(): DeskNav {
  // Known at once from the session, so a page in the shell mounts with it (its useLoad/useDidShow run).
  const [staff, setStaff] = useState<StaffView | null>(getStaff);
  const [queues, setQueues] = useState<QueueView[] | null>(null);
  const [unread, setUnread] = useState(0);

  function reloadQueues() {
    listQueues().then(setQueues, () => setQueues((current) => current ?? []));
  }

  function load() {
    const me = requireStaff();
    setStaff(me);
    if (!me) return;
    // The badge is a hint: a failure leaves the last count and shows no toast.
    void listStaffNotifications(true, true)
      .then((items) => setUnread(items.length))
      .catch(() => undefined);
    reloadQueues();
  }

  // On mount (the window may have just grown to desk width), and on coming back to the page.
  const shown = useRef(false);
  useEffect(load, []);
  useDidShow(() => {
    if (shown.current) load();
    shown.current = true;
  });
  return { staff, queues, unread, reloadQueues };
}

interface ShellProps {
  nav: DeskNav & { staff: StaffView };
  /** The highlighted entry: `intake`, `customers`, `queue-<id>`, or a page's id (`notifications`…). */
  active: string;
  /** In the console: switch its view; elsewhere the entry opens the console's page. */
  onSelect?: (view: DeskView) => void;
  children: ReactNode;
}

/** The desk's left navigation and the work beside it (docs/architecture.md "The desk console"). */
export function DeskShell({ nav, active, onSelect, children }: ShellProps) {
  const { staff, queues, unread } = nav;
  const item = (id: string) => (id === active ? 'desk-nav__item desk-nav__item--active' : 'desk-nav__item');
  const select = (view: DeskView) => (onSelect ? onSelect(view) : void Taro.redirectTo({ url: urlOf(view, queues) }));
  // From a page in the shell, another page replaces it; the console keeps its history (back returns to it).
  const open = (url: string) => (onSelect ? Taro.navigateTo({ url }) : Taro.redirectTo({ url }));

  function signOut() {
    logout();
    void Taro.reLaunch({ url: '/staff/login/index' });
  }

  return (
    <div id="desk-console" className="desk">
      <nav id="desk-nav" className="desk-nav" aria-label="工作台导航">
        <div className="desk-nav__brand">智慧燃气·热力 工作台</div>
        <div className="desk-nav__who">
          <span id="staff-name" className="desk-nav__name">
            {staff.name}
          </span>
          <span className="desk-nav__role">{ROLE_LABELS[staff.role]}</span>
        </div>
        {INTAKE_ROLES.includes(staff.role) ? (
          <button
            type="button"
            id="desk-nav-intake"
            className={item('intake')}
            onClick={() => select({ kind: 'intake' })}
          >
            电话受理
          </button>
        ) : null}
        {SEARCH_ROLES.includes(staff.role) ? (
          <button
            type="button"
            id="desk-nav-customers"
            className={item('customers')}
            onClick={() => select({ kind: 'customers' })}
          >
            客户查询
          </button>
        ) : null}
        <div className="desk-nav__group">工单队列</div>
        {queues === null ? <div className="desk-nav__hint">加载中…</div> : null}
        {queues?.length === 0 ? <div className="desk-nav__hint">暂无可处理的队列</div> : null}
        {queues?.map((q) => (
          <button
            type="button"
            key={q.id}
            id={`desk-nav-queue-${q.code}`}
            className={item(`queue-${q.id}`)}
            onClick={() => select({ kind: 'queue', queueId: q.id })}
          >
            <span className="desk-nav__label">{q.name}</span>
            <span className="desk-nav__counts">
              {q.counts.breached ? (
                <span className="desk-nav__count desk-nav__count--breached" title="超时">
                  {q.counts.breached}
                </span>
              ) : null}
              <span className="desk-nav__count" title="待办">
                {q.counts.open}
              </span>
            </span>
          </button>
        ))}
        <div className="desk-nav__group">其他</div>
        {otherLinks(staff, unread).map((link) => (
          <button
            type="button"
            key={link.id}
            id={`desk-nav-${link.id}`}
            className={item(link.id)}
            aria-current={link.id === active ? 'page' : undefined}
            onClick={() => void open(link.url)}
          >
            <span className="desk-nav__label">{link.label}</span>
            {link.badge ? <span className="desk-nav__count desk-nav__count--breached">{link.badge}</span> : null}
          </button>
        ))}
        <button type="button" id="logout" className="desk-nav__item desk-nav__signout" onClick={signOut}>
          退出登录
        </button>
      </nav>
      <main className="desk-main">{children}</main>
    </div>
  );
}
