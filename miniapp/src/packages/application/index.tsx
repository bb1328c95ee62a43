import { Picker, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  APPLICATION_KINDS,
  type ApplicationKind,
  type BoundAccountView,
  type FeedbackRequestCreated,
} from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FiledCard } from '../../components/filed-card';
import { FormField } from '../../components/form-field';
import { UTILITY_LABELS } from '../../format/accounts';
import { defaultAccount, listAccounts } from '../../services/api/accounts';
import { fileApplication } from '../../services/api/feedback';
import { requireResident } from '../../services/resident-session';
import { useDraftForm } from '../../hooks/use-draft-form';
import { ApplicationFields } from './application-fields';
import { applicationDrafts, applicationFieldOf, kindsFor, switchKind, validateApplication } from './application-form';
import './index.scss';

export const APPLICATION_URL = '/packages/application/index';
const accountLabel = (a: BoundAccountView) =>
  `${UTILITY_LABELS[a.utility] ?? a.utility} · ${a.accountNo}${a.label ? `（${a.label}）` : ''}`;
const shanghaiToday = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

/** 业务办理: 开户, 过户, 停气/复气, 停热/复热, each with its own fields and document photos. */
export default function ApplicationPage() {
  const { params } = useRouter();
  // undefined: loading; null: could not load.
  const [accounts, setAccounts] = useState<BoundAccountView[] | null | undefined>(undefined);
  const [created, setCreated] = useState<FeedbackRequestCreated | null>(null);
  const [today] = useState(shanghaiToday);
  const filled = useRef(false);
  const application = useDraftForm({
    store: applicationDrafts,
    validate: validateApplication,
    send: (body, key) => fileApplication(body, key, { silent: true }),
    fieldOf: applicationFieldOf,
  });
  const { form, errors, change } = application;
  const account = accounts?.find((a) => a.id === form.accountId) ?? null;

  async function load() {
    if (!requireResident(APPLICATION_URL)) return;
    let list: BoundAccountView[];
    try {
      list = await listAccounts();
    } catch {
      return setAccounts((current) => current ?? null);
    }
    setAccounts(list);
    if (filled.current) return;
    filled.current = true;
    if (application.restore((saved) => list.some((a) => a.id === saved.accountId))) return;
    const chosen = list.find((a) => String(a.id) === params.accountId) ?? defaultAccount(list);
    const kind = params.kind as ApplicationKind | undefined;
    change((f) => {
      const withAccount = { ...f, accountId: chosen?.id ?? 0 };
      return kind && kind in APPLICATION_KINDS ? switchKind(withAccount, kind) : withAccount;
    });
  }
  useDidShow(() => void load());

  async function submit() {
    const answer = await application.submit();
    if (answer) setCreated(answer);
  }

  if (created)
    return (
      <FiledCard created={created} title="申请已提交" note="营业厅会在3个工作日内答复，需要补充材料时会联系您。" />
    );
  if (accounts === undefined) return <Text className="empty">加载中…</Text>;
  if (accounts === null) return <Text className="empty">户号加载失败，请返回重试</Text>;
  if (!account) {
    return (
      <View className="page application">
        <View className="card">
          <Text className="card__title">还没有绑定户号</Text>
          <Text className="muted">办理业务需要先绑定户号。</Text>
          <ActionButton id="application-bind" onClick={() => Taro.navigateTo({ url: '/packages/account/index' })}>
            绑定户号
          </ActionButton>
        </View>
      </View>
    );
  }

  const kinds = kindsFor(account.utility);
  const def = form.kind ? APPLICATION_KINDS[form.kind] : null;
  return (
    <View className="page application">
      {application.notice ? (
        <Text id="application-notice" className="notice">
          {application.notice}
        </Text>
      ) : null}
      <View className="card">
        {accounts.length > 1 ? (
          <Picker
            id="application-account"
            mode="selector"
            range={accounts.map(accountLabel)}
            value={Math.max(0, accounts.indexOf(account))}
            onChange={(e) =>
              change({ accountId: accounts[Number(e.detail.value)].id, kind: '', fields: {}, photos: {} })
            }
          >
            <View className="row">
              <Text className="application__account">{accountLabel(account)}</Text>
              <Text className="link">切换</Text>
            </View>
          </Picker>
        ) : (
          <Text className="application__account">{accountLabel(account)}</Text>
        )}
        <Text className="muted">{account.address}</Text>
      </View>
      <View className="card">
        <FormField label="办理业务" id="application-kind" error={errors.kind}>
          <View className="application__kinds">
            {kinds.map((k) => (
              <View
                key={k.kind}
                id={`application-kind-${k.kind}`}
                className={k.kind === form.kind ? 'chip chip--on' : 'chip'}
                onClick={() => change((f) => switchKind(f, k.kind))}
              >
                <Text>{k.label}</Text>
              </View>
            ))}
          </View>
        </FormField>
        {def ? (
          <ApplicationFields
            def={def}
            form={form}
            errors={errors}
            today={today}
            onField={(key, value) => change((f) => ({ fields: { ...f.fields, [key]: value } }))}
            onPhotos={(update) => change((f) => ({ photos: update(f.photos) }))}
          />
        ) : (
          <Text className="muted">选择业务后填写所需信息并拍摄材料照片。</Text>
        )}
        {application.failure || errors.accountId ? (
          <Text id="application-error" className="field__error">
            {application.failure || errors.accountId}
          </Text>
        ) : null}
        <ActionButton id="application-submit" busy={application.busy} disabled={!def} onClick={submit}>
          提交申请
        </ActionButton>
      </View>
    </View>
  );
}
