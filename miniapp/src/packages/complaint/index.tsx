import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { BoundAccountView, FeedbackRequestCreated, ResidentTicketView } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FiledCard } from '../../components/filed-card';
import { AccountPicker, TextWithPhotos } from '../../components/feedback-fields';
import { listAccounts } from '../../services/api/accounts';
import { fileComplaint } from '../../services/api/feedback';
import { getMyTicket } from '../../services/api/my-tickets';
import { requireResident } from '../../services/resident-session';
import { useDraftForm } from '../../hooks/use-draft-form';
import { complaintDrafts, feedbackFieldOf, validateComplaint } from './complaint-form';
import { REPORT_URL, complaintUrl } from './complaint-urls';
import './index.scss';

/** 投诉: about one of the resident's tickets (from its detail page), an account, or the service in general. */
export default function ComplaintPage() {
  const { params } = useRouter();
  const ticketId = Number(params.ticketId) || 0;
  const [about, setAbout] = useState<ResidentTicketView | null>(null);
  const [accounts, setAccounts] = useState<BoundAccountView[]>([]);
  const [created, setCreated] = useState<FeedbackRequestCreated | null>(null);
  const filled = useRef(false);
  const complaint = useDraftForm({
    store: complaintDrafts,
    validate: validateComplaint,
    send: (body, key) => fileComplaint(body, key, { silent: true }),
    fieldOf: feedbackFieldOf,
  });
  const { form, errors, change } = complaint;

  async function load() {
    if (!requireResident(complaintUrl(ticketId))) return;
    // Neither is needed to complain: without them the form still goes.
    if (ticketId) getMyTicket(ticketId).then(setAbout, () => setAbout(null));
    else listAccounts({ silent: true }).then(setAccounts, () => setAccounts([]));
    if (filled.current) return;
    filled.current = true;
    if (!complaint.restore((saved) => saved.ticketId === ticketId)) change({ ticketId });
  }
  useDidShow(() => void load());

  async function submit() {
    const answer = await complaint.submit();
    if (answer) setCreated(answer);
  }

  if (created)
    return <FiledCard created={created} title="投诉已提交" note="客服会先联系您了解情况，处理结果也会告知您。" />;

  return (
    <View className="page complaint">
      {complaint.notice ? (
        <Text id="complaint-notice" className="notice">
          {complaint.notice}
        </Text>
      ) : null}
      <View className="card">
        {ticketId ? (
          <View id="complaint-about">
            <Text className="field__label">投诉的工单</Text>
            <Text className="complaint__about">{about ? `${about.typeLabel} · ${about.no}` : `工单 ${ticketId}`}</Text>
            {about ? <Text className="muted">{about.address}</Text> : null}
          </View>
        ) : (
          <AccountPicker
            id="complaint-account"
            accounts={accounts}
            value={form.accountId}
            onChange={(accountId) => change({ accountId })}
          />
        )}
        <TextWithPhotos
          id="complaint"
          label="投诉内容"
          placeholder="请说明发生了什么、涉及的人员和时间，以及您希望如何处理"
          form={form}
          errors={errors}
          change={change}
        />
        {complaint.failure || errors.ticketId || errors.accountId ? (
          <Text id="complaint-error" className="field__error">
            {complaint.failure || errors.ticketId || errors.accountId}
          </Text>
        ) : null}
        <ActionButton id="complaint-submit" busy={complaint.busy} onClick={submit}>
          提交投诉
        </ActionButton>
      </View>
      <Text
        id="complaint-to-report"
        className="link complaint__switch"
        onClick={() => void Taro.navigateTo({ url: REPORT_URL })}
      >
        举报工作人员违规行为（可匿名）
      </Text>
    </View>
  );
}
