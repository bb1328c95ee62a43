import Taro, { useDidShow } from '@tarojs/taro';
import { ROLE_LABELS, Role, type QueueView, type StaffView } from '@utility/shared';
import { useEffect, useRef, useState } from 'react';
import { listQueues } from '../../services/queues';
import { requireStaff, staffHasRole } from '../../services/session';
import { logout } from '../../services/staff';
import { listStaffNotifications } from '../../services/staff-notifications';
import { INTAKE_ROLES, OVERSIGHT_ROLES, VISIT_ROLES } from '../home-entries';
import { IntakeDesk } from './intake-desk.h5';
import { QueueDesk } from './queue-desk.h5';
import { TicketPane } from './ticket-pane.h5';
import './desk.scss';

/** What the console's main area shows; the page the browser opened decides the first one. */
export type DeskView =
  { kind: 'queue'; queueId?: number; ticketId?: number } | { kind: 'intake' } | { kind: 'ticket'; ticketId: number };

interface NavLink {
  id: string;
  label: string;
  url: string;
  badge?: number;
}

/** Pages without a desk layout of their own open as they are (they are read on phones too). */
function otherLinks(staff: StaffView, unread: number): NavLink[] {
  const links: NavLink[] = [];
  if (VISIT_ROLES.includes(staff.role)) links.push({ id: 'visits', label: '回访任务', url: '/staff/visits/index' });
  links.push({ id: 'notifications', label: '消息通知', url: '/staff/notifications/index', badge: unread });
  if (staff.role !== Role.Admin) links.push({ id: 'ratings', label: '我的评价', url: '/staff/ratings/index' });
  if (OVERSIGHT_ROLES.includes(staff.role))
    links.push({ id: 'dashboard', label: '运营看板与月报', url: '/staff-dashboard/index' });
  if (staffHasRole(staff, Role.Admin)) {
    links.push({ id: 'admin-staff', label: '员工账号管理', url: '/admin/staff/index' });
    links.push({ id: 'admin-org', label: '组织与配置', url: '/admin/org/index' });
    links.push({ id: 'admin-accounts', label: '客户档案', url: '/admin/accounts/index' });
  }
  links.push({ id: 'password', label: '修改密码', url: '/staff/password/index' });
  return links;
}

/**
 * The staff console at a desk (≥ 1024 px, H5): navigation on the left, the work beside it.
 * The field keeps the phone pages (docs/architecture.md#miniapp).
 */
export function DeskConsole({ initial }: { initial: DeskView }) {
  const [staff, setStaff] = useState<StaffView | null>(null);
  const [queues, setQueues] = useState<QueueView[] | null>(null);
  const [unread, setUnread] = useState(0);
  const [view, setView] = useState<DeskView>(initial);

  async function loadQueues() {
    try {
      setQueues(await listQueues());
    } catch {
      setQueues((current) => current ?? []);
    }
  }

  function load() {
    const me = requireStaff();
    setStaff(me);
    if (!me) return;
    // The badge is a hint: a failure leaves the last count and shows no toast.
    void listStaffNotifications(true, true)
      .then((items) => setUnread(items.length))
      .catch(() => undefined);
    void loadQueues();
  }

  // On mount (the window may have just grown to desk width), and on coming back to the page.
  const shown = useRef(false);
  useEffect(load, []);
  useDidShow(() => {
    if (shown.current) load();
    shown.current = true;
  });

  const title =
    view.kind === 'intake'
      ? '电话受理'
      : view.kind === 'ticket'
        ? '工单详情'
        : (queues?.find((q) => q.id === (view.queueId ?? queues?.[0]?.id))?.name ?? '工单队列');
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title });
  }, [title]);

  if (!staff) return <div className="desk" />;
  const mayTakeCalls = INTAKE_ROLES.includes(staff.role);
  const queueId = view.kind === 'queue' ? (view.queueId ?? queues?.[0]?.id) : undefined;
  const currentQueue = queues?.find((q) => q.id === queueId);

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
        {mayTakeCalls ? (
          <button
            type="button"
            id="desk-nav-intake"
            className={view.kind === 'intake' ? 'desk-nav__item desk-nav__item--active' : 'desk-nav__item'}
            onClick={() => setView({ kind: 'intake' })}
          >
            电话受理
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
            className={
              view.kind === 'queue' && q.id === queueId ? 'desk-nav__item desk-nav__item--active' : 'desk-nav__item'
            }
            onClick={() => setView({ kind: 'queue', queueId: q.id })}
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
            className="desk-nav__item"
            onClick={() => Taro.navigateTo({ url: link.url })}
          >
            <span className="desk-nav__label">{link.label}</span>
            {link.badge ? <span className="desk-nav__count desk-nav__count--breached">{link.badge}</span> : null}
          </button>
        ))}
        <button type="button" id="logout" className="desk-nav__item desk-nav__signout" onClick={signOut}>
          退出登录
        </button>
      </nav>
      <main className="desk-main">
        {view.kind === 'intake' ? (
          <IntakeDesk onOpenTicket={(ticketId) => setView({ kind: 'ticket', ticketId })} />
        ) : null}
        {view.kind === 'ticket' ? (
          <div className="desk-solo">
            <TicketPane ticketId={view.ticketId} staff={staff} onChanged={() => void loadQueues()} />
          </div>
        ) : null}
        {view.kind === 'queue' && currentQueue ? (
          <QueueDesk
            key={currentQueue.id}
            queue={currentQueue}
            staff={staff}
            initialTicketId={view.ticketId}
            onChanged={() => void loadQueues()}
          />
        ) : null}
        {view.kind === 'queue' && queues !== null && !currentQueue ? (
          <div className="desk-empty">{queues.length ? '请选择队列' : '暂无可处理的队列'}</div>
        ) : null}
      </main>
    </div>
  );
}
