import { Input, Picker, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  PLAN_PERIOD_LABELS,
  PlanPeriod,
  Role,
  SLOT_HALF_LABELS,
  SlotHalf,
  type InspectionPlanView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { createInspectionPlan } from '../../services/api/field-inspections';
import { listQueues } from '../../services/api/queues';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { newPlanForm, periodEnd, validatePlan, type PlanErrors, type PlanForm } from './plan-form';
import '../job/index.scss';

interface District {
  id: number;
  name: string;
}

function Choice({ id, on, onClick, children }: { id: string; on: boolean; onClick: () => void; children: string }) {
  return (
    <View id={id} className={on ? 'choice choice--on' : 'choice'} onClick={onClick}>
      <Text>{children}</Text>
    </View>
  );
}

/** 新建安检计划: a district's bookable half-days over a month, quarter or year (supervisors: their own district). */
export default function InspectionPlanPage() {
  const [districts, setDistricts] = useState<District[] | null>(null);
  const [form, setForm] = useState<PlanForm>(() => newPlanForm(0, new Date()));
  const [errors, setErrors] = useState<PlanErrors>({});
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<InspectionPlanView | null>(null);

  async function load() {
    const me = requireStaff();
    if (!me || districts) return;
    // There is no district list for staff: the districts are those of the inspection queues one sees.
    const queues = await listQueues().catch(() => []);
    const found = queues
      .filter((q) => q.code.startsWith('inspection') && q.districtId !== null)
      .map((q) => ({ id: q.districtId!, name: q.name }))
      .filter((d) => me.role === Role.Admin || d.id === me.districtId);
    if (found.length === 0 && me.districtId) found.push({ id: me.districtId, name: '本片区' });
    setDistricts(found);
    setForm((f) => ({ ...f, districtId: f.districtId || found[0]?.id || 0 }));
  }
  useDidShow(() => void load());

  const change = (patch: Partial<PlanForm>) => setForm((f) => ({ ...f, ...patch }));
  const toggleHalf = (half: SlotHalf) =>
    change({
      halves: form.halves.includes(half) ? form.halves.filter((h) => h !== half) : [...form.halves, half].sort(),
    });

  async function submit() {
    const checked = validatePlan(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      setCreated(await createInspectionPlan(checked.request));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    return (
      <View className="page">
        <View id="plan-created" className="card job__done">
          <Text className="job__done-title">安检计划已创建</Text>
          <Text className="card__title">{created.name}</Text>
          <Text className="muted">
            {created.periodLabel} · {created.startDate} 至 {created.endDate} · 共 {created.slotCount} 个可预约时段
          </Text>
        </View>
        <ActionButton
          id="plan-another"
          tone="secondary"
          onClick={() => (setCreated(null), setForm(newPlanForm(form.districtId, new Date())))}
        >
          再建一个计划
        </ActionButton>
      </View>
    );
  }
  if (districts === null) return <Text className="empty">加载中…</Text>;
  return (
    <View className="page">
      <View className="card">
        <FormField label="片区" id="plan-district" error={errors.districtId}>
          <View className="choices">
            {districts.map((d) => (
              <Choice
                key={d.id}
                id={`plan-district-${d.id}`}
                on={form.districtId === d.id}
                onClick={() => change({ districtId: d.id })}
              >
                {d.name}
              </Choice>
            ))}
          </View>
        </FormField>
        <FormField label="计划名称" id="plan-name" error={errors.name}>
          <Input
            id="plan-name"
            className="field__input"
            maxlength={50}
            placeholder="如：2026年12月城东入户安检"
            value={form.name}
            onInput={(e) => change({ name: e.detail.value })}
          />
        </FormField>
        <FormField label="计划周期" id="plan-period" error={errors.period}>
          <View className="choices">
            {Object.values(PlanPeriod).map((p) => (
              <Choice
                key={p}
                id={`plan-period-${p}`}
                on={form.period === p}
                onClick={() => change({ period: p, endDate: periodEnd(form.startDate, p) })}
              >
                {PLAN_PERIOD_LABELS[p]}
              </Choice>
            ))}
          </View>
        </FormField>
        <FormField label="日期范围（仅工作日开放预约）" id="plan-dates" error={errors.startDate ?? errors.endDate}>
          <View className="row">
            <Picker
              id="plan-start"
              mode="date"
              value={form.startDate}
              onChange={(e) =>
                change({ startDate: String(e.detail.value), endDate: periodEnd(String(e.detail.value), form.period) })
              }
            >
              <Text className="chip">{form.startDate}</Text>
            </Picker>
            <Text>至</Text>
            <Picker
              id="plan-end"
              mode="date"
              value={form.endDate}
              onChange={(e) => change({ endDate: String(e.detail.value) })}
            >
              <Text className="chip">{form.endDate}</Text>
            </Picker>
          </View>
        </FormField>
        <FormField label="上门时段" id="plan-halves" error={errors.halves}>
          <View className="choices">
            {Object.values(SlotHalf).map((h) => (
              <Choice key={h} id={`plan-half-${h}`} on={form.halves.includes(h)} onClick={() => toggleHalf(h)}>
                {SLOT_HALF_LABELS[h]}
              </Choice>
            ))}
          </View>
        </FormField>
        <FormField label="每个时段名额" id="plan-capacity" error={errors.capacity}>
          <Input
            id="plan-capacity"
            className="field__input"
            type="number"
            maxlength={4}
            value={form.capacity}
            onInput={(e) => change({ capacity: e.detail.value })}
          />
        </FormField>
        {failure ? (
          <Text id="plan-error" className="field__error">
            {failure}
          </Text>
        ) : null}
        <ActionButton id="plan-submit" busy={busy} onClick={() => void submit()}>
          创建计划
        </ActionButton>
      </View>
    </View>
  );
}
