import { Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  DEFAULT_HOTLINE_NUMBER,
  safetyInstructions,
  type BoundAccountView,
  type CreateEmergencyRequest,
  type EmergencyAlarmView,
  type LeakKind,
  type SafetyInstruction,
} from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { PhotoGrid, type Photo } from '../../components/photo-grid';
import { TechnicianCall } from '../../components/technician-call';
import { defaultAccount, listAccounts } from '../../services/api/accounts';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { currentLocation } from '../../platform/location';
import { getSafetyInstructions, raiseEmergency } from '../../services/api/repairs';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { activeResident, loginUrl } from '../../services/resident-session';
import { MAX_PHOTOS } from '../../services/api/uploads';
import { LAST_CONTACT_PHONE_KEY } from './repair-form';
import { EMERGENCY_URL, requestDetailUrl } from './repair-urls';
import { SafetySteps } from './safety-steps';
import './emergency.scss';

/** The last instructions the server gave (its configured hotline), for when the network is gone: one copy per kind of leak. */
const INSTRUCTIONS_KEY: Record<LeakKind, string> = {
  gas: 'safety.instructions',
  heating: 'safety.instructions.heating',
};
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

/** What each kind of leak is called on this page. */
const WORDING: Record<LeakKind, { bar: string; steps: string; call: string; hint: string }> = {
  gas: {
    bar: '燃气泄漏',
    steps: '闻到燃气味，请立即：',
    call: '到室外后拨打24小时热线',
    hint: '将通知抢修中心立即派师傅上门；如您同意，会同时发送您的位置。',
  },
  heating: {
    bar: '暖气跑冒滴漏',
    steps: '暖气漏水，请立即：',
    call: '拨打24小时热线',
    hint: '将通知抢修中心立即派师傅上门；说明和照片可不填，不会耽误派单。',
  },
};

function knownInstructions(kind: LeakKind): SafetyInstruction[] {
  const cached = Taro.getStorageSync<SafetyInstruction[]>(INSTRUCTIONS_KEY[kind]);
  return Array.isArray(cached) && cached.length > 0 ? cached : safetyInstructions(undefined, kind);
}

/**
 * 燃气泄漏 (docs/domain.md#emergencies: emergencies show the safety instructions at once, before anything else):
 * the steps are on screen from the first frame, from the device when the network is slow or gone;
 * only below them the one button that raises the alarm for the default account. The account's
 * utility decides the kind: a heating account's leak is hot water (跑冒滴漏), with its own steps,
 * and the resident may say what they see and add photos.
 */
