import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import type { BoundAccountView, TrialBillView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { submitReading } from '../../services/api/bills';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { requireResident } from '../../services/resident-session';
import { pickAccount } from './pay-urls';
import { PhotoPicker } from './photo-picker';
import { readingDrafts, validateReading, type ReadingErrors, type ReadingForm } from './reading-form';
import { TrialCard } from './trial-card';
import './reading.scss';

/** 自助抄表: today's index with a photo of the dial, then the trial bill (or a hold for staff). */
export default function ReadingPage() {
  const { params } = useRouter();
  const [account, setAccount] = useState<BoundAccountView | null | undefined>(undefined);
  const [draft, setDraft] = useState(() => readingDrafts.newDraft());
  const [errors, setErrors] = useState<ReadingErrors>({});
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TrialBillView | null>(null);
  const { form } = draft;

  async function load() {
    if (!requireResident(`/packages/pay/reading${params.accountId ? `?accountId=${params.accountId}` : ''}`)) return;
    try {
      const { account: picked } = await pickAccount(params.accountId);
      setAccount(picked);
      const saved = readingDrafts.load();
      if (picked && saved?.form.accountId === picked.id && account === undefined) {
        setDraft(saved);
        setNotice('已恢复上次未提交成功的读数，请核对后提交');
      }
    } catch {
      setAccount((current) => current ?? null);
    }
  }
  useDidShow(() => void load());

  // An edited form is a different request: it gets its own key.
  const change = (patch: Partial<ReadingForm>) =>
    setDraft((d) => ({ form: { ...d.form, ...patch }, idempotencyKey: newIdempotencyKey() }));

  async function submit() {
    if (!account) return;
    const checked = validateReading(form);
    if (!checked.ok) return setErrors(checked.errors);
    setErrors({});
    setFailure('');
    setBusy(true);
    const sending = { ...draft, form: { ...form, accountId: account.id } };
    try {
      setResult(await submitReading(account.id, checked.request, sending.idempotencyKey, { silent: true }));
      readingDrafts.clear();
      setNotice('');
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR) {
        // Same key next time: if the reading did reach the server, it is not recorded twice.
        readingDrafts.save(sending);
        setNotice('网络异常，读数已暂存在本机，网络恢复后请再次提交');
      } else {
        setFailure(error.message); // READING_EXISTS, PHOTO_NOT_FOUND …: the server's own words.
      }
    } finally {
      setBusy(false);
    }
  }

  if (account === undefined) return <Text className="empty">加载中…</Text>;
  if (!account) return <Text className="empty">还没有绑定户号</Text>;
  if (result) {
    return (
      <View className="page reading">
        <TrialCard result={result} />
        <ActionButton id="reading-done" onClick={() => Taro.navigateBack()}>
          完成
        </ActionButton>
      </View>
    );
  }
  return (
    <View className="page reading">
      <View className="card">
        <Text className="card__title">户号 {account.accountNo}</Text>
        <Text className="muted">请读取燃气表上的黑色数字（单位 m³），并拍一张清晰的表盘照片</Text>
      </View>
      {notice ? (
        <Text id="reading-notice" className="notice">
          {notice}
        </Text>
      ) : null}
      <View className="card">
        <FormField label="表盘读数（m³）" id="reading-value" error={errors.value}>
          <Input
            id="reading-value"
            className="field__input"
            type="digit"
            maxlength={10}
            placeholder="如 1234.56，最多两位小数"
            value={form.value}
            onInput={(e) => change({ value: e.detail.value })}
          />
        </FormField>
        <PhotoPicker
          path={form.photoPath}
          uploaded={form.photoId !== null}
          error={errors.photo}
          onUploaded={(photo) => change({ photoPath: photo.path, photoId: photo.id })}
        />
        {failure ? (
          <Text id="reading-error" className="field__error">
            {failure}
          </Text>
        ) : null}
        <ActionButton id="reading-submit" busy={busy} onClick={submit}>
          提交读数
        </ActionButton>
      </View>
    </View>
  );
}
