import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { BoundAccountView, FeedbackRequestCreated } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FiledCard } from '../../components/filed-card';
import { AccountPicker, TextWithPhotos } from '../../components/feedback-fields';
import { listAccounts } from '../../services/api/accounts';
import { fileSuggestion } from '../../services/api/consultations';
import { requireResident } from '../../services/resident-session';
import { useDraftForm } from '../../hooks/use-draft-form';
import { consultFieldOf, suggestionDrafts, validateSuggestion } from './consult-form';
import { SUGGESTION_URL } from './consult-urls';
import './index.scss';

/** 建议: a suggestion with photos if any, replied to within 5 working days; followed in 我的报修. */
export default function SuggestionPage() {
  const [accounts, setAccounts] = useState<BoundAccountView[]>([]);
  const [created, setCreated] = useState<FeedbackRequestCreated | null>(null);
  const filled = useRef(false);
  const suggestion = useDraftForm({
    store: suggestionDrafts,
    validate: validateSuggestion,
    send: (body, key) => fileSuggestion(body, key, { silent: true }),
    fieldOf: consultFieldOf,
  });
  const { form, errors, change } = suggestion;

  useDidShow(() => {
    if (!requireResident(SUGGESTION_URL)) return;
    listAccounts({ silent: true }).then(setAccounts, () => setAccounts([]));
    if (filled.current) return;
    filled.current = true;
    suggestion.restore(() => true);
  });

  async function submit() {
    const answer = await suggestion.submit();
    if (answer) setCreated(answer);
  }

  if (created) return <FiledCard created={created} title="建议已提交" note="感谢您的建议，客服会回复您。" />;

  return (
    <View className="page consult">
      {suggestion.notice ? (
        <Text id="suggestion-notice" className="notice">
          {suggestion.notice}
        </Text>
      ) : null}
      <View className="card">
        <AccountPicker
          id="suggestion-account"
          accounts={accounts}
          value={form.accountId}
          onChange={(accountId) => change({ accountId })}
        />
        <TextWithPhotos
          id="suggestion"
          label="您的建议"
          placeholder="请写下您对我们服务的建议"
          form={form}
          errors={errors}
          change={change}
        />
        {suggestion.failure || errors.accountId ? (
          <Text id="suggestion-error" className="field__error">
            {suggestion.failure || errors.accountId}
          </Text>
        ) : null}
        <ActionButton id="suggestion-submit" busy={suggestion.busy} onClick={submit}>
          提交建议
        </ActionButton>
      </View>
    </View>
  );
}
