import { Text, View } from '@tarojs/components';
import Taro, { useDidShow, usePullDownRefresh, useRouter } from '@tarojs/taro';
import { BookingState, type InspectionSlotView } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { bookInspection, cancelInspection, rescheduleInspection } from '../../services/api/inspections';
import { ApiRequestError, NETWORK_ERROR } from '../../services/api/request';
import { requireResident } from '../../services/resident-session';
import { BookingCard } from './booking-card';
import { INSPECTION_URL, bookingDrafts, hazardsUrl } from './booking-draft';
import { ReminderButton } from './reminder-button';
import { SlotPicker } from './slot-picker';
import { activeBooking, slotLabel } from './slot-days';
import { SLOT_ERRORS, useInspectionBookings } from './use-inspection-bookings';
import './index.scss';

type Busy = 'submit' | 'cancel' | null;

/** 预约安检: my booking (改约 / 取消 until the cut-off, 订阅提醒), or the open half-days to book. */
export default function InspectionPage() {
  const { params } = useRouter();
  const { accounts, account, data, setData, show, load } = useInspectionBookings();
  const [draft, setDraft] = useState(() => bookingDrafts.newDraft());
  const [rescheduling, setRescheduling] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [notice, setNotice] = useState('');
  const [failure, setFailure] = useState('');
  const now = new Date();

  async function reload() {
    if (!requireResident(INSPECTION_URL)) return;
    await load(params);
  }
  // A kept booking is restored once, when the page opens.
  const restored = useRef(false);
  useDidShow(() => {
    const saved = restored.current ? null : bookingDrafts.load();
    restored.current = true;
    if (saved && saved.form.slotId) {
      setDraft(saved);
      setNotice('已恢复上次未提交成功的预约，请确认后再次提交');
    }
    void reload();
  });
  usePullDownRefresh(() => void reload().finally(() => Taro.stopPullDownRefresh()));

  const booking = data ? activeBooking(data.bookings) : null;
  // Newest first (the server's order): what became of the last one, once it no longer holds a slot.
  const latest = data?.bookings[0] ?? null;
  // After 上门未遇 the booking asks for a new slot at once.
  const choosing = !booking || rescheduling || booking.state === BookingState.Missed;
  const chosen = data?.slots.find((s) => s.id === draft.form.slotId && draft.form.accountId === account?.id) ?? null;

  // Another slot is another request: it gets its own key (a resend of the same choice keeps it).
  const choose = (slot: InspectionSlotView) => {
    setFailure('');
    const same = draft.form.slotId === slot.id && draft.form.accountId === account?.id;
    setDraft(same ? draft : { ...bookingDrafts.newDraft(), form: { accountId: account?.id ?? 0, slotId: slot.id } });
  };

  async function submit() {
    if (!account || !chosen || busy) return;
    setBusy('submit');
    setFailure('');
    try {
      const saved = booking
        ? await rescheduleInspection(booking.id, { slotId: chosen.id }, { silent: true })
        : await bookInspection({ accountId: account.id, slotId: chosen.id }, draft.idempotencyKey, { silent: true });
      bookingDrafts.clear();
      setDraft(bookingDrafts.newDraft());
      setRescheduling(false);
      setNotice(booking ? '已改约，安检员将按新时段上门' : '预约成功，安检员将按预约时段上门');
      setData((d) => (d ? { ...d, bookings: [saved, ...d.bookings.filter((b) => b.id !== saved.id)] } : d));
      void Taro.pageScrollTo({ scrollTop: 0, duration: 0 });
      await show(account);
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      if (error.code === NETWORK_ERROR && !booking) {
        bookingDrafts.save(draft);
        setNotice('网络异常，预约已暂存在本机，网络恢复后请再次提交');
      } else {
        setFailure(error.message);
        if (SLOT_ERRORS.includes(error.code)) await show(account);
      }
    } finally {
      setBusy(null);
    }
  }

  async function cancel() {
    if (!account || !booking) return;
    const { confirm } = await Taro.showModal({
      title: '取消安检预约',
      content: `确定取消 ${slotLabel(booking.slot, now)} 的上门安检吗？`,
      confirmText: '取消预约',
      cancelText: '不取消',
    });
    if (!confirm) return;
    setBusy('cancel');
    try {
      await cancelInspection(booking.id);
      setNotice('预约已取消');
      await show(account);
    } catch {
      await show(account); // Shown by the wrapper (e.g. past the cut-off meanwhile).
    } finally {
      setBusy(null);
    }
  }

  if (accounts === undefined) return <Text className="empty">加载中…</Text>;
  if (accounts === null) return <Text className="empty">户号加载失败，请下拉重试</Text>;
  if (!account) {
    return (
      <View className="page inspection">
        <Text className="empty">预约安检需要先绑定户号</Text>
        <ActionButton id="inspection-bind" onClick={() => Taro.navigateTo({ url: '/packages/account/index' })}>
          绑定户号
        </ActionButton>
      </View>
    );
  }
  return (
    <View className="page inspection">
      {accounts.length > 1 ? (
        <View className="inspection__accounts">
          {accounts.map((a) => (
            <Text
              key={a.id}
              id={`inspection-account-${a.accountNo}`}
              className={a.id === account.id ? 'chip chip--on' : 'chip'}
              onClick={() => void show(a)}
            >
              {a.label ? `${a.label} ` : ''}
              {a.accountNo}
            </Text>
          ))}
        </View>
      ) : null}
      {notice ? (
        <Text id="inspection-notice" className="notice">
          {notice}
        </Text>
      ) : null}
      {data === null ? <Text className="empty">加载中…</Text> : null}
      {booking ? (
        <BookingCard
          booking={booking}
          now={now}
          rescheduling={rescheduling}
          busy={busy !== null}
          onReschedule={() => setRescheduling(true)}
          onCancel={() => void cancel()}
        >
          {booking.state === BookingState.Booked ? <ReminderButton ticketId={booking.ticket.id} /> : null}
        </BookingCard>
      ) : null}
      {data && !booking && latest && latest.state !== BookingState.Cancelled ? (
        <Text id="inspection-last" className="notice">
          最近一次安检：{slotLabel(latest.slot, now)} {latest.stateLabel}
        </Text>
      ) : null}
      {data && choosing ? (
        <View className="inspection__choose">
          <Text className="inspection__section">
            {booking ? '选择新的上门时段' : `选择上门时段 · ${account.address}`}
          </Text>
          <SlotPicker slots={data.slots} chosen={chosen?.id ?? null} now={now} onChoose={choose} />
        </View>
      ) : null}
      {failure ? (
        <Text id="inspection-error" className="field__error">
          {failure}
        </Text>
      ) : null}
      {data && choosing ? (
        <View className="inspection__bar">
          <Text id="inspection-chosen" className="inspection__chosen">
            {chosen ? slotLabel(chosen, now) : '请选择上门时段'}
          </Text>
          {/* A fixed label per button: Taro's H5 button loses its loading spinner's anchor when React rewrites its text. */}
          <ActionButton
            key={booking ? 'reschedule' : 'book'}
            id="inspection-submit"
            busy={busy === 'submit'}
            disabled={!chosen || busy !== null}
            onClick={() => void submit()}
          >
            {booking ? '确认改约' : '确认预约'}
          </ActionButton>
          {rescheduling ? (
            <ActionButton id="inspection-reschedule-back" tone="secondary" onClick={() => setRescheduling(false)}>
              不改约了
            </ActionButton>
          ) : null}
        </View>
      ) : null}
      <View
        id="inspection-hazards-link"
        className="card row inspection__link"
        onClick={() => Taro.navigateTo({ url: hazardsUrl(account.id) })}
      >
        <Text>我的隐患（整改建议和期限）</Text>
        <Text className="link">›</Text>
      </View>
    </View>
  );
}
