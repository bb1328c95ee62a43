import { Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import {
  CreateStaffSchema,
  ROLE_LABELS,
  Role,
  STAFF_ROLES,
  UpdateStaffSchema,
  type StaffAccountView,
  type StaffFormOptions,
  type UpdateStaffRequest,
} from '@utility/shared';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { createStaff, getStaffAccount, staffFormOptions, updateStaff } from '../../services/api/admin-staff';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff, staffHasRole } from '../../services/session';
import { OneTimePassword } from './one-time-password';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './staff.scss';

type Field = 'username' | 'name' | 'employeeNo' | 'phone' | 'roles' | 'queueIds' | 'wecomUserId' | 'districtId';
type Errors = Partial<Record<Field, string>>;

/** Server refusals that belong to one field. */
const FIELD_OF_CODE: Record<string, Field> = {
  USERNAME_TAKEN: 'username',
  EMPLOYEE_NO_TAKEN: 'employeeNo',
  UNKNOWN_QUEUE: 'queueIds',
  UNKNOWN_DISTRICT: 'districtId',
};

/** Create a staff member (`/admin/staff/edit`) or change one (`?id=`). */
function StaffEditPage() {
  const id = Number(useRouter().params.id) || null;
  const [options, setOptions] = useState<StaffFormOptions | null>(null);
  const [existing, setExisting] = useState<StaffAccountView | null>(null);
  const [username, setUsername] = useState('');
  const [name, setName] = useState('');
  const [employeeNo, setEmployeeNo] = useState('');
  const [phone, setPhone] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [districtId, setDistrictId] = useState<number | null>(null);
  const [queueIds, setQueueIds] = useState<number[]>([]);
  const [wecomUserId, setWecomUserId] = useState('');
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);
  const [issued, setIssued] = useState<{ name: string; username: string; password: string } | null>(null);

  useEffect(() => {
    const me = requireStaff();
    if (!me || !staffHasRole(me, Role.Admin)) return;
    void (async () => {
      try {
        setOptions(await staffFormOptions());
        if (!id) return;
        const person = await getStaffAccount(id);
        setExisting(person);
        setName(person.name);
        setEmployeeNo(person.employeeNo ?? '');
        setRoles(person.roles);
        setDistrictId(person.districtId);
        setQueueIds(person.queueIds);
        setWecomUserId(person.wecomUserId ?? '');
        void Taro.setNavigationBarTitle({ title: `编辑 ${person.name}` });
      } catch {
        // Shown by the request wrapper.
      }
    })();
  }, [id]);

  const toggle = <T,>(list: T[], item: T) => (list.includes(item) ? list.filter((x) => x !== item) : [...list, item]);

  function issuesOf(result: { success: boolean; error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
    const found: Errors = {};
    for (const issue of result.error?.issues ?? []) found[issue.path[0] as Field] ??= issue.message;
    return found;
  }

  async function save() {
    const common = { name, employeeNo, roles, districtId, queueIds, wecomUserId: wecomUserId.trim() || null };
    setBusy(true);
    try {
      if (!id) {
        const parsed = CreateStaffSchema.safeParse({ ...common, username, phone });
        setErrors(issuesOf(parsed));
        if (!parsed.success) return;
        const made = await createStaff(parsed.data);
        setIssued({ name, username: made.username, password: made.initialPassword });
      } else {
        const body: UpdateStaffRequest = { ...common, ...(phone.trim() ? { phone } : {}) };
        const parsed = UpdateStaffSchema.safeParse(body);
        setErrors(issuesOf(parsed));
        if (!parsed.success) return;
        await updateStaff(id, parsed.data);
        await Taro.showToast({ title: '已保存', icon: 'success' });
        void Taro.navigateBack();
      }
    } catch (error) {
      if (error instanceof ApiRequestError) {
        const field = FIELD_OF_CODE[error.code] ?? (error.details?.[0]?.path.split('.')[0] as Field | undefined);
        if (field) setErrors({ [field]: error.details?.[0]?.message ?? error.message });
        else void Taro.showToast({ title: error.message, icon: 'none', duration: 2500 });
      }
    } finally {
      setBusy(false);
    }
  }

  if (issued) {
    return (
      <View className="page">
        <OneTimePassword {...issued} onDone={() => void Taro.navigateBack()} />
      </View>
    );
  }
  if (!options) return <Text className="empty">加载中…</Text>;
  const queuesShown = options.queues.filter(
    (q) => districtId === null || q.districtId === null || q.districtId === districtId,
  );
  return (
    <View className="page">
      <View className="card">
        {id ? (
          <FormField label="用户名" id="staff-username">
            <Text className="muted">{existing?.username}（不可修改）</Text>
          </FormField>
        ) : (
          <FormField label="用户名" id="staff-username" error={errors.username}>
            <Input
              id="staff-username"
              className="field__input"
              placeholder="登录用，如 zhangsan"
              value={username}
              onInput={(e) => setUsername(e.detail.value)}
            />
          </FormField>
        )}
        <FormField label="姓名" id="staff-name" error={errors.name}>
          <Input
            id="staff-name"
            className="field__input"
            placeholder="请输入姓名"
            value={name}
            onInput={(e) => setName(e.detail.value)}
          />
        </FormField>
        <FormField label="工号" id="staff-employee-no" error={errors.employeeNo}>
          <Input
            id="staff-employee-no"
            className="field__input"
            placeholder="请输入工号"
            value={employeeNo}
            onInput={(e) => setEmployeeNo(e.detail.value)}
          />
        </FormField>
        <FormField label="工作电话" id="staff-phone" error={errors.phone} optional={Boolean(id)}>
          <Input
            id="staff-phone"
            className="field__input"
            type="number"
            placeholder={id ? `当前 ${existing?.phone ?? '未填写'}，不改请留空` : '手机号或固定电话'}
            value={phone}
            onInput={(e) => setPhone(e.detail.value)}
          />
        </FormField>
        <FormField label="企业微信账号" id="staff-wecom" error={errors.wecomUserId} optional>
          <Input
            id="staff-wecom"
            className="field__input"
            placeholder="用于以后发送工作通知"
            value={wecomUserId}
            onInput={(e) => setWecomUserId(e.detail.value)}
          />
        </FormField>
      </View>
      <View className="card">
        <FormField label="角色（可多选，第一个为主要角色）" id="staff-roles" error={errors.roles}>
          <View className="chips">
            {STAFF_ROLES.map((role) => (
              <Text
                key={role}
                id={`staff-role-${role}`}
                className={roles.includes(role) ? 'chip chip--on' : 'chip'}
                onClick={() => setRoles(toggle(roles, role))}
              >
                {ROLE_LABELS[role]}
              </Text>
            ))}
          </View>
        </FormField>
        <FormField label="所属片区" id="staff-district" error={errors.districtId}>
          <View className="chips">
            <Text
              id="staff-district-none"
              className={districtId === null ? 'chip chip--on' : 'chip'}
              onClick={() => setDistrictId(null)}
            >
              不限
            </Text>
            {options.districts.map((d) => (
              <Text
                key={d.id}
                id={`staff-district-${d.id}`}
                className={districtId === d.id ? 'chip chip--on' : 'chip'}
                onClick={() => setDistrictId(d.id)}
              >
                {d.name}
              </Text>
            ))}
          </View>
        </FormField>
        <FormField label="处理的队列" id="staff-queues" error={errors.queueIds} optional>
          <View className="chips">
            {queuesShown.map((q) => (
              <Text
                key={q.id}
                id={`staff-queue-${q.id}`}
                className={queueIds.includes(q.id) ? 'chip chip--on' : 'chip'}
                onClick={() => setQueueIds(toggle(queueIds, q.id))}
              >
                {q.name}
              </Text>
            ))}
          </View>
        </FormField>
      </View>
      <ActionButton id="staff-save" busy={busy} onClick={save}>
        {id ? '保存' : '创建并生成初始密码'}
      </ActionButton>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(StaffEditPage, 'admin-staff', '员工信息');
