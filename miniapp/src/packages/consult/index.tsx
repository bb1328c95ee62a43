import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import type { BoundAccountView, FeedbackRequestCreated } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FiledCard } from '../../components/filed-card';
import { FormField } from '../../components/form-field';
import { AccountPicker } from '../../components/feedback-fields';
import { listAccounts } from '../../services/api/accounts';
import { fileConsultation } from '../../services/api/consultations';
import { requireResident } from '../../services/resident-session';
import { useDraftForm } from '../../hooks/use-draft-form';
import { consultFieldOf, consultationDrafts, validateConsultation } from './consult-form';
import { CONSULT_URL, SUGGESTION_URL } from './consult-urls';
import './index.scss';

/** 咨询: a question for customer service (docs/domain.md#consultations), answered within 1 working day. */
export default function ConsultPage() {
  const [accounts, setAccounts] = useState<BoundAccountView[]>([]);
  const [created, setCreated] = useState<FeedbackRequestCreated | null>(null);
  const filled = useRef(false);
  const consult = useDraftForm({
    store: consultationDrafts,
    validate: validateConsultation,
    send: (body, key) => fileConsultation(body, key, { silent: true }),
    fieldOf: consultFieldOf,
  });
  const { form, errors, change } = consult;

  useDidShow(() => {
    if (!requireResident(CONSULT_URL)) return;
    // An account is optional: without one the question still goes.
    listAccounts({ silent: true }).then(setAccounts, () => setAccounts([]));
    if (filled.current) return;
    filled.current = true;
    consult.restore(() => true);
  });

  async function submit() {
    const answer = await consult.submit();
    if (answer) setCreated(answer);
  }

  if (created)
    return <FiledCard created={created} title="咨询已提交" note="客服答复后会通知您，您可在我的报修中查看答复。" />;

  return (
    <View className="page consult">
      {consult.notice ? (
        <Text id="consult-notice" className="notice">
          {consult.notice}
        </Text>
      ) : null}
      <View className="card">
        <Text
          id="consult-faq"
          className="link consult__faq"
          onClick={() => void Taro.navigateTo({ url: '/packages/info/knowledge?kind=faq' })}
        >
          先看看常见问题，也许已有答案 ›
        </Text>
        <AccountPicker
          id="consult-account"
          accounts={accounts}
          value={form.accountId}
          onChange={(accountId) => change({ accountId })}
        />
        <FormField label="您的问题" id="consult-question" error={errors.question}>
          <Textarea
            id="consult-question"
            className="field__textarea"
            placeholder="例如：燃气表余额不足怎么充值？过户需要带什么材料？"
            maxlength={1000}
            value={form.question}
            onInput={(e) => change({ question: e.detail.value })}
          />
        </FormField>
        {consult.failure || errors.accountId ? (
          <Text id="consult-error" className="field__error">
            {consult.failure || errors.accountId}
          </Text>
        ) : null}
        <ActionButton id="consult-submit" busy={consult.busy} onClick={submit}>
          提交咨询
        </ActionButton>
      </View>
      <Text
        id="consult-to-suggestion"
        className="link consult__switch"
        onClick={() => void Taro.navigateTo({ url: SUGGESTION_URL })}
      >
        我有建议
      </Text>
    </View>
  );
}
