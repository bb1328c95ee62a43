import { Input, Picker, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  ErrorCode,
  shanghaiShort,
  type BoundAccountView,
  type FaultCategoryOption,
  type ResidentOutageView,
  type ResidentTicketView,
} from '@utility/shared';
import { useEffect, useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { HotlineLink } from '../../components/hotline-link';
import { OutageBanner } from '../../components/outage-banner';
import { PhotoGrid, type Photo } from '../../components/photo-grid';
import { SubscribeButton } from '../../components/subscribe-button';
import { UTILITY_LABELS } from '../../format/accounts';
import { defaultAccount, listAccounts } from '../../services/api/accounts';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { listOutages } from '../../services/api/outages';
import { reportFault } from '../../services/api/repairs';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { requireResident } from '../../services/resident-session';
import { MAX_PHOTOS } from '../../services/api/uploads';
import { CategoryPicker } from './category-picker';
import {
  LAST_CONTACT_PHONE_KEY,
  categoriesFor,
  errorsFromDetails,
  fieldsOf,
  repairDrafts,
  validateRepair,
  type RepairErrors,
  type RepairField,
  type RepairForm,
} from './repair-form';
import { REPAIR_URL, emergencyUrl, requestDetailUrl } from './repair-urls';
import { WindowPicker } from './window-picker';
import './index.scss';

const PHOTO_ERRORS: readonly string[] = [ErrorCode.TooManyPhotos, ErrorCode.PhotoNotFound];
/** The form's fields top to bottom, and the element each error is shown at. */
const FIELD_ORDER: readonly RepairField[] = ['category', 'description', 'photos', 'contactPhone', 'window'];
const FIELD_ANCHOR: Record<RepairField, string> = {
  category: 'category',
  description: 'description',
  photos: 'photo',
  contactPhone: 'phone',
  window: 'window',
};

const accountLabel = (a: BoundAccountView) =>
  `${UTILITY_LABELS[a.utility] ?? a.utility} · ${a.accountNo}${a.label ? `（${a.label}）` : ''}`;

/** 报修: category of the account's utility, what is wrong, photos, who to call, and when to come. */
export default function RepairPage() {
  const { params } = useRouter();
  // undefined: loading; null: could not load.
  const [accounts, setAccounts] = useState<BoundAccountView[] | null | undefined>(undefined);
  const [draft, setDraft] = useState(() => repairDrafts.newDraft());
  const [errors, setErrors] = useState<RepairErrors>({});
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<ResidentTicketView | null>(null);
  const [now] = useState(() => new Date());
  const filled = useRef(false);
  const { form } = draft;
  const account = accounts?.find((a) => a.id === form.accountId) ?? null;
  const [outages, setOutages] = useState<ResidentOutageView[]>([]);
  const accountId = account?.id;

  // An outage over the chosen account: the resident sees it, and its expected restore time, before filing.
  useEffect(() => {
    setOutages([]);
    if (!accountId) return;
    let current = true;
    listOutages(accountId, { silent: true })
      .then((list) => current && setOutages(list))
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [accountId]);

  async function load() {
    if (!requireResident(REPAIR_URL)) return;
    let list: BoundAccountView[];
    try {
      list = await listAccounts();
    } catch {
      return setAccounts((current) => current ?? null);
    }
    setAccounts(list);
    // Back from the camera or another page: the fill on screen stays.
    if (filled.current) return;
    filled.current = true;
    const saved = repairDrafts.load();
    if (saved && list.some((a) => a.id === saved.form.accountId)) {
      setDraft(saved);
      setNotice('已恢复上次未提交成功的报修，请核对后提交');
      return;
    }
    const chosen = list.find((a) => String(a.id) === params.accountId) ?? defaultAccount(list);
    const phone = Taro.getStorageSync<string>(LAST_CONTACT_PHONE_KEY) || '';
    setDraft((d) => ({
      ...d,
      form: { ...d.form, accountId: chosen?.id ?? 0, contactPhone: d.form.contactPhone || phone },
    }));
  }
  useDidShow(() => void load());

  // An edited form is a different request: it gets its own key (a resend of the same fill keeps it).
  // A corrected field loses its old error at once.
  const change = (patch: Partial<RepairForm> | ((form: RepairForm) => Partial<RepairForm>)) => {
    const edit = (f: RepairForm) => (typeof patch === 'function' ? patch(f) : patch);
    // Applied to the latest form: photos uploaded one after another each add to the last.
    setDraft((d) => ({ form: { ...d.form, ...edit(d.form) }, idempotencyKey: newIdempotencyKey() }));
    const touched = fieldsOf(edit(form));
    if (touched.some((f) => errors[f]))
      setErrors((e) => ({ ...e, ...Object.fromEntries(touched.map((f) => [f, undefined])) }));
    if (failure) setFailure('');
  };

  /** The resident tapped submit at the bottom of a long form: bring the first problem into view. */
  function showErrors(found: RepairErrors) {
    setErrors(found);
    const first = FIELD_ORDER.find((f) => found[f]);
    if (first) void Taro.pageScrollTo({ selector: `#repair-${FIELD_ANCHOR[first]}`, duration: 200 });
  }

  function chooseCategory(option: FaultCategoryOption) {
    // A leak is not a form to fill in: the safety instructions and the alarm come first.
    if (option.emergency) return void Taro.redirectTo({ url: emergencyUrl(account?.id, account?.utility) });
    change({ category: option.category });
    setErrors((e) => ({ ...e, category: undefined }));
  }

  async function submit() {
    if (!account || busy) return;
    const checked = validateRepair(form, account.utility, new Date());
    if (!checked.ok) return showErrors(checked.errors);
    setErrors({});
    setFailure('');
    setBusy(true);
    try {
      const ticket = await reportFault(checked.request, draft.idempotencyKey, { silent: true });
      repairDrafts.clear();
      Taro.setStorageSync(LAST_CONTACT_PHONE_KEY, checked.request.contactPhone);
      setNotice('');
      setCreated(ticket);
      // The form was long: the confirmation starts at the top.
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR) {
        // Same key next time: if the report did reach the server, it is answered, not doubled.
        repairDrafts.save(draft);
        setNotice('网络异常，报修已暂存在本机，网络恢复后请再次提交');
        void Taro.pageScrollTo({ scrollTop: 0, duration: 200 });
      } else if (error.details?.length) {
        showErrors(errorsFromDetails(error.details));
      } else if (error.code === ErrorCode.FaultCategoryInvalid) {
        showErrors({ category: error.message });
      } else if (PHOTO_ERRORS.includes(error.code)) {
        showErrors({ photos: error.message });
      } else {
        setFailure(error.message);
      }
    } finally {
      setBusy(false);
    }
  }

  if (created) {
    const openDetail = () => void Taro.redirectTo({ url: requestDetailUrl(created.id) });
    return (
      <View className="page repair">
        <View id="repair-created" className="card repair__done">
          <Text className="repair__done-title">报修已提交</Text>
          <Text className="muted">工单号 {created.no}</Text>
          {created.outage ? (
            <Text id="repair-created-outage" className="repair__done-note">
              您所在区域正在{created.outage.label}（{created.outage.reason}），报修已并入停供事件，预计
              {shanghaiShort(new Date(created.outage.restoreBy))}恢复，恢复时会通知您。
            </Text>
          ) : null}
          <Text className="repair__done-note">订阅进度通知后，受理、师傅出发和处理完成时微信会提醒您。</Text>
        </View>
        <SubscribeButton ticketId={created.id} tone="primary" onDone={openDetail} />
        <ActionButton id="repair-view" tone="secondary" onClick={openDetail}>
          暂不订阅，查看进度
        </ActionButton>
      </View>
    );
  }

  if (accounts === undefined) return <Text className="empty">加载中…</Text>;
  if (accounts === null) return <Text className="empty">户号加载失败，请返回重试</Text>;
  if (!account) {
    return (
      <View className="page repair">
        <View className="card">
          <Text className="card__title">还没有绑定户号</Text>
          <Text className="muted">报修需要先绑定户号，师傅按户号登记的地址上门。</Text>
          <ActionButton id="repair-bind" onClick={() => Taro.navigateTo({ url: '/packages/account/index' })}>
            绑定户号
          </ActionButton>
        </View>
        <HotlineLink id="repair-hotline" lead="急需维修？不用等绑定" />
      </View>
    );
  }

  const options = categoriesFor(account.utility);
  const chosen = options.find((o) => o.category === form.category);
  return (
    <View className="page repair">
      <OutageBanner id="repair-outage" outages={outages} />
      {notice ? (
        <Text id="repair-notice" className="notice">
          {notice}
        </Text>
      ) : null}
      <View className="card">
        {accounts.length > 1 ? (
          <Picker
            id="repair-account"
            mode="selector"
            range={accounts.map(accountLabel)}
            value={Math.max(0, accounts.indexOf(account))}
            onChange={(e) => change({ accountId: accounts[Number(e.detail.value)].id, category: '' })}
          >
            <View className="row">
              <Text className="repair__account">{accountLabel(account)}</Text>
              <Text className="link">切换</Text>
            </View>
          </Picker>
        ) : (
          <Text className="repair__account">{accountLabel(account)}</Text>
        )}
        <Text id="repair-address" className="repair__address">
          {account.address}
        </Text>
        <Text className="muted">师傅按户号登记的地址上门；地址有变化请在问题描述中说明。</Text>
      </View>

      <View className="card">
        {options.length === 0 ? (
          <Text className="muted">该户号暂不支持在线报修，请拨打24小时热线。</Text>
        ) : (
          <FormField label="报修类别" id="repair-category" error={errors.category}>
            <CategoryPicker options={options} chosen={form.category} onChoose={chooseCategory} />
          </FormField>
        )}
        <FormField label="问题描述" id="repair-description" error={errors.description}>
          <Textarea
            id="repair-description"
            className="field__textarea"
            placeholder="什么时候开始、现在的情况，如：灶台打不着火，表上显示有余额"
            maxlength={2000}
            value={form.description}
            onInput={(e) => change({ description: e.detail.value })}
          />
        </FormField>
        <PhotoGrid
          id="repair-photo"
          label="现场照片"
          optional
          max={MAX_PHOTOS}
          photos={form.photos}
          error={errors.photos}
          onAdd={(photo: Photo) => change((f) => ({ photos: [...f.photos, photo].slice(0, MAX_PHOTOS) }))}
          onRemove={(index) => change((f) => ({ photos: f.photos.filter((_, i) => i !== index) }))}
        />
        <FormField label="联系电话" id="repair-phone" error={errors.contactPhone}>
          <Input
            id="repair-phone"
            className="field__input"
            type="text"
            maxlength={13}
            placeholder="手机号或固定电话（区号-号码）"
            value={form.contactPhone}
            onInput={(e) => change({ contactPhone: e.detail.value })}
          />
        </FormField>
        {chosen && !chosen.emergency ? (
          <FormField label="希望上门时间" id="repair-window" error={errors.window} optional>
            <WindowPicker value={form} now={now} onChange={(window) => change(window)} />
          </FormField>
        ) : null}
        {failure ? (
          <Text id="repair-error" className="field__error">
            {failure}
          </Text>
        ) : null}
        <ActionButton id="repair-submit" busy={busy} disabled={options.length === 0} onClick={submit}>
          提交报修
        </ActionButton>
      </View>
      <HotlineLink id="repair-hotline" lead="不方便填写？24小时热线随时受理" />
    </View>
  );
}
