import { Switch, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { FeedbackRequestCreated } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FiledCard } from '../../components/filed-card';
import { TextWithPhotos } from '../../components/feedback-fields';
import { fileMisconductReport } from '../../services/api/feedback';
import { requireResident } from '../../services/resident-session';
import { useDraftForm } from '../../hooks/use-draft-form';
import { feedbackFieldOf, reportDrafts, validateReport } from './complaint-form';
import { REPORT_URL } from './complaint-urls';
import './index.scss';

/** What 匿名 promises, in the words the resident reads before choosing. */
export const ANONYMOUS_EXPLAINED =
  '匿名举报：处理举报的工作人员看不到您的微信、手机号和户号，任何导出、记录和通知中也不会出现您的身份；我们不会回访您。您仍可在“我的报修”中查看进度并评价处理结果。';
export const NAMED_EXPLAINED = '实名举报：仅受理举报的主管可以看到您的身份，以便核实情况时联系您。';

/** 举报 of misconduct: to the supervisors only, anonymous unless the resident turns it off. */
export default function ReportPage() {
  const [created, setCreated] = useState<FeedbackRequestCreated | null>(null);
  const restored = useRef(false);
  const report = useDraftForm({
    store: reportDrafts,
    validate: validateReport,
    send: (body, key) => fileMisconductReport(body, key, { silent: true }),
    fieldOf: feedbackFieldOf,
  });
  const { form, errors, change } = report;

  useDidShow(() => {
    if (!requireResident(REPORT_URL) || restored.current) return;
    restored.current = true;
    report.restore(() => true);
  });

  async function submit() {
    const answer = await report.submit();
    if (answer) setCreated(answer);
  }

  if (created) {
    return (
      <FiledCard
        created={created}
        title="举报已提交"
        note={created.anonymous ? '本举报为匿名举报，处理人员看不到您的身份。' : '主管核实情况时可能会联系您。'}
      />
    );
  }
  return (
    <View className="page complaint">
      {report.notice ? (
        <Text id="report-notice" className="notice">
          {report.notice}
        </Text>
      ) : null}
      <View className="card">
        <View className="anonymity">
          <Text className="anonymity__title">匿名举报</Text>
          <Switch
            id="report-anonymous"
            checked={form.anonymous}
            color="#0b5cad"
            onChange={(e) => change({ anonymous: Boolean(e.detail.value) })}
          />
        </View>
        <Text id="report-anonymous-explain" className="anonymity__explain">
          {form.anonymous ? ANONYMOUS_EXPLAINED : NAMED_EXPLAINED}
        </Text>
      </View>
      <View className="card">
        <TextWithPhotos
          id="report"
          label="举报内容"
          placeholder="请写明被举报的人员或事项、时间、地点和经过"
          photoLabel="证据照片"
          form={form}
          errors={errors}
          change={change}
        />
        {report.failure ? (
          <Text id="report-error" className="field__error">
            {report.failure}
          </Text>
        ) : null}
        <ActionButton id="report-submit" busy={report.busy} onClick={submit}>
          {form.anonymous ? '匿名提交举报' : '实名提交举报'}
        </ActionButton>
      </View>
    </View>
  );
}
