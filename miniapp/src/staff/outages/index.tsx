import { Input, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { OUTAGE_KIND_LABELS, OUTAGE_LABELS, shanghaiShort, type OutageKind, type OutageView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { declareOutage, listStaffOutages, moveRestoreTime, restoreOutage } from '../../services/api/outages';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../desk/desk-frame';
import '../job/index.scss';

type Utility = 'gas' | 'heating' | 'power';
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

/** 停供管理 (dispatch): declare an outage over buildings or a list of 户号, move its restore time, restore it. */
function OutagesPage() {
  const [outages, setOutages] = useState<OutageView[] | null>(null);
  const [utility, setUtility] = useState<Utility>('gas');
  const [kind, setKind] = useState<OutageKind>('unplanned');
  const [buildings, setBuildings] = useState('');
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
    setOutages(await listStaffOutages().catch(() => []));
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
          area: { buildings: lines(buildings), accountNos: lines(accountNos) },
          startsAt: startsAt.toISOString(),
          restoreBy: new Date(startsAt.getTime() + Number(hours) * 3_600_000).toISOString(),
          reason,
        },
        key,
      );
      setKey(newIdempotencyKey());
      setBuildings('');
      setAccountNos('');
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
        <FormField label="楼栋（地址开头，每行一个）" id="outage-buildings">
          <Textarea
            id="outage-buildings"
            className="field__textarea"
            placeholder="如：城东区幸福路11号"
            value={buildings}
            onInput={(e) => setBuildings(e.detail.value)}
          />
        </FormField>
        <FormField label="户号清单（可选，每行一个）" id="outage-accounts" optional>
          <Textarea
            id="outage-accounts"
            className="field__textarea"
            value={accountNos}
            onInput={(e) => setAccountNos(e.detail.value)}
          />
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
