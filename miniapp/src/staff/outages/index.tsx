import { Input, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  OUTAGE_KIND_LABELS,
  OUTAGE_LABELS,
  shanghaiShort,
  type OutageAreaChoices,
  type OutageKind,
  type OutageView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { pickFile } from '../../platform/pick-file';
import { newIdempotencyKey } from '../../services/idempotency-key';
import {
  declareOutage,
  listOutageAreas,
  listStaffOutages,
  moveRestoreTime,
  restoreOutage,
} from '../../services/api/outages';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../desk/desk-frame';
import { fileText, parseAccountList } from './account-list';
import '../job/index.scss';

type Utility = 'gas' | 'heating' | 'power';
const toggled = (ids: number[], id: number) => (ids.includes(id) ? ids.filter((i) => i !== id) : [...ids, id]);
const lines = (text: string) =>
  text
    .split(/[\n,，]/)
    .map((l) => l.trim())
    .filter(Boolean);

function Choice({ id, on, onClick, children }: { id: string; on: boolean; onClick: () => void; children: string }) {
  return (
    <View id={id} className={on ? 'choice choice--on' : 'choice'} onClick={onClick}>
      <Text>{children}</Text>
    </View>
  );
}

/**
 * 停供管理 (dispatch): declare an outage over districts, stations, buildings or a list of 户号 (typed or from a file),
 * move its restore time, restore it.
 */
function OutagesPage() {
  const [outages, setOutages] = useState<OutageView[] | null>(null);
  const [utility, setUtility] = useState<Utility>('gas');
  const [kind, setKind] = useState<OutageKind>('unplanned');
  const [areas, setAreas] = useState<OutageAreaChoices>({ districts: [], stations: [] });
  const [districtIds, setDistrictIds] = useState<number[]>([]);
  const [stationIds, setStationIds] = useState<number[]>([]);
  const [buildings, setBuildings] = useState('');
  const [accountFile, setAccountFile] = useState<{ name: string; accountNos: string[]; skipped: number } | null>(null);
  const [accountNos, setAccountNos] = useState('');
  const [hours, setHours] = useState('4');
  // A planned outage is announced ahead (docs/domain.md#outages): it starts this many hours from now.
  const [startsIn, setStartsIn] = useState('24');
  const [reason, setReason] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  async function load() {
    if (!requireStaff()) return;
    const [current, choices] = await Promise.all([
      listStaffOutages().catch(() => []),
      listOutageAreas().catch(() => ({ districts: [], stations: [] })),
    ]);
    setAreas(choices);
    setOutages(current);
  }

  async function loadAccountFile() {
    const file = await pickFile(['csv']);
    if (!file) return;
    setAccountFile({ name: file.name, ...parseAccountList(await fileText(file.body)) });
  }
  useDidShow(() => void load());

  async function declare() {
    setFailure('');
    setBusy(true);
    try {
      const now = new Date();
      const startsAt = new Date(now.getTime() + (kind === 'planned' ? Number(startsIn) : 0) * 3_600_000);
      await declareOutage(
        {
          utility,
          kind,
          area: {
            districtIds,
            stationIds: stationIds.filter((id) => stations.some((st) => st.id === id)),
            buildings: lines(buildings),
            accountNos: [...new Set([...lines(accountNos), ...(accountFile?.accountNos ?? [])])],
          },
          startsAt: startsAt.toISOString(),
          restoreBy: new Date(startsAt.getTime() + Number(hours) * 3_600_000).toISOString(),
          reason,
        },
        key,
      );
      setKey(newIdempotencyKey());
      setDistrictIds([]);
      setStationIds([]);
      setBuildings('');
      setAccountNos('');
      setAccountFile(null);
      setReason('');
      await load();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.details?.[0]?.message ?? error.message);
    } finally {
      setBusy(false);
    }
  }

  async function act(work: () => Promise<unknown>) {
    await work().catch(() => undefined);
    await load();
  }

  if (outages === null) return <Text className="empty">加载中…</Text>;
  // A station supplies one utility: only those of the outage's utility can be in its area.
  const stations = areas.stations.filter((st) => st.utility === utility);
  return (
    <View className="page">
      <View id="outage-list">
        {outages.length === 0 ? <Text className="empty">当前没有停供</Text> : null}
        {outages.map((o) => (
          <View key={o.id} id={`outage-${o.id}`} className="card">
            <Text className="card__title">
              {OUTAGE_KIND_LABELS[o.kind]}
              {o.label} · {o.phase === 'planned' ? '未开始' : '进行中'}
            </Text>
            <Text className="muted">
              {o.reason} · {o.households} 户 · 关联报修 {o.linkedTickets} 单
            </Text>
            <Text className="muted">
              {shanghaiShort(new Date(o.startsAt))} 起，预计 {shanghaiShort(new Date(o.restoreBy))} 恢复
            </Text>
            <View className="row">
              <ActionButton
                id={`outage-${o.id}-later`}
                size="small"
                tone="secondary"
                onClick={() =>
                  act(() => moveRestoreTime(o.id, new Date(Date.parse(o.restoreBy) + 2 * 3_600_000).toISOString()))
                }
              >
                延后2小时
              </ActionButton>
              <ActionButton id={`outage-${o.id}-restore`} size="small" onClick={() => act(() => restoreOutage(o.id))}>
                已恢复
              </ActionButton>
            </View>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">发布停供</Text>
        <FormField label="类别" id="outage-utility">
          <View className="choices">
            {(Object.keys(OUTAGE_LABELS) as Utility[]).map((u) => (
              <Choice key={u} id={`outage-utility-${u}`} on={utility === u} onClick={() => setUtility(u)}>
                {OUTAGE_LABELS[u]}
              </Choice>
            ))}
            {(['unplanned', 'planned'] as OutageKind[]).map((k) => (
              <Choice key={k} id={`outage-kind-${k}`} on={kind === k} onClick={() => setKind(k)}>
                {OUTAGE_KIND_LABELS[k]}
              </Choice>
            ))}
          </View>
        </FormField>
        {areas.districts.length > 0 ? (
          <FormField label="片区（整片停供，可多选）" id="outage-districts" optional>
            <View className="choices">
              {areas.districts.map((d) => (
                <Choice
                  key={d.id}
                  id={`outage-district-${d.id}`}
                  on={districtIds.includes(d.id)}
                  onClick={() => setDistrictIds((ids) => toggled(ids, d.id))}
                >
                  {d.name}
                </Choice>
              ))}
            </View>
          </FormField>
        ) : null}
        {stations.length > 0 ? (
          <FormField label="站所（其供应的住户，可多选）" id="outage-stations" optional>
            <View className="choices">
              {stations.map((st) => (
                <Choice
                  key={st.id}
                  id={`outage-station-${st.id}`}
                  on={stationIds.includes(st.id)}
                  onClick={() => setStationIds((ids) => toggled(ids, st.id))}
                >
                  {st.name}
                </Choice>
              ))}
            </View>
          </FormField>
        ) : null}
        <FormField label="楼栋（地址开头，每行一个）" id="outage-buildings" optional>
          <Textarea
            id="outage-buildings"
            className="field__textarea"
            placeholder="如：城东区幸福路11号"
            value={buildings}
            onInput={(e) => setBuildings(e.detail.value)}
          />
        </FormField>
        <FormField label="户号清单（每行一个，或从文件载入）" id="outage-accounts" optional>
          <Textarea
            id="outage-accounts"
            className="field__textarea"
            value={accountNos}
            onInput={(e) => setAccountNos(e.detail.value)}
          />
          <View className="row">
            <ActionButton id="outage-accounts-file" size="small" tone="secondary" onClick={loadAccountFile}>
              从文件载入户号
            </ActionButton>
            {accountFile ? (
              <ActionButton
                id="outage-accounts-file-clear"
                size="small"
                tone="secondary"
                onClick={() => setAccountFile(null)}
              >
                清除文件
              </ActionButton>
            ) : null}
          </View>
          {accountFile ? (
            <Text id="outage-accounts-file-summary" className="muted">
              {accountFile.name}：{accountFile.accountNos.length} 个户号
              {accountFile.skipped ? `，${accountFile.skipped} 行不是户号已跳过` : ''}
            </Text>
          ) : null}
        </FormField>
        {kind === 'planned' ? (
          <FormField label="多少小时后开始停供" id="outage-starts-in">
            <Input
              id="outage-starts-in"
              className="field__input"
              type="number"
              value={startsIn}
              onInput={(e) => setStartsIn(e.detail.value)}
            />
          </FormField>
        ) : null}
        <FormField label="预计停供时长（小时）" id="outage-hours">
          <Input
            id="outage-hours"
            className="field__input"
            type="number"
            value={hours}
            onInput={(e) => setHours(e.detail.value)}
          />
        </FormField>
        <FormField label="原因" id="outage-reason">
          <Input
            id="outage-reason"
            className="field__input"
            maxlength={200}
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
        </FormField>
        {failure ? (
          <Text id="outage-error" className="field__error">
            {failure}
          </Text>
        ) : null}
        <ActionButton id="outage-declare" busy={busy} onClick={declare}>
          发布并通知住户
        </ActionButton>
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(OutagesPage, 'outages', '停供管理');
