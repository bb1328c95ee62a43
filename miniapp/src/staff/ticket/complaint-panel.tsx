import { Input, Text, Textarea, View } from '@tarojs/components';
import {
  COMPLAINT_GRADES,
  COMPLAINT_GRADE_LABELS,
  ComplaintGrade,
  Role,
  TicketType,
  formatYuan,
  isOpen,
  type StaffView,
  type TicketDetailView,
  type TicketFeedbackView,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { approveCompensation, gradeComplaint, replyToComplaint } from '../../services/api/complaint-handling';
import { yuanToFen } from './compensation-amount';

interface Props {
  ticket: TicketDetailView;
  feedback: TicketFeedbackView;
  staff: StaffView;
  /** After every action, whatever its outcome: reload the ticket and its handling data. */
  onChanged: () => void;
}

const GRADERS: readonly Role[] = [Role.Agent, Role.Supervisor];

/** 投诉处理: grade (agents, supervisors), first reply, and a compensation only a supervisor approves. */
export function ComplaintPanel({ ticket, feedback, staff, onChanged }: Props) {
  const [grade, setGrade] = useState<ComplaintGrade | null>(feedback.grade);
  const [reply, setReply] = useState('');
  const [amount, setAmount] = useState('');
  const [reason, setReason] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const complaint = ticket.type === TicketType.Complaint;
  const open = isOpen(ticket.status);
  const supervisor = staff.role === Role.Supervisor;

  async function run(key: string, action: () => Promise<unknown>) {
    setBusy(key);
    setError('');
    try {
      await action();
      setReply('');
      setAmount('');
      setReason('');
    } catch {
      // Shown by the wrapper (e.g. 此操作须由主管办理).
    } finally {
      setBusy(null);
      onChanged();
    }
  }

  function compensate() {
    const amountFen = yuanToFen(amount);
    if (!amountFen) return setError('请输入补偿金额（元，最多两位小数）');
    if (reason.trim().length < 2) return setError('请填写补偿原因');
    void run('compensation', () => approveCompensation(ticket.id, { amountFen, reason: reason.trim() }));
  }

  return (
    <View id="complaint-panel" className="card">
      <View className="row">
        <Text className="card__title">{complaint ? '投诉处理' : '举报处理'}</Text>
        {complaint ? (
          <Text id="complaint-grade" className={feedback.grade === ComplaintGrade.One ? 'badge badge--high' : 'badge'}>
            {feedback.gradeLabel ? `${feedback.gradeLabel}投诉` : '未定级'}
          </Text>
        ) : null}
      </View>
      {feedback.anonymous ? (
        <Text id="complaint-anonymous" className="notice">
          匿名举报：举报人身份不予显示，不得回访举报人。
        </Text>
      ) : null}
      {feedback.relatedTicket ? <Text className="muted">关联工单 {feedback.relatedTicket.no}</Text> : null}
      {feedback.grade === ComplaintGrade.One && !supervisor ? (
        <Text className="muted complaint-panel__line">一级投诉须由主管办结、批准补偿。</Text>
      ) : null}

      {complaint && open && GRADERS.includes(staff.role) ? (
        <View className="complaint-panel__section">
          <Text className="field__label">投诉定级</Text>
          <View className="choices">
            {COMPLAINT_GRADES.map((g) => (
              <View
                key={g}
                id={`grade-${g}`}
                className={grade === g ? 'choice choice--on' : 'choice'}
                onClick={() => setGrade(g)}
              >
                <Text>{COMPLAINT_GRADE_LABELS[g]}</Text>
              </View>
            ))}
          </View>
          {grade && grade !== feedback.grade ? (
            <ActionButton
              id="grade-submit"
              tone="secondary"
              busy={busy === 'grade'}
              disabled={busy !== null}
              onClick={() => run('grade', () => gradeComplaint(ticket.id, { grade }))}
            >
              {grade === ComplaintGrade.One ? '定为一级并转主管' : feedback.grade ? '改为此等级' : '确定等级'}
            </ActionButton>
          ) : null}
        </View>
      ) : null}

      {complaint && feedback.firstReplyAt ? (
        <Text id="complaint-replied" className="muted complaint-panel__line">
          已首次答复投诉人
        </Text>
      ) : null}
      {complaint && open && !feedback.firstReplyAt && GRADERS.includes(staff.role) ? (
        <View className="complaint-panel__section">
          <Text className="field__label">首次答复（3天内）</Text>
          <Textarea
            id="first-reply-text"
            className="field__textarea"
            placeholder="已联系投诉人，说明了解到的情况和处理安排"
            maxlength={2000}
            value={reply}
            onInput={(e) => setReply(e.detail.value)}
          />
          <ActionButton
            id="first-reply-submit"
            tone="secondary"
            busy={busy === 'reply'}
            disabled={busy !== null || reply.trim().length < 2}
            onClick={() => run('reply', () => replyToComplaint(ticket.id, { text: reply.trim() }))}
          >
            记录答复
          </ActionButton>
        </View>
      ) : null}

      {feedback.compensation ? (
        <Text id="complaint-compensation" className="complaint-panel__line">
          已批准补偿 {formatYuan(feedback.compensation.amountFen)} 元（{feedback.compensation.approvedBy}）：
          {feedback.compensation.reason}
        </Text>
      ) : null}
      {complaint && supervisor && !feedback.compensation ? (
        <View className="complaint-panel__section">
          <Text className="field__label">批准补偿（主管）</Text>
          <Input
            id="compensation-amount"
            className="field__input"
            type="digit"
            placeholder="金额（元）"
            value={amount}
            onInput={(e) => setAmount(e.detail.value)}
          />
          <Input
            id="compensation-reason"
            className="field__input complaint-panel__line"
            placeholder="补偿原因"
            value={reason}
            onInput={(e) => setReason(e.detail.value)}
          />
          <ActionButton
            id="compensation-submit"
            tone="secondary"
            busy={busy === 'compensation'}
            disabled={busy !== null}
            onClick={compensate}
          >
            批准补偿
          </ActionButton>
        </View>
      ) : null}
      {error ? (
        <Text id="complaint-panel-error" className="field__error">
          {error}
        </Text>
      ) : null}
      {feedback.ratings.map((r) => (
        <Text key={r.id} className="muted complaint-panel__line">
          居民评价（第{r.resolution}次办结）：{r.levelLabel}
          {r.comment ? ` · ${r.comment}` : ''}
        </Text>
      ))}
    </View>
  );
}
