import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro';
import { ROLE_LABELS, Role, type StaffAccountView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { disableStaff, enableStaff, listStaff, resetStaffPassword } from '../../services/api/admin-staff';
import { requireStaff, staffHasRole } from '../../services/session';
import { OneTimePassword } from './one-time-password';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './staff.scss';

function StaffCard({
  person,
  busy,
  onEdit,
  onReset,
  onToggle,
}: {
  person: StaffAccountView;
  busy: boolean;
  onEdit: () => void;
  onReset: () => void;
  onToggle: () => void;
}) {
  return (
    <View id={`staff-${person.username}`} className="card staff-card">
      <View className="staff-card__head">
        <Text className="card__title">
          {person.name}
          <Text className="muted">（{person.username}）</Text>
        </Text>
        {!person.active ? (
          <Text className="staff-card__state--off">已停用</Text>
        ) : person.mustChangePassword ? (
          <Text className="staff-card__state--pending">待改初始密码</Text>
        ) : null}
      </View>
      <Text className="staff-card__line">{person.roles.map((r) => ROLE_LABELS[r]).join('、')}</Text>
      <Text className="staff-card__line">
        工号 {person.employeeNo ?? '—'}
        {'　'}电话 {person.phone ?? '—'}
      </Text>
      <View className="staff-card__actions">
        <ActionButton id={`staff-${person.username}-edit`} tone="secondary" size="small" onClick={onEdit}>
          编辑
        </ActionButton>
        <ActionButton id={`staff-${person.username}-reset`} tone="secondary" size="small" busy={busy} onClick={onReset}>
          重置密码
        </ActionButton>
        <ActionButton
          id={`staff-${person.username}-toggle`}
          tone={person.active ? 'danger' : 'secondary'}
          size="small"
          busy={busy}
          onClick={onToggle}
        >
          {person.active ? '停用' : '启用'}
        </ActionButton>
      </View>
    </View>
  );
}

/** The operator's console: every staff account, with edit, password reset, disable and enable. */
function StaffAccountsPage() {
  const [allowed, setAllowed] = useState<boolean | null>(null);
  const [people, setPeople] = useState<StaffAccountView[] | null>(null);
  const [busyId, setBusyId] = useState<number | null>(null);
  const [issued, setIssued] = useState<{ name: string; username: string; password: string } | null>(null);

  async function load() {
    const me = requireStaff();
    if (!me) return;
    const isAdmin = staffHasRole(me, Role.Admin);
    setAllowed(isAdmin);
    if (!isAdmin) return;
    try {
      setPeople(await listStaff());
    } catch {
      setPeople((current) => current ?? []);
    }
  }

  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  async function act(person: StaffAccountView, work: () => Promise<void>) {
    setBusyId(person.id);
    try {
      await work();
      await load();
    } catch {
      // The request wrapper has shown the reason.
    } finally {
      setBusyId(null);
    }
  }

  async function reset(person: StaffAccountView) {
    const { confirm } = await Taro.showModal({
      title: '重置密码',
      content: `将为${person.name}生成新的初始密码，其所有已登录设备会立即退出。确定重置吗？`,
      confirmText: '重置',
    });
    if (!confirm) return;
    await act(person, async () => {
      const { initialPassword } = await resetStaffPassword(person.id);
      setIssued({ name: person.name, username: person.username, password: initialPassword });
    });
  }

  async function toggle(person: StaffAccountView) {
    if (person.active) {
      const { confirm } = await Taro.showModal({
        title: '停用账号',
        content: `停用后${person.name}将无法登录，其所有已登录设备会立即退出。确定停用吗？`,
        confirmText: '停用',
        confirmColor: '#d93026',
      });
      if (!confirm) return;
    }
    await act(person, async () => {
      await (person.active ? disableStaff(person.id) : enableStaff(person.id));
      void Taro.showToast({ title: person.active ? '已停用' : '已启用', icon: 'success' });
    });
  }

  if (allowed === false) return <Text className="empty">仅管理员可管理员工账号</Text>;
  return (
    <View className="page">
      {issued ? <OneTimePassword {...issued} onDone={() => setIssued(null)} /> : null}
      <ActionButton
        id="staff-create"
        className="intake-entry"
        onClick={() => Taro.navigateTo({ url: '/admin/staff/edit' })}
      >
        新增员工
      </ActionButton>
      {people === null ? <Text className="empty">加载中…</Text> : null}
      {people?.map((person) => (
        <StaffCard
          key={person.id}
          person={person}
          busy={busyId === person.id}
          onEdit={() => Taro.navigateTo({ url: `/admin/staff/edit?id=${person.id}` })}
          onReset={() => void reset(person)}
          onToggle={() => void toggle(person)}
        />
      ))}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(StaffAccountsPage, 'admin-staff', '员工账号');
