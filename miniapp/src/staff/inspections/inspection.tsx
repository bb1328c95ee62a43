import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import {
  ErrorCode,
  VisitOutcome,
  shanghaiDate,
  type FieldInspectionView,
  type InspectionItemCode,
  type InspectionResultView,
} from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import {
  arriveForInspection,
  listFieldInspections,
  recordInspectionResult,
} from '../../services/api/field-inspections';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { ChecklistPanel } from './checklist-panel';
import {
  emptyInspectionForm,
  entryOf,
  errorsFromDetails,
  inspectionDraft,
  passRemaining,
  validateInspection,
  type InspectionErrors,
  type InspectionForm,
  type ItemEntry,
} from './inspection-form';
import { ConfirmationPanel, RefusePanel, ResultSummary } from './outcome-panels';
import { VisitCard } from './visit-card';
import '../job/index.scss';
import './inspection.scss';

type Busy = VisitOutcome | null;

/** One visit: the checklist item by item, or 上门未遇 / 拒绝, and the resident's confirmation. */
export default function VisitPage() {
  const { params } = useRouter();
  const visitId = Number(params.id);
  const date = params.date || shanghaiDate(new Date());
  const dayUrl = `/staff/inspections/index?date=${date}`;
  // undefined: loading; null: not among the day's visits.
  const [visit, setVisit] = useState<FieldInspectionView | null | undefined>(undefined);
  const [form, setForm] = useState<InspectionForm>(() => emptyInspectionForm(visitId));
  const [errors, setErrors] = useState<InspectionErrors>({});
  const [failure, setFailure] = useState('');
  const [notice, setNotice] = useState('');
  const [refusing, setRefusing] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [done, setDone] = useState<{ outcome: VisitOutcome; result: InspectionResultView } | null>(null);
  // A kept checklist is restored once, when the page opens (not on coming back from the camera).
  const restored = useRef(false);

  async function load() {
    if (!requireStaff()) return;
    try {
      const found = (await listFieldInspections(date)).find((v) => v.id === visitId) ?? null;
      setVisit(found);
      const saved = restored.current ? null : inspectionDraft.load(visitId);
      restored.current = true;
      if (found && saved && !found.recorded) {
        setForm(saved);
        setNotice('已恢复上次未提交成功的检查结果，请核对后提交');
      }
    } catch {
      setVisit((current) => current ?? null);
    }
  }
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  const changeItem = (code: InspectionItemCode, patch: Partial<ItemEntry> | ((e: ItemEntry) => Partial<ItemEntry>)) =>
    setForm((f) => {
      const entry = entryOf(f, code);
      return {
        ...f,
        items: { ...f.items, [code]: { ...entry, ...(typeof patch === 'function' ? patch(entry) : patch) } },
      };
    });

  async function record(outcome: VisitOutcome, body: Parameters<typeof recordInspectionResult>[1]) {
    if (!visit) return;
    setBusy(outcome);
    setFailure('');
    try {
      const result = await recordInspectionResult(visit.id, body);
      inspectionDraft.clear();
      setVisit(result.visit);
      setDone({ outcome, result });
      setNotice('');
      setRefusing(false);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR && outcome === VisitOutcome.Completed) {
        inspectionDraft.save(form);
        setFailure('网络异常，检查结果已暂存在本机，有信号后请再次提交');
      } else if (error.code === ErrorCode.VisitAlreadyRecorded || error.code === ErrorCode.NotFound) {
        // Recorded by a first attempt whose answer was lost, or no longer this inspector's: show where it stands.
        inspectionDraft.clear();
        setFailure(error.message);
        await load();
      } else {
        if (error.details?.length && visit) setErrors(errorsFromDetails(error.details, visit.checklist));
        setFailure(error.message);
      }
    } finally {
      setBusy(null);
    }
  }

  function submit() {
    if (!visit) return;
    const checked = validateInspection(form, visit.checklist);
    if (!checked.ok) {
      setErrors(checked.errors);
      return setFailure('请补全标红的内容');
    }
    setErrors({});
    void record(VisitOutcome.Completed, checked.request);
  }

  async function nobodyHome() {
    const { confirm } = await Taro.showModal({
      title: '上门未遇',
      content: '记录家中无人，并请居民重新预约上门时段？',
      confirmText: '记录',
    });
    if (confirm) void record(VisitOutcome.NobodyHome, { outcome: VisitOutcome.NobodyHome });
  }

  if (visit === undefined) return <Text className="empty">加载中…</Text>;
  if (visit === null) {
    return (
      <View className="page visit">
        <Text className="empty">该安检不在当天的安排中（可能已改约或取消）</Text>
        <ActionButton id="visit-back" tone="secondary" onClick={() => Taro.redirectTo({ url: dayUrl })}>
          返回今日安检
        </ActionButton>
      </View>
    );
  }
  const open = !visit.recorded && !done;
  return (
    <View className="page visit">
      {notice ? (
        <Text id="visit-notice" className="notice">
          {notice}
        </Text>
      ) : null}
      <VisitCard visit={visit} />
      {done ? <ResultSummary outcome={done.outcome} result={done.result} /> : null}
      {open ? (
        <ChecklistPanel
          checklist={visit.checklist}
          form={form}
          errors={errors}
          onItem={changeItem}
          onPassRemaining={() => setForm((f) => passRemaining(f, visit.checklist))}
        />
      ) : null}
      {open ? (
        <ConfirmationPanel
          confirmation={form.confirmation}
          signature={form.signature}
          error={errors.confirmation}
          onChange={(patch) => setForm((f) => ({ ...f, ...patch }))}
          onInApp={() => void arriveForInspection(visit.id).catch(() => undefined)}
        />
      ) : null}
      {open && refusing ? (
        <RefusePanel
          kind={visit.kind}
          busy={busy === VisitOutcome.Refused}
          onClose={() => setRefusing(false)}
          onConfirm={(note) => void record(VisitOutcome.Refused, { outcome: VisitOutcome.Refused, note })}
        />
      ) : null}
      {open && !refusing ? (
        <View className="row visit__other">
          <ActionButton
            id="visit-nobody-home"
            tone="secondary"
            size="small"
            disabled={busy !== null}
            onClick={() => void nobodyHome()}
          >
            上门未遇
          </ActionButton>
          <ActionButton
            id="visit-refused"
            tone="danger"
            size="small"
            disabled={busy !== null}
            onClick={() => setRefusing(true)}
          >
            居民拒绝
          </ActionButton>
        </View>
      ) : null}
      <View className="job__bar">
        {failure ? (
          <Text id="visit-error" className="field__error job__error">
            {failure}
          </Text>
        ) : null}
        {open ? (
          <ActionButton
            key="submit"
            id="visit-submit"
            className="job__primary"
            busy={busy === VisitOutcome.Completed}
            disabled={busy !== null}
            onClick={submit}
          >
            提交检查结果
          </ActionButton>
        ) : (
          <ActionButton
            key="back"
            id="visit-back"
            className="job__primary"
            onClick={() => Taro.redirectTo({ url: dayUrl })}
          >
            返回今日安检
          </ActionButton>
        )}
      </View>
    </View>
  );
}
