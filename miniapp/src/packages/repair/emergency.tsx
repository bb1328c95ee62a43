import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow, useRouter } from '@tarojs/taro';
import {
  DEFAULT_HOTLINE_NUMBER,
  safetyInstructions,
  type BoundAccountView,
  type CreateEmergencyRequest,
  type EmergencyAlarmView,
  type SafetyInstruction,
} from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { defaultAccount, listAccounts } from '../../services/accounts';
import { newIdempotencyKey } from '../../services/idempotency-key';
import { currentLocation } from '../../services/location';
import { getSafetyInstructions, raiseEmergency } from '../../services/repairs';
import { ApiRequestError, NETWORK_ERROR } from '../../services/request';
import { activeResident, loginUrl } from '../../services/resident-session';
import { LAST_CONTACT_PHONE_KEY } from './repair-form';
import { EMERGENCY_URL, requestDetailUrl } from './repair-urls';
import { SafetySteps } from './safety-steps';
import './emergency.scss';

/** The last instructions the server gave (its configured hotline), for when the network is gone. */
const INSTRUCTIONS_KEY = 'safety.instructions';
const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

function knownInstructions(): SafetyInstruction[] {
  const cached = Taro.getStorageSync<SafetyInstruction[]>(INSTRUCTIONS_KEY);
  return Array.isArray(cached) && cached.length > 0 ? cached : safetyInstructions();
}

/**
 * 燃气泄漏 (docs/domain.md#emergencies: emergencies show the safety instructions at once, before anything else):
 * the steps are on screen from the first frame, from the device when the network is slow or gone;
 * only below them the one button that raises the alarm for the default account.
 */
export default function EmergencyPage() {
  const { params } = useRouter();
  const [steps, setSteps] = useState(knownInstructions);
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

  async function loadInstructions() {
    try {
      const fetched = await getSafetyInstructions({ silent: true });
      if (Array.isArray(fetched) && fetched.length > 0) {
        setSteps(fetched);
        Taro.setStorageSync(INSTRUCTIONS_KEY, fetched);
      }
    } catch {
      // The ones on screen stay.
    }
  }

  async function loadAccount() {
    const resident = activeResident();
    setSignedIn(Boolean(resident));
    setHasPhone(Boolean(resident?.phone));
    if (!resident) return;
    try {
      const accounts = await listAccounts({ silent: true });
      setAccount(accounts.find((a) => String(a.id) === params.accountId) ?? defaultAccount(accounts));
    } catch {
      setAccount((current) => current ?? null);
    }
  }

  useDidShow(() => {
    void loadInstructions();
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
      const body: CreateEmergencyRequest = { accountId: account.id };
      if (location) body.location = location;
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
      <SafetySteps steps={steps} hotline={hotline} />
      {ticket ? (
        <Dispatched ticket={ticket} />
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
          <Text className="emergency__hint">将通知抢修中心立即派师傅上门；如您同意，会同时发送您的位置。</Text>
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

function Dispatched({ ticket }: { ticket: EmergencyAlarmView }) {
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
        <Text id="emergency-technician" className="emergency__line">
          {technician.surname}师傅{technician.phone ? ` ${technician.phone}` : ''} 正在赶来，请在室外安全处等候
        </Text>
      ) : (
        <Text className="emergency__line">抢修中心正在为您安排师傅，请在室外安全处等候</Text>
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
