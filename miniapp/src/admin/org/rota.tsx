import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  ROLE_LABELS,
  Role,
  STAFF_ROLES,
  type DistrictView,
  type RosterStaffView,
  type ShiftView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { listDistricts, listRosterStaff, listShifts, saveShift } from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import { shanghaiLabel, shanghaiToIso, toggleId } from './org-form';
import { DeskPicker } from '../../components/desk-picker';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);
const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

interface Form {
  id: number | null;
  districtId: number;
  role: string;
  date: string;
  start: string;
  end: string;
  staffIds: number[];
  note: string;
}

/**
 * 值班表: the shifts of a day (Shanghai time). Who is on a shift at a moment is who is on duty:
 * leaks are auto-assigned to the technicians on shift in the district.
 */
function RotaPage() {
  const [date, setDate] = useState(today());
  const [shifts, setShifts] = useState<ShiftView[]>([]);
  const [districts, setDistricts] = useState<DistrictView[]>([]);
  const [staff, setStaff] = useState<RosterStaffView[]>([]);
  const blank = (districtId: number, on = date): Form => ({
    id: null,
    districtId,
    role: Role.Technician,
    date: on,
    start: '08:00',
    end: '20:00',
    staffIds: [],
    note: '',
  });
  const [form, setForm] = useState<Form>(blank(0));
  const [failure, setFailure] = useState('');

  const load = async (on = date) => {
    const ds = await listDistricts();
    setDistricts(ds);
    setStaff(await listRosterStaff());
    setShifts(await listShifts(shanghaiToIso(on, '00:00'), shanghaiToIso(nextDay(on), '00:00')));
    setForm((f) => (f.districtId ? f : blank(ds[0]?.id ?? 0, on)));
  };
  useDidShow(() => void (requireStaff() && load()));

  async function submit() {
    setFailure('');
    // An end at or before the start is the next morning (a night shift).
    const endDate = form.end <= form.start ? nextDay(form.date) : form.date;
    const body = {
      districtId: form.districtId,
      role: form.role,
      startsAt: shanghaiToIso(form.date, form.start),
      endsAt: shanghaiToIso(endDate, form.end),
      staffIds: form.staffIds,
      note: form.note,
    };
    try {
      await saveShift(form.id, body);
      setForm(blank(form.districtId));
      await load();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }
  const edit = (s: ShiftView) => {
    setForm({
      id: s.id,
      districtId: s.districtId,
      role: s.role,
      date: new Date(Date.parse(s.startsAt) + 8 * 3_600_000).toISOString().slice(0, 10),
      start: shanghaiLabel(s.startsAt).split(' ')[1],
      end: shanghaiLabel(s.endsAt).split(' ')[1],
      staffIds: s.staffIds,
      note: s.note,
    });
  };

  return (
    <View className="page">
      <View className="card">
        <DeskPicker
          id="rota-date"
          mode="date"
          value={date}
          onChange={(e) => (setDate(String(e.detail.value)), void load(String(e.detail.value)))}
        >
          <Text className="field__input">{date} 的班次（北京时间）</Text>
        </DeskPicker>
        {shifts.length === 0 ? <Text className="empty">这一天没有排班</Text> : null}
        {shifts.map((s) => (
          <View
            key={s.id}
            id={`shift-${s.id}`}
            className={form.id === s.id ? 'org-row org-row--on' : 'org-row'}
            onClick={() => edit(s)}
          >
            <Text>
              {shanghaiLabel(s.startsAt)}～{shanghaiLabel(s.endsAt).slice(6)}{' '}
              {districts.find((d) => d.id === s.districtId)?.name} {ROLE_LABELS[s.role as Role] ?? s.role} {s.note}
            </Text>
            <Text className="muted">{s.staff.map((p) => p.name).join('、') || '无人'}</Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">{form.id ? '修改班次' : '新增班次'}</Text>
        <FormField label="片区" id="shift-district">
          <Chips
            id="shift-district"
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
            value={form.districtId}
            onPick={(districtId) => setForm({ ...form, districtId })}
          />
        </FormField>
        <FormField label="岗位" id="shift-role">
          <Chips
            id="shift-role"
            options={STAFF_ROLES.map((r) => ({ value: r as string, label: ROLE_LABELS[r] }))}
            value={form.role}
            onPick={(role) => setForm({ ...form, role, staffIds: [] })}
          />
        </FormField>
        <FormField label="日期与时间（北京时间；下班早于上班即次日）" id="shift-time">
          <View className="org-tier">
            <DeskPicker
              id="shift-date"
              mode="date"
              value={form.date}
              onChange={(e) => setForm({ ...form, date: String(e.detail.value) })}
            >
              <Text className="field__input">{form.date}</Text>
            </DeskPicker>
            <DeskPicker
              id="shift-start"
              mode="time"
              value={form.start}
              onChange={(e) => setForm({ ...form, start: String(e.detail.value) })}
            >
              <Text className="field__input">{form.start}</Text>
            </DeskPicker>
            <Text>至</Text>
            <DeskPicker
              id="shift-end"
              mode="time"
              value={form.end}
              onChange={(e) => setForm({ ...form, end: String(e.detail.value) })}
            >
              <Text className="field__input">{form.end}</Text>
            </DeskPicker>
          </View>
        </FormField>
        <FormField label="值班人员" id="shift-staff">
          <Chips
            id="shift-staff"
            options={staff.filter((s) => s.role === form.role).map((s) => ({ value: s.id, label: s.name }))}
            values={form.staffIds}
            onPick={(id) => setForm({ ...form, staffIds: toggleId(form.staffIds, id) })}
          />
        </FormField>
        <FormField label="备注" id="shift-note" optional>
          <Input
            id="shift-note"
            className="field__input"
            maxlength={100}
            placeholder="如：白班、夜班"
            value={form.note}
            onInput={(e) => setForm({ ...form, note: e.detail.value })}
          />
        </FormField>
        <ActionButton id="shift-save" onClick={() => void submit()}>
          {form.id ? '保存班次' : '新增班次'}
        </ActionButton>
        {form.id ? (
          <ActionButton id="shift-new" tone="secondary" onClick={() => setForm(blank(form.districtId))}>
            改为新增
          </ActionButton>
        ) : null}
        <Failure message={failure} />
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(RotaPage, 'admin-org', '值班表');
