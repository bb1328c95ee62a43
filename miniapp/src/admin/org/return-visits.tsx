import { Input, Text, Textarea, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { TICKET_TYPE_LABELS, UTILITY_LABELS, type ReturnVisitPolicy, type ReturnVisitRule } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { getReturnVisitPolicy, saveReturnVisitPolicy } from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import { ruleWords } from './return-visit-rules';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

const SCOPES: { value: ReturnVisitRule['scope']; label: string }[] = [
  { value: 'all', label: '全部回访' },
  { value: 'sampled', label: '抽样回访' },
  { value: 'none', label: '不回访' },
];

/**
 * 回访规则 (docs/domain.md#return-visits): per business (and utility), whether it is visited, the
 * sampled share of homes and of business customers, when the visit opens and is due, and what
 * the agent asks. Saved as a whole; decides the resolutions from then on.
 */
function ReturnVisitPolicyPage() {
  const [policy, setPolicy] = useState<ReturnVisitPolicy | null>(null);
  const [editing, setEditing] = useState(0);
  const [failure, setFailure] = useState('');
  const [saved, setSaved] = useState(false);
  useDidShow(() => void (requireStaff() && getReturnVisitPolicy().then(setPolicy)));
  if (!policy) return <View className="page" />;

  const rule = policy.rules[editing];
  const setRule = (change: Partial<ReturnVisitRule>) =>
    setPolicy({ ...policy, rules: policy.rules.map((r, i) => (i === editing ? { ...r, ...change } : r)) });
  const dueInHours = rule?.timing.dueHours !== undefined;

  async function save() {
    if (!policy) return;
    setFailure('');
    setSaved(false);
    try {
      setPolicy(await saveReturnVisitPolicy(policy));
      setSaved(true);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">各项业务的回访</Text>
        {policy.rules.map((r, i) => (
          <View
            key={`${r.ticketType}-${r.utility ?? 'any'}`}
            id={`visit-rule-${i}`}
            className={editing === i ? 'org-row org-row--on' : 'org-row'}
            onClick={() => setEditing(i)}
          >
            <Text>
              {TICKET_TYPE_LABELS[r.ticketType]}
              {r.utility ? ` · ${UTILITY_LABELS[r.utility]}` : ''}
            </Text>
            <Text className="muted">{ruleWords(r)}</Text>
          </View>
        ))}
        <FormField label="灾害期间回访时限（小时，至少）" id="visit-disaster-hours">
          <Input
            id="visit-disaster-hours"
            className="field__input"
            type="number"
            value={String(policy.disasterHours)}
            onInput={(e) => setPolicy({ ...policy, disasterHours: Number(e.detail.value) })}
          />
        </FormField>
        <ActionButton id="visit-save" onClick={() => void save()}>
          保存回访规则
        </ActionButton>
        {saved ? <Text className="text-ok">已保存，之后办结的工单按新规则回访</Text> : null}
        <Failure message={failure} />
      </View>
      {rule ? (
        <View className="card">
          <Text className="card__title">
            {TICKET_TYPE_LABELS[rule.ticketType]}
            {rule.utility ? ` · ${UTILITY_LABELS[rule.utility]}` : ''}
          </Text>
          <FormField label="范围" id="visit-scope">
            <Chips id="visit-scope" options={SCOPES} value={rule.scope} onPick={(scope) => setRule({ scope })} />
          </FormField>
          {rule.scope === 'sampled' ? (
            <>
              <FormField label="居民用户抽样比例（%）" id="visit-share-residential">
                <Input
                  id="visit-share-residential"
                  className="field__input"
                  type="number"
                  value={String(rule.sharePercent.residential)}
                  onInput={(e) =>
                    setRule({ sharePercent: { ...rule.sharePercent, residential: Number(e.detail.value) } })
                  }
                />
              </FormField>
              <FormField label="非居民用户抽样比例（%）" id="visit-share-business">
                <Input
                  id="visit-share-business"
                  className="field__input"
                  type="number"
                  value={String(rule.sharePercent.business)}
                  onInput={(e) => setRule({ sharePercent: { ...rule.sharePercent, business: Number(e.detail.value) } })}
                />
              </FormField>
            </>
          ) : null}
          <FormField label="办结后多少小时开始回访" id="visit-after-hours">
            <Input
              id="visit-after-hours"
              className="field__input"
              type="number"
              value={String(rule.timing.afterHours)}
              onInput={(e) => setRule({ timing: { ...rule.timing, afterHours: Number(e.detail.value) } })}
            />
          </FormField>
          <FormField label="回访期限" id="visit-due-unit">
            <Chips
              id="visit-due-unit"
              options={[
                { value: 'hours', label: '小时' },
                { value: 'days', label: '工作日' },
              ]}
              value={dueInHours ? 'hours' : 'days'}
              onPick={(unit) =>
                setRule({
                  timing:
                    unit === 'hours'
                      ? { afterHours: rule.timing.afterHours, dueHours: 24 }
                      : { afterHours: rule.timing.afterHours, dueWorkingDays: 1 },
                })
              }
            />
            <Input
              id="visit-due"
              className="field__input"
              type="number"
              value={String(dueInHours ? rule.timing.dueHours : rule.timing.dueWorkingDays)}
              onInput={(e) =>
                setRule({
                  timing: dueInHours
                    ? { afterHours: rule.timing.afterHours, dueHours: Number(e.detail.value) }
                    : { afterHours: rule.timing.afterHours, dueWorkingDays: Number(e.detail.value) },
                })
              }
            />
          </FormField>
          <FormField label="回访问题（每行一个）" id="visit-questions">
            <Textarea
              id="visit-questions"
              className="field__input"
              value={rule.questions.join('\n')}
              onInput={(e) =>
                setRule({
                  questions: e.detail.value
                    .split('\n')
                    .map((q) => q.trim())
                    .filter(Boolean),
                })
              }
            />
          </FormField>
        </View>
      ) : null}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(ReturnVisitPolicyPage, 'admin-org', '回访规则');
