import { Text, Textarea, View } from '@tarojs/components';
import { VisitKind, VisitOutcome, type InspectionResultView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { Photo } from '../../components/photo-grid';
import { formatFullTime } from '../../format/time';
import { SignatureConfirmation } from '../job/signature-confirmation';
import type { ConfirmationChoice } from './inspection-form';

function Choice({ id, on, onClick, children }: { id: string; on: boolean; onClick: () => void; children: string }) {
  return (
    <View id={id} className={on ? 'choice choice--on' : 'choice'} onClick={onClick}>
      <Text>{children}</Text>
    </View>
  );
}

interface ConfirmProps {
  confirmation: ConfirmationChoice;
  signature: Photo | null;
  error?: string;
  onChange: (patch: { confirmation?: ConfirmationChoice; signature?: Photo | null }) => void;
  /** The resident will confirm in the miniapp: the visit is marked on site so that they can. */
  onInApp: () => void;
}

/** 居民确认: the resident signs on the inspector's phone, or confirms in the miniapp while the inspector is there. */
export function ConfirmationPanel({ confirmation, signature, error, onChange, onInApp }: ConfirmProps) {
  return (
    <View className="card">
      <Text className="card__title">居民确认</Text>
      <View className="choices">
        <Choice
          id="visit-confirm-signature"
          on={confirmation === 'signature'}
          onClick={() => onChange({ confirmation: 'signature' })}
        >
          居民现场签字
        </Choice>
        <Choice
          id="visit-confirm-in-app"
          on={confirmation === 'in_app'}
          onClick={() => {
            onChange({ confirmation: 'in_app' });
            onInApp();
          }}
        >
          请居民在小程序中确认
        </Choice>
      </View>
      {confirmation === 'signature' ? (
        <SignatureConfirmation idPrefix="visit" signature={signature} onSaved={(s) => onChange({ signature: s })} />
      ) : null}
      {confirmation === 'in_app' ? (
        <Text id="visit-in-app-hint" className="muted">
          请居民在小程序「我的报修」中点「确认完成」，确认后再提交
        </Text>
      ) : null}
      {error ? (
        <Text id="visit-confirmation-error" className="field__error">
          {error}
        </Text>
      ) : null}
    </View>
  );
}

interface RefuseProps {
  kind: VisitKind;
  busy: boolean;
  onClose: () => void;
  onConfirm: (note: string) => void;
}

/** 拒绝: why, in the resident's words. On a re-inspection it opens a stop-supply application. */
export function RefusePanel({ kind, busy, onClose, onConfirm }: RefuseProps) {
  const [note, setNote] = useState('');
  const reinspection = kind === VisitKind.Reinspection;
  return (
    <View id="visit-refuse-panel" className="card">
      <Text className="card__title">{reinspection ? '居民拒绝整改' : '居民拒绝安检'}</Text>
      {reinspection ? <Text className="muted">提交后将生成停气申请，由主管审核。</Text> : null}
      <Textarea
        id="visit-refuse-note"
        className="field__textarea"
        placeholder="拒绝原因"
        maxlength={500}
        value={note}
        onInput={(e) => setNote(e.detail.value)}
      />
      <View className="row refuse__actions">
        <ActionButton id="visit-refuse-back" tone="secondary" size="small" onClick={onClose}>
          返回
        </ActionButton>
        <ActionButton
          id="visit-refuse-confirm"
          tone="danger"
          size="small"
          busy={busy}
          disabled={note.trim().length < 2}
          onClick={() => onConfirm(note.trim())}
        >
          确认记录
        </ActionButton>
      </View>
    </View>
  );
}

const DONE_TITLES: Record<VisitOutcome, string> = {
  [VisitOutcome.Completed]: '检查结果已提交',
  [VisitOutcome.NobodyHome]: '已记录上门未遇，已请居民重新预约',
  [VisitOutcome.Refused]: '已记录拒绝',
};

/** What the result did: hazards opened (and their re-inspection), hazards closed, a stop-supply application. */
export function ResultSummary({ outcome, result }: { outcome: VisitOutcome; result: InspectionResultView }) {
  return (
    <View id="visit-done" className="card visit-done">
      <Text className="visit-done__title">{DONE_TITLES[outcome]}</Text>
      {result.hazardsOpened.length > 0 ? (
        <View id="visit-hazards-opened">
          <Text className="visit-done__line text-breached">
            发现隐患 {result.hazardsOpened.length} 项，已告知居民整改建议和期限
          </Text>
          {result.hazardsOpened.map((h) => (
            <Text key={h.id} className="visit-done__hazard">
              {h.itemLabel} · {h.severityLabel} · 整改期限 {formatFullTime(h.deadline)}
            </Text>
          ))}
        </View>
      ) : null}
      {result.hazardsClosed.length > 0 ? (
        <Text id="visit-hazards-closed" className="visit-done__line text-ok">
          复检合格，消除隐患 {result.hazardsClosed.length} 项
        </Text>
      ) : null}
      {result.reinspectionTicket ? (
        <Text id="visit-reinspection" className="visit-done__line">
          复检工单 {result.reinspectionTicket.no}
        </Text>
      ) : null}
      {result.stopSupplyTicket ? (
        <Text id="visit-stop-supply" className="visit-done__line">
          停气申请 {result.stopSupplyTicket.no}（待主管审核）
        </Text>
      ) : null}
    </View>
  );
}
