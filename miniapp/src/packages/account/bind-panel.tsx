import { Input, Text, View } from '@tarojs/components';
import type { BindingRequirementView, BoundAccountView } from '@utility/shared';
import { useEffect, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { ACCOUNT_LABELS } from '../../format/accounts';
import { bindAccount, getBindingRequirement } from '../../services/api/accounts';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { DEFAULT_BINDING_REQUIREMENT, bindDrafts, validateBind, type BindErrors, type BindField } from './bind-form';

interface Props {
  onBound: (accounts: BoundAccountView[]) => void;
}

export function BindPanel({ onBound }: Props) {
  const [restored] = useState(() => bindDrafts.load());
  const [draft, setDraft] = useState(() => restored ?? bindDrafts.newDraft());
  const [errors, setErrors] = useState<BindErrors>({});
  const [failure, setFailure] = useState('');
  const [notice, setNotice] = useState(restored ? '已恢复上次未提交成功的绑定信息，请核对后提交' : '');
  const [busy, setBusy] = useState(false);
  // Null until the server answers: the form then shows its default field and leaves the check to the server.
  const [requirement, setRequirement] = useState<BindingRequirementView | null>(null);
  const { form } = draft;
  const shown = requirement ?? DEFAULT_BINDING_REQUIREMENT;

  useEffect(() => {
    getBindingRequirement({ silent: true }).then(setRequirement, () => undefined);
  }, []);

  // An edited form is a different request: it gets its own key.
  const set = (field: BindField, value: string) =>
    setDraft((d) => ({ form: { ...d.form, [field]: value }, idempotencyKey: newIdempotencyKey() }));

  async function submit() {
    const result = validateBind(form, requirement);
    if (!result.ok) return setErrors(result.errors);
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      const accounts = await bindAccount(result.request, draft.idempotencyKey, { silent: true });
      bindDrafts.clear();
      setDraft(bindDrafts.newDraft());
      setNotice('');
      onBound(accounts);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR) {
        // Same key next time: if the binding did reach the server, it is not made twice.
        bindDrafts.save(draft);
        setNotice('网络异常，绑定信息已暂存在本机，网络恢复后请再次提交');
      } else {
        // BIND_MISMATCH, RATE_LIMITED …: the server's own words.
        setFailure(error.message);
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card bind">
      <Text className="card__title">绑定新户号</Text>
      {notice ? (
        <Text id="bind-notice" className="notice">
          {notice}
        </Text>
      ) : null}
      <FormField label="户号" id="bind-accountNo" error={errors.accountNo}>
        <Input
          id="bind-accountNo"
          className="field__input"
          type="number"
          maxlength={10}
          placeholder="10位数字，见缴费单或燃气卡"
          value={form.accountNo}
          onInput={(e) => set('accountNo', e.detail.value)}
        />
      </FormField>
      <FormField label="户主姓名" id="bind-holderName" error={errors.holderName}>
        <Input
          id="bind-holderName"
          className="field__input"
          placeholder="与开户登记一致"
          value={form.holderName}
          onInput={(e) => set('holderName', e.detail.value)}
        />
      </FormField>
      {shown.label ? (
        <FormField label={shown.label} id="bind-secondFact" error={errors.secondFact}>
          <Input
            id="bind-secondFact"
            className="field__input"
            type={shown.secondFact === 'phone_last4' ? 'number' : 'digit'}
            maxlength={shown.secondFact === 'phone_last4' ? 4 : 12}
            placeholder={shown.hint ?? ''}
            value={form.secondFact ?? ''}
            onInput={(e) => set('secondFact', e.detail.value)}
          />
        </FormField>
      ) : null}
      <FormField label="标签" id="bind-label" error={errors.label} optional>
        <View className="bind__labels">
          {ACCOUNT_LABELS.map((label) => (
            <Text
              key={label}
              id={`bind-label-${label}`}
              className={form.label === label ? 'chip chip--on' : 'chip'}
              onClick={() => set('label', form.label === label ? '' : label)}
            >
              {label}
            </Text>
          ))}
        </View>
      </FormField>
      {failure ? (
        <Text id="bind-error" className="field__error bind__error">
          {failure}
        </Text>
      ) : null}
      <ActionButton id="bind-submit" busy={busy} onClick={submit}>
        绑定
      </ActionButton>
    </View>
  );
}
