import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  AREA_CLASSES,
  AREA_CLASS_LABELS,
  CHANNEL_LABELS,
  CLOCK_LABELS,
  Channel,
  ClockKind,
  STATION_UTILITIES,
  TICKET_TYPE_LABELS,
  TicketType,
  UTILITY_LABELS,
  type DistrictView,
  type SlaPolicyView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { listDistricts, listSlaPolicies, saveSlaPolicies } from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import {
  type ClockUnit,
  type ClocksDraft,
  clocksDraft,
  clocksWords,
  draftClocks,
  policyRequest,
  selectorWords,
} from './sla-table';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

const NEW_ROW: SlaPolicyView = {
  ticketType: TicketType.Repair,
  utility: null,
  areaClass: null,
  districtId: null,
  channel: null,
  clocks: [],
  atRiskPercent: 80,
};
const ANY = '';
const UNITS: { value: ClockUnit; label: string }[] = [
  { value: 'off', label: '不设' },
  { value: 'minutes', label: '分钟' },
  { value: 'workingDays', label: '工作日' },
];

/**
 * 服务时限: the SLA table (docs/domain.md#clocks). Each row is for a ticket type, optionally one
 * utility, area class, district or channel; a ticket's clock takes the most specific row that
 * sets it. Edits stay on the page until 保存全部 (one PUT); they apply to tickets created afterwards.
 */
function SlaPoliciesPage() {
  const [rows, setRows] = useState<SlaPolicyView[]>([]);
  const [districts, setDistricts] = useState<DistrictView[]>([]);
  const [editing, setEditing] = useState<number | null>(null);
  const [row, setRow] = useState<SlaPolicyView>(NEW_ROW);
  const [clocks, setClocks] = useState<ClocksDraft>(clocksDraft([]));
  const [failure, setFailure] = useState('');
  const [saved, setSaved] = useState(false);

  const load = async () => {
    setRows(await listSlaPolicies());
    setDistricts(await listDistricts());
  };
  useDidShow(() => void (requireStaff() && load()));
  const districtName = (id: number) => districts.find((d) => d.id === id)?.name ?? `片区${id}`;

  const open = (index: number | null) => {
    const picked = index === null ? NEW_ROW : rows[index];
    setEditing(index);
    setRow(picked);
    setClocks(clocksDraft(picked.clocks));
    setSaved(false);
  };
  const keep = () => {
    const next = { ...row, clocks: draftClocks(clocks) };
    setRows(editing === null ? [...rows, next] : rows.map((r, i) => (i === editing ? next : r)));
    open(null);
  };
  const drop = () => {
    if (editing !== null) setRows(rows.filter((_, i) => i !== editing));
    open(null);
  };
  async function saveAll() {
    setFailure('');
    setSaved(false);
    try {
      setRows(await saveSlaPolicies(rows.map(policyRequest)));
      setSaved(true);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }
  const setClock = (kind: ClockKind, change: Partial<ClocksDraft[ClockKind]>) =>
    setClocks({ ...clocks, [kind]: { ...clocks[kind], ...change } });

  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">时限表</Text>
        <Text className="muted">
          工单的每项时限取最具体的一条：片区 &gt; 渠道 &gt; 地区类别 &gt; 供应类别 &gt; 默认。修改只影响之后新建的工单。
        </Text>
        {rows.map((r, i) => (
          <View
            key={`${selectorWords(r, districtName)}-${i}`}
            id={`sla-row-${i}`}
            className={editing === i ? 'org-row org-row--on' : 'org-row'}
            onClick={() => open(i)}
          >
            <Text>{selectorWords(r, districtName)}</Text>
            <Text className="muted">{clocksWords(r)}</Text>
          </View>
        ))}
        <ActionButton id="sla-save-all" onClick={() => void saveAll()}>
          保存全部
        </ActionButton>
        {saved ? <Text className="text-ok">已保存，之后新建的工单按新时限计时</Text> : null}
        <Failure message={failure} />
      </View>
      <View className="card">
        <Text className="card__title">{editing === null ? '新增一条' : '修改这一条'}</Text>
        <FormField label="业务" id="sla-type">
          <Chips
            id="sla-type"
            options={Object.values(TicketType).map((t) => ({ value: t, label: TICKET_TYPE_LABELS[t] }))}
            value={row.ticketType}
            onPick={(ticketType) => setRow({ ...row, ticketType })}
          />
        </FormField>
        <FormField label="供应类别" id="sla-utility">
          <Chips
            id="sla-utility"
            options={[
              { value: ANY, label: '不限' },
              ...STATION_UTILITIES.map((u) => ({ value: u, label: UTILITY_LABELS[u] })),
            ]}
            value={row.utility ?? ANY}
            onPick={(u) => setRow({ ...row, utility: u === ANY ? null : (u as SlaPolicyView['utility']) })}
          />
        </FormField>
        <FormField label="地区类别" id="sla-area">
          <Chips
            id="sla-area"
            options={[
              { value: ANY, label: '不限' },
              ...AREA_CLASSES.map((a) => ({ value: a, label: AREA_CLASS_LABELS[a] })),
            ]}
            value={row.areaClass ?? ANY}
            onPick={(a) => setRow({ ...row, areaClass: a === ANY ? null : (a as SlaPolicyView['areaClass']) })}
          />
        </FormField>
        <FormField label="片区" id="sla-district">
          <Chips
            id="sla-district"
            options={[{ value: 0, label: '不限' }, ...districts.map((d) => ({ value: d.id, label: d.name }))]}
            value={row.districtId ?? 0}
            onPick={(id) => setRow({ ...row, districtId: id || null })}
          />
        </FormField>
        <FormField label="受理渠道" id="sla-channel">
          <Chips
            id="sla-channel"
            options={[
              { value: ANY, label: '不限' },
              ...Object.values(Channel).map((c) => ({ value: c, label: CHANNEL_LABELS[c] })),
            ]}
            value={row.channel ?? ANY}
            onPick={(c) => setRow({ ...row, channel: c === ANY ? null : (c as Channel) })}
          />
        </FormField>
        {Object.values(ClockKind).map((kind) => (
          <FormField key={kind} label={CLOCK_LABELS[kind]} id={`sla-clock-${kind}`}>
            <Chips
              id={`sla-clock-${kind}-unit`}
              options={UNITS}
              value={clocks[kind].unit}
              onPick={(unit) => setClock(kind, { unit })}
            />
            {clocks[kind].unit !== 'off' ? (
              <Input
                id={`sla-clock-${kind}`}
                className="field__input"
                type="number"
                value={clocks[kind].amount}
                onInput={(e) => setClock(kind, { amount: e.detail.value })}
              />
            ) : null}
          </FormField>
        ))}
        <FormField label="临期提醒（用时百分比）" id="sla-at-risk">
          <Input
            id="sla-at-risk"
            className="field__input"
            type="number"
            value={String(row.atRiskPercent)}
            onInput={(e) => setRow({ ...row, atRiskPercent: Number(e.detail.value) })}
          />
        </FormField>
        <ActionButton id="sla-keep" tone="secondary" onClick={keep}>
          {editing === null ? '加入时限表' : '更新这一条'}
        </ActionButton>
        {editing !== null ? (
          <ActionButton id="sla-drop" tone="secondary" onClick={drop}>
            删除这一条
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(SlaPoliciesPage, 'admin-org', '服务时限');
