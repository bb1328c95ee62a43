import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  QUEUE_KIND_LABELS,
  ROLE_LABELS,
  Role,
  TICKET_TYPE_LABELS,
  TicketType,
  type AdminQueueView,
  type DistrictView,
  type RosterStaffView,
  type RoutingRuleView,
  type StationView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import {
  listAdminQueues,
  listDistricts,
  listRosterStaff,
  listRoutingRules,
  listStations,
  saveQueue,
  saveRoutingRule,
} from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import { toggleId } from './org-form';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

type EditableKind = 'standard' | 'emergency' | 'supervisor_only';
const NEW_QUEUE = {
  id: null as number | null,
  code: '',
  name: '',
  kind: 'standard' as EditableKind | 'triage',
  districtId: null as number | null,
  stationId: null as number | null,
  memberIds: [] as number[],
};
const NEW_RULE = {
  id: null as number | null,
  ticketType: TicketType.Repair as TicketType,
  districtId: null as number | null,
  stationId: null as number | null,
  queueId: 0,
};

/** 队列与分派规则: queues with their members, and type × district/station → queue. */
function QueuesPage() {
  const [queues, setQueues] = useState<AdminQueueView[]>([]);
  const [rules, setRules] = useState<RoutingRuleView[]>([]);
  const [districts, setDistricts] = useState<DistrictView[]>([]);
  const [stations, setStations] = useState<StationView[]>([]);
  const [staff, setStaff] = useState<RosterStaffView[]>([]);
  const [queue, setQueue] = useState(NEW_QUEUE);
  const [rule, setRule] = useState(NEW_RULE);
  const [failure, setFailure] = useState('');

  const load = async () => {
    setQueues(await listAdminQueues());
    setRules(await listRoutingRules());
    setDistricts(await listDistricts());
    setStations(await listStations());
    setStaff(await listRosterStaff());
  };
  useDidShow(() => void (requireStaff() && load()));

  async function run(work: () => Promise<unknown>) {
    setFailure('');
    try {
      await work();
      setQueue(NEW_QUEUE);
      setRule(NEW_RULE);
      await load();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }
  const place = (districtId: number | null, stationId: number | null) =>
    stations.find((s) => s.id === stationId)?.name ?? districts.find((d) => d.id === districtId)?.name ?? '全公司';
  const districtOptions = [
    { value: null, label: '全公司' },
    ...districts.map((d) => ({ value: d.id as number | null, label: d.name })),
  ];
  const stationOptions = (districtId: number | null) => [
    { value: null, label: '不限站点' },
    ...stations
      .filter((s) => districtId === null || s.districtId === districtId)
      .map((s) => ({ value: s.id as number | null, label: s.name })),
  ];
  const queueBody = () => ({
    ...(queue.code ? { code: queue.code } : {}),
    name: queue.name,
    ...(queue.kind === 'triage' ? {} : { kind: queue.kind }),
    districtId: queue.districtId,
    stationId: queue.stationId,
    memberIds: queue.memberIds,
  });

  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">队列</Text>
        {queues.map((q) => (
          <View
            key={q.id}
            id={`queue-${q.id}`}
            className={queue.id === q.id ? 'org-row org-row--on' : 'org-row'}
            onClick={() => setQueue(q)}
          >
            <Text>{q.name}</Text>
            <Text className="muted">
              {QUEUE_KIND_LABELS[q.kind]} · {place(q.districtId, q.stationId)} · {q.memberIds.length}人
            </Text>
          </View>
        ))}
        <FormField label="名称" id="queue-name">
          <Input
            id="queue-name"
            className="field__input"
            value={queue.name}
            onInput={(e) => setQueue({ ...queue, name: e.detail.value })}
          />
        </FormField>
        <FormField label="编码" id="queue-code" optional>
          <Input
            id="queue-code"
            className="field__input"
            value={queue.code}
            onInput={(e) => setQueue({ ...queue, code: e.detail.value })}
          />
        </FormField>
        {queue.kind === 'triage' ? null : (
          <FormField label="类型" id="queue-kind">
            <Chips
              id="queue-kind"
              options={(['standard', 'emergency', 'supervisor_only'] as const).map((k) => ({
                value: k,
                label: QUEUE_KIND_LABELS[k],
              }))}
              value={queue.kind}
              onPick={(kind) => setQueue({ ...queue, kind })}
            />
          </FormField>
        )}
        <FormField label="片区" id="queue-district">
          <Chips
            id="queue-district"
            options={districtOptions}
            value={queue.districtId}
            onPick={(districtId) => setQueue({ ...queue, districtId, stationId: null })}
          />
        </FormField>
        <FormField label="站点" id="queue-station">
          <Chips
            id="queue-station"
            options={stationOptions(queue.districtId)}
            value={queue.stationId}
            onPick={(stationId) => setQueue({ ...queue, stationId })}
          />
        </FormField>
        <FormField label="成员" id="queue-members">
          <Chips
            id="queue-member"
            options={staff.map((s) => ({
              value: s.id,
              label: `${s.name}（${ROLE_LABELS[s.role as Role] ?? s.role}）`,
            }))}
            values={queue.memberIds}
            onPick={(id) => setQueue({ ...queue, memberIds: toggleId(queue.memberIds, id) })}
          />
        </FormField>
        <ActionButton id="queue-save" onClick={() => run(() => saveQueue(queue.id, queueBody()))}>
          {queue.id ? '保存队列' : '新增队列'}
        </ActionButton>
        {queue.id ? (
          <ActionButton id="queue-new" tone="secondary" onClick={() => setQueue(NEW_QUEUE)}>
            改为新增
          </ActionButton>
        ) : null}
      </View>
      <View className="card">
        <Text className="card__title">分派规则（工单类型 × 片区/站点 → 队列）</Text>
        {rules.map((r) => (
          <View
            key={r.id}
            id={`rule-${r.id}`}
            className={rule.id === r.id ? 'org-row org-row--on' : 'org-row'}
            onClick={() => setRule(r)}
          >
            <Text>
              {TICKET_TYPE_LABELS[r.ticketType]} · {place(r.districtId, r.stationId)}
            </Text>
            <Text className="muted">→ {queues.find((q) => q.id === r.queueId)?.name}</Text>
          </View>
        ))}
        <FormField label="工单类型" id="rule-type">
          <Chips
            id="rule-type"
            options={Object.values(TicketType).map((t) => ({ value: t, label: TICKET_TYPE_LABELS[t] }))}
            value={rule.ticketType}
            onPick={(ticketType) => setRule({ ...rule, ticketType })}
          />
        </FormField>
        <FormField label="片区" id="rule-district">
          <Chips
            id="rule-district"
            options={districtOptions}
            value={rule.districtId}
            onPick={(districtId) => setRule({ ...rule, districtId, stationId: null })}
          />
        </FormField>
        <FormField label="站点" id="rule-station">
          <Chips
            id="rule-station"
            options={stationOptions(rule.districtId)}
            value={rule.stationId}
            onPick={(stationId) => setRule({ ...rule, stationId })}
          />
        </FormField>
        <FormField label="分派到队列" id="rule-queue">
          <Chips
            id="rule-queue"
            options={queues.map((q) => ({ value: q.id, label: q.name }))}
            value={rule.queueId}
            onPick={(queueId) => setRule({ ...rule, queueId })}
          />
        </FormField>
        <ActionButton
          id="rule-save"
          onClick={() =>
            run(() =>
              saveRoutingRule(rule.id, {
                ticketType: rule.ticketType,
                districtId: rule.districtId,
                stationId: rule.stationId,
                queueId: rule.queueId,
              }),
            )
          }
        >
          {rule.id ? '保存规则' : '新增规则'}
        </ActionButton>
      </View>
      <Failure message={failure} />
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(QueuesPage, 'admin-org', '队列与分派规则');