export default function EmergencyPage() {
  const { params } = useRouter();
  const [kind, setKind] = useState<LeakKind>(params.utility === 'heating' ? 'heating' : 'gas');
  const [steps, setSteps] = useState(() => knownInstructions(kind));
  const [details, setDetails] = useState('');
  const [photos, setPhotos] = useState<Photo[]>([]);
  const [signedIn, setSignedIn] = useState(() => Boolean(activeResident()));
  const [hasPhone, setHasPhone] = useState(() => Boolean(activeResident()?.phone));
  // undefined: loading; null: nothing bound (or could not load).
  const [account, setAccount] = useState<BoundAccountView | null | undefined>(undefined);
  const [phone, setPhone] = useState(() => Taro.getStorageSync<string>(LAST_CONTACT_PHONE_KEY) || '');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');
  const [ticket, setTicket] = useState<EmergencyAlarmView | null>(null);
  // One alarm per visit: a double tap or a retry after a lost answer is the same alarm.
  const alarmKey = useRef(newIdempotencyKey());
  const sending = useRef(false);
  const hotline = steps.find((s) => s.phone)?.phone ?? DEFAULT_HOTLINE_NUMBER;

  async function loadInstructions(of: LeakKind) {
    try {
      const fetched = await getSafetyInstructions(of, { silent: true });
      if (Array.isArray(fetched) && fetched.length > 0) {
        setSteps(fetched);
        Taro.setStorageSync(INSTRUCTIONS_KEY[of], fetched);
      }
    } catch {
      // The ones on screen stay.
    }
  }

  /** The account decides which leak this is: switch the steps (from the device first) when it differs. */
  function followUtility(chosen: BoundAccountView | null) {
    const of: LeakKind = chosen?.utility === 'heating' ? 'heating' : 'gas';
    void Taro.setNavigationBarTitle({ title: WORDING[of].bar }).catch(() => undefined);
    if (of === kind) return;
    setKind(of);
    setSteps(knownInstructions(of));
    void loadInstructions(of);
  }

  async function loadAccount() {
    const resident = activeResident();
    setSignedIn(Boolean(resident));
    setHasPhone(Boolean(resident?.phone));
    if (!resident) return;
    try {
      const accounts = await listAccounts({ silent: true });
      const chosen = accounts.find((a) => String(a.id) === params.accountId) ?? defaultAccount(accounts);
      setAccount(chosen);
      followUtility(chosen);
    } catch {
      setAccount((current) => current ?? null);
    }
  }

  useDidShow(() => {
    void loadInstructions(kind);
    void loadAccount();
  });

  async function alarm() {
    if (!account || sending.current || ticket) return;
    sending.current = true;
    setBusy(true);
    setFailure('');
    try {
      // Where the phone is helps the technician, but never holds the alarm up for long.
      const location = await currentLocation();
      const body: CreateEmergencyRequest = { accountId: account.id, photoIds: [] };
      if (location) body.location = location;
      if (kind === 'heating') {
        if (details.trim()) body.description = details.trim().slice(0, 500);
        body.photoIds = photos.map((p) => p.id);
      }
      if (!hasPhone && PHONE.test(phone.trim())) body.contactPhone = phone.trim();
      setTicket(await raiseEmergency(body, alarmKey.current, { silent: true }));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      const why = error.code === NETWORK_ERROR ? '网络异常，报警未发出' : error.message;
      setFailure(`${why}。请到室外立即拨打24小时热线 ${hotline}`);
    } finally {
      sending.current = false;
      setBusy(false);
    }
  }

  return (
    <View className="page emergency">
      <SafetySteps steps={steps} hotline={hotline} title={WORDING[kind].steps} callLabel={WORDING[kind].call} />
      {ticket ? (
        <Dispatched ticket={ticket} kind={kind} />
      ) : !signedIn ? (
        <ActionButton
          id="emergency-login"
          className="emergency__submit"
          onClick={() => Taro.navigateTo({ url: loginUrl(EMERGENCY_URL) })}
        >
          登录后一键报警
        </ActionButton>
      ) : account === null ? (
        <View className="emergency__panel">
          <Text>还没有绑定户号，无法一键报警，请直接拨打24小时热线。</Text>
          <Text
            id="emergency-bind"
            className="emergency__link"
            onClick={() => Taro.navigateTo({ url: '/packages/account/index' })}
          >
            去绑定户号
          </Text>
        </View>
      ) : (
        <View className="emergency__alarm">
          {account ? (
            <Text className="emergency__where">
              报警地址：{account.address}（户号 {account.accountNo}）
            </Text>
          ) : null}
          {account && kind === 'heating' ? (
            <View className="emergency__details">
              <Textarea
                id="emergency-details"
                className="field__textarea"
                placeholder="哪里漏水、漏得多大（选填），如：卧室暖气片接口往外喷水"
                maxlength={500}
                value={details}
                onInput={(e) => setDetails(e.detail.value)}
              />
              <PhotoGrid
                id="emergency-photo"
                label="现场照片"
                optional
                max={MAX_PHOTOS}
                photos={photos}
                onAdd={(photo) => setPhotos((list) => [...list, photo].slice(0, MAX_PHOTOS))}
                onRemove={(index) => setPhotos((list) => list.filter((_, i) => i !== index))}
              />
            </View>
          ) : null}
          {account && !hasPhone ? (
            <Input
              id="emergency-phone"
              className="field__input emergency__phone"
              type="text"
              maxlength={13}
              placeholder="联系电话（选填），方便师傅联系您"
              value={phone}
              onInput={(e) => setPhone(e.detail.value)}
            />
          ) : null}
          <ActionButton
            id="emergency-submit"
            tone="danger"
            className="emergency__submit"
            busy={busy}
            disabled={!account}
            onClick={alarm}
          >
            一键报警
          </ActionButton>
          <Text className="emergency__hint">{WORDING[kind].hint}</Text>
          {failure ? (
            <Text id="emergency-error" className="emergency__error">
              {failure}
            </Text>
          ) : null}
        </View>
      )}
    </View>
  );
}

function Dispatched({ ticket, kind }: { ticket: EmergencyAlarmView; kind: LeakKind }) {
  const wait = kind === 'heating' ? '请关闭暖气阀门，注意防烫、防触电' : '请在室外安全处等候';
  const { technician } = ticket;
  return (
    <View id="emergency-dispatched" className="emergency__panel">
      <Text className="emergency__dispatched-title">{technician ? '抢修师傅已派出' : '报警已收到'}</Text>
      {ticket.joined && ticket.notice ? (
        <Text id="emergency-joined" className="emergency__line">
          {ticket.notice}
        </Text>
      ) : null}
      {technician ? (
        <View>
          <Text id="emergency-technician" className="emergency__line">
            {technician.surname}师傅{technician.phone ? ` ${technician.phone}` : ''} 正在赶来，{wait}
          </Text>
          <TechnicianCall technician={technician} idPrefix="emergency" />
        </View>
      ) : (
        <Text className="emergency__line">抢修中心正在为您安排师傅，{wait}</Text>
      )}
      <Text className="emergency__line">工单号 {ticket.no}</Text>
      <ActionButton
        id="emergency-detail"
        tone="secondary"
        onClick={() => Taro.navigateTo({ url: requestDetailUrl(ticket.id) })}
      >
        查看抢修进度
      </ActionButton>
    </View>
  );
}
