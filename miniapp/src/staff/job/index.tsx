import { Input, Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { ErrorCode, TicketStatus, TicketType, type FieldJobView } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { TicketPhotos } from '../../components/ticket-photos';
import { acceptJob, arriveJob, departJob, handOverJob, listFieldJobs, resolveJob } from '../../services/api/field-jobs';
import { currentLocation } from '../../platform/location';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { ContactPanel } from './contact-panel';
import { HandOverPanel } from './hand-over-panel';
import { JobCard } from './job-card';
import { ETA_CHOICES, STEP_LABELS, canHandOver, defaultEta, nextStep, type JobStep } from './job-steps';
import { QuotePanel } from './quote-panel';
import { ResolvePanel } from './resolve-form-panel';
import {
  EMPTY_RESOLVE_FORM,
  errorsFromDetails,
  resolveDraft,
  validateResolve,
  type ResolveErrors,
  type ResolveForm,
} from './resolve-form';
import { TemperaturePanel } from './temperature-panel';
import './index.scss';

const JOBS_URL = '/staff/jobs/index';
const ETA_LABELS = ETA_CHOICES.map((m) => `${m} 分钟`);

type Busy = JobStep | 'submit' | 'hand-over' | null;

/**
 * One job on the technician's phone, held in one hand: the card on top, and at the bottom one
 * big button for the next step (接单 → 出发 → 到达 → 处理 → 提交). Handing the job back is
 * further down, away from the thumb.
 */
export default function JobPage() {
  const { params } = useRouter();
  const jobId = Number(params.id);
  // undefined: loading; null: no longer among my jobs.
  const [job, setJob] = useState<FieldJobView | null | undefined>(undefined);
  const [eta, setEta] = useState<number | null>(null);
  // Setting off before the agreed window opens: why (the resident is told the new time).
  const [earlyReason, setEarlyReason] = useState('');
  const [resolving, setResolving] = useState(false);
  const [form, setForm] = useState<ResolveForm>(() => ({ ...EMPTY_RESOLVE_FORM, jobId }));
  const [errors, setErrors] = useState<ResolveErrors>({});
  const [failure, setFailure] = useState('');
  const [notice, setNotice] = useState('');
  const [handingOver, setHandingOver] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  // A kept result is restored once, when the page opens (not on coming back from the camera).
  const restored = useRef(false);

  async function load() {
    if (!requireStaff()) return;
    try {
      const found = (await listFieldJobs()).find((j) => j.id === jobId) ?? null;
      setJob((current) => (found === null && current && isDone(current) ? current : found));
      const saved = restored.current ? null : resolveDraft.load(jobId);
      restored.current = true;
      if (found && saved && found.status === TicketStatus.OnSite) {
        setForm(saved);
        setResolving(true);
        setNotice('已恢复上次未提交成功的处理结果，请核对后提交');
      }
    } catch {
      setJob((current) => current ?? null);
    }
  }
  useDidShow(() => void load());
  usePullDownRefresh(() => void load().finally(() => Taro.stopPullDownRefresh()));

  /** A step the server refused (someone reassigned the job meanwhile): the wrapper said why; show where it stands. */
  async function step(key: JobStep | 'hand-over', action: () => Promise<FieldJobView>) {
    setBusy(key);
    try {
      setJob(await action());
      return true;
    } catch {
      await load();
      return false;
    } finally {
      setBusy(null);
    }
  }

  const change = (patch: Partial<ResolveForm> | ((f: ResolveForm) => Partial<ResolveForm>)) =>
    setForm((f) => ({ ...f, ...(typeof patch === 'function' ? patch(f) : patch) }));

  async function submit() {
    if (!job) return;
    const checked = validateResolve(form, {
      quoteAccepted: job.quote?.status === 'accepted',
      residentConfirmed: job.residentConfirmed === true,
    });
    if (!checked.ok) {
      setErrors(checked.errors);
      return setFailure('请补全标红的内容');
    }
    setErrors({});
    setFailure('');
    setBusy('submit');
    try {
      setJob(await resolveJob(job.id, checked.request));
      resolveDraft.clear();
      setNotice('');
      setResolving(false);
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR) {
        resolveDraft.save(form);
        setFailure('网络异常，处理结果已暂存在本机，有信号后请再次提交');
      } else if (error.code === ErrorCode.TransitionNotAllowed || error.code === ErrorCode.Forbidden) {
        // Resolved by a first attempt whose answer was lost, or no longer mine: show where it stands.
        setFailure(error.message);
        resolveDraft.clear();
        await load();
      } else {
        if (error.details?.length) setErrors(errorsFromDetails(error.details));
        setFailure(error.message);
      }
    } finally {
      setBusy(null);
    }
  }

  if (job === undefined) return <Text className="empty">加载中…</Text>;
  if (job === null) {
    return (
      <View className="page job">
        <Text className="empty">该工单已不在您的待办中（可能已处理完成或被转交）</Text>
        <ActionButton id="job-back" tone="secondary" onClick={() => Taro.redirectTo({ url: JOBS_URL })}>
          返回我的工单
        </ActionButton>
      </View>
    );
  }
  const done = isDone(job);
  const next = done ? null : nextStep(job);
  const minutes = eta ?? defaultEta(job);
  const early = next === 'depart' && job.window !== null && Date.now() < Date.parse(job.window.start);
  const primary: Record<JobStep, () => void> = {
    accept: () => void step('accept', () => acceptJob(job.id)),
    depart: () =>
      void step('depart', () =>
        departJob(job.id, early ? { etaMinutes: minutes, reason: earlyReason.trim() } : { etaMinutes: minutes }),
      ),
    arrive: () =>
      void step('arrive', async () => {
        const location = await currentLocation(5000);
        return arriveJob(job.id, location ? { location } : {});
      }),
    resolve: () => setResolving(true),
  };

  return (
    <View className="page job">
      {notice ? (
        <Text id="job-notice" className="notice">
          {notice}
        </Text>
      ) : null}
      <JobCard job={job} />
      <TicketPhotos id="job-photos" title="照片" photos={job.photos ?? []} as="staff" />
      {done ? null : <ContactPanel job={job} onContacted={() => void load()} />}
      {done ? (
        <View id="job-done" className="card job__done">
          <Text className="job__done-title">
            {job.status === TicketStatus.Resolved ? '处理结果已提交' : '已转交，工单退回队列'}
          </Text>
          {job.status === TicketStatus.Resolved && form.confirmation === 'in_app' ? (
            <Text className="muted">居民已在小程序中确认完成。</Text>
          ) : null}
        </View>
      ) : null}
      {job.status === TicketStatus.OnSite && job.type === TicketType.RoomTemperature ? (
        <TemperaturePanel jobId={job.id} />
      ) : null}
      {done ? null : <QuotePanel job={job} onChanged={setJob} onRefresh={load} />}
      {resolving && job.status === TicketStatus.OnSite ? (
        <ResolvePanel
          form={form}
          errors={errors}
          quoteAccepted={job.quote?.status === 'accepted'}
          residentConfirmed={job.residentConfirmed === true}
          onChange={change}
          onRefresh={() => void load()}
        />
      ) : null}
      {canHandOver(job) ? (
        handingOver ? (
          <HandOverPanel
            busy={busy === 'hand-over'}
            onClose={() => setHandingOver(false)}
            onConfirm={(reason) =>
              void step('hand-over', () => handOverJob(job.id, { reason })).then((ok) => ok && setHandingOver(false))
            }
          />
        ) : (
          <ActionButton
            id="job-hand-over"
            tone="danger"
            className="job__hand-over"
            disabled={busy !== null}
            onClick={() => setHandingOver(true)}
          >
            无法完成，转交
          </ActionButton>
        )
      ) : null}

      <View className="job__bar">
        {failure ? (
          <Text id="job-error" className="field__error job__error">
            {failure}
          </Text>
        ) : null}
        {early ? (
          <Input
            id="job-early-reason"
            className="field__input"
            placeholder="预约时段未开始，提前出发请说明原因（会告知用户）"
            maxlength={200}
            value={earlyReason}
            onInput={(e) => setEarlyReason(e.detail.value)}
          />
        ) : null}
        {next === 'depart' ? (
          <Picker
            id="job-eta"
            mode="selector"
            range={ETA_LABELS}
            value={Math.max(0, ETA_CHOICES.indexOf(minutes as (typeof ETA_CHOICES)[number]))}
            onChange={(e) => setEta(ETA_CHOICES[Number(e.detail.value)])}
          >
            <View className="job__eta">
              <Text>预计</Text>
              <Text id="job-eta-value" className="job__eta-value">
                {minutes} 分钟
              </Text>
              <Text>后到达 ›</Text>
            </View>
          </Picker>
        ) : null}
        {/*
          One place for the thumb, a new button per step: React rewriting the label of a reused
          Taro H5 button drops the node its loading spinner is inserted before.
        */}
        {done ? (
          <ActionButton
            key="back"
            id="job-back"
            className="job__primary"
            onClick={() => Taro.redirectTo({ url: JOBS_URL })}
          >
            返回我的工单
          </ActionButton>
        ) : next === 'resolve' && resolving ? (
          <ActionButton
            key="submit"
            id="job-submit"
            className="job__primary"
            busy={busy === 'submit'}
            disabled={busy !== null}
            onClick={submit}
          >
            提交处理结果
          </ActionButton>
        ) : next ? (
          <ActionButton
            key={next}
            id={`job-${next}`}
            className="job__primary"
            busy={busy === next}
            disabled={busy !== null}
            onClick={primary[next]}
          >
            {STEP_LABELS[next]}
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}

/** Resolved by me, or handed back to the queue: nothing more to do here. */
function isDone(job: FieldJobView): boolean {
  return job.status === TicketStatus.Resolved || job.status === TicketStatus.Accepted;
}
