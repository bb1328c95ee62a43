import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import {
  CreateIncidentSchema,
  Role,
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  type IncidentView,
  type TicketStatus,
  type TicketType,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { formatFullTime } from '../../format/time';
import { downloadStaffFile } from '../../platform/staff-download';
import { newIdempotencyKey } from '../../services/idempotency-key';
import {
  closeIncident,
  declareIncident,
  incidentExportPath,
  listIncidents,
  noteIncident,
} from '../../services/api/incidents';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../desk/desk-frame';
import '../job/index.scss';

/** Who closes an incident (the server's rule). */
const CLOSERS: readonly Role[] = [Role.Dispatcher, Role.Supervisor, Role.Admin];

function Incident({
  incident,
  mayClose,
  onChanged,
}: {
  incident: IncidentView;
  mayClose: boolean;
  onChanged: () => void;
}) {
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const open = incident.status === 'open';

  async function run(work: () => Promise<unknown>) {
    setBusy(true);
    try {
      await work();
      setNote('');
    } catch {
      // The wrapper has shown why.
    } finally {
      setBusy(false);
      onChanged();
    }
  }

  return (
    <View id={`incident-${incident.id}`} className="card">
      <Text className="card__title">
        {incident.title} · {open ? '处置中' : '已结束'}
      </Text>
      <Text className="muted">
        负责人 {incident.lead?.name ?? '—'} · {formatFullTime(incident.startedAt)} 起
        {incident.closedAt ? `，${formatFullTime(incident.closedAt)} 结束` : ''}
      </Text>
      {incident.description ? <Text className="ticket__description">{incident.description}</Text> : null}
      <Text className="field__label">关联工单（{incident.tickets.length}）</Text>
      {incident.tickets.map((t) => (
        <Text
          key={t.id}
          id={`incident-${incident.id}-ticket-${t.id}`}
          className="link"
          onClick={() => void Taro.navigateTo({ url: `/staff/ticket/index?id=${t.id}` })}
        >
          {t.no} {TICKET_TYPE_LABELS[t.type as TicketType] ?? t.type} · {t.address} ·{' '}
          {TICKET_STATUS_LABELS[t.status as TicketStatus] ?? t.status}
        </Text>
      ))}
      <Text className="field__label">处置记录</Text>
      {incident.timeline.map((e, i) => (
        <Text key={i} className="muted">
          {formatFullTime(e.at)} {e.actor ?? '系统'}：{e.note}
        </Text>
      ))}
      {open ? (
        <>
          <Textarea
            id={`incident-${incident.id}-note`}
            className="field__textarea"
            placeholder="处置进展，如：已关闭楼栋进气阀门"
            maxlength={1000}
            value={note}
            onInput={(e) => setNote(e.detail.value)}
          />
          <ActionButton
            id={`incident-${incident.id}-add-note`}
            size="small"
            tone="secondary"
            disabled={busy || !note.trim()}
            onClick={() => void run(() => noteIncident(incident.id, note.trim()))}
          >
            记录进展
          </ActionButton>
        </>
      ) : null}
      <View className="row">
        <ActionButton
          id={`incident-${incident.id}-export`}
          size="small"
          tone="secondary"
          onClick={() =>
            void downloadStaffFile(incidentExportPath(incident.id), `重大事件-${incident.id}.csv`).catch(() =>
              Taro.showToast({ title: '导出失败，请稍后重试', icon: 'none' }),
            )
          }
        >
          导出上报记录
        </ActionButton>
        {open && mayClose ? (
          <ActionButton
            id={`incident-${incident.id}-close`}
            size="small"
            disabled={busy}
            onClick={() => void run(() => closeIncident(incident.id))}
          >
            结束事件
          </ActionButton>
        ) : null}
      </View>
    </View>
  );
}

/**
 * 重大事件: a major incident (a leak in a building that brings many calls) with its lead, the tickets
 * grouped under it (from each ticket's page), its timeline and the record to export for the authorities
 * (docs/domain.md#incidents).
 */
function IncidentsPage() {
  const [incidents, setIncidents] = useState<IncidentView[] | null>(null);
  const [mayClose, setMayClose] = useState(false);
  const [title, setTitle] = useState('');
  const [description, setDescription] = useState('');
  const [key, setKey] = useState(newIdempotencyKey);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  async function load() {
    const me = requireStaff();
    if (!me) return;
    setMayClose((me.roles ?? [me.role]).some((r) => CLOSERS.includes(r)));
    setIncidents(await listIncidents().catch(() => []));
  }
  useDidShow(() => void load());

  async function declare() {
    const parsed = CreateIncidentSchema.safeParse({ title, description });
    if (!parsed.success) return setFailure(parsed.error.issues[0].message);
    setFailure('');
    setBusy(true);
    try {
      await declareIncident(parsed.data, key);
      setKey(newIdempotencyKey());
      setTitle('');
      setDescription('');
      await load();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    } finally {
      setBusy(false);
    }
  }

  if (incidents === null) return <Text className="empty">加载中…</Text>;
  return (
    <View className="page">
      {incidents.length === 0 ? <Text className="empty">暂无重大事件</Text> : null}
      {incidents.map((i) => (
        <Incident key={i.id} incident={i} mayClose={mayClose} onChanged={() => void load()} />
      ))}
      <View className="card">
        <Text className="card__title">启动重大事件</Text>
        <FormField label="事件名称" id="incident-title" error={failure}>
          <Input
            id="incident-title"
            className="field__input"
            maxlength={100}
            placeholder="如：幸福路11号楼燃气泄漏"
            value={title}
            onInput={(e) => setTitle(e.detail.value)}
          />
        </FormField>
        <FormField label="情况说明" id="incident-description" optional>
          <Textarea
            id="incident-description"
            className="field__textarea"
            maxlength={2000}
            value={description}
            onInput={(e) => setDescription(e.detail.value)}
          />
        </FormField>
        <ActionButton id="incident-declare" busy={busy} onClick={() => void declare()}>
          启动（由我负责）
        </ActionButton>
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(IncidentsPage, 'incidents', '重大事件');
