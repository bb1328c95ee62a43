import { Text, View } from '@tarojs/components';
import { BookingState, type InspectionBookingView } from '@utility/shared';
import type { ReactNode } from 'react';
import { ActionButton } from '../../components/action-button';
import { changeBlockedReason, slotLabel } from './slot-days';

interface Props {
  booking: InspectionBookingView;
  now: Date;
  rescheduling: boolean;
  busy: boolean;
  onReschedule: () => void;
  onCancel: () => void;
  /** The reminder subscription, under the booking it reminds of. */
  children?: ReactNode;
}

/** 我的预约: when the inspector comes, where, and what can still be changed. */
export function BookingCard({ booking, now, rescheduling, busy, onReschedule, onCancel, children }: Props) {
  const missed = booking.state === BookingState.Missed;
  const blocked = changeBlockedReason(booking, now);
  return (
    <View id="inspection-booking" className="card booking">
      <View className="row">
        <Text className="card__title booking__title">我的安检预约</Text>
        <Text id="inspection-booking-state" className={missed ? 'badge badge--high' : 'badge badge--status'}>
          {booking.stateLabel}
        </Text>
      </View>
      <Text id="inspection-booking-slot" className="booking__slot">
        {slotLabel(booking.slot, now)}
      </Text>
      <Text className="booking__line">{booking.address}</Text>
      <Text className="muted">
        {booking.planName} · 工单号 {booking.ticket.no}
      </Text>
      {missed ? (
        <Text className="booking__line booking__missed">安检员上门时家中无人，请选择新的上门时段。</Text>
      ) : null}
      {children}
      {blocked ? (
        <Text id="inspection-change-blocked" className="notice booking__blocked">
          {blocked}
        </Text>
      ) : null}
      {!rescheduling && (booking.canReschedule || booking.canCancel) ? (
        <View className="row booking__actions">
          {booking.canReschedule ? (
            <ActionButton
              id="inspection-reschedule"
              tone="secondary"
              size="small"
              disabled={busy}
              onClick={onReschedule}
            >
              {missed ? '重新预约' : '改约'}
            </ActionButton>
          ) : null}
          {booking.canCancel ? (
            <ActionButton id="inspection-cancel" tone="danger" size="small" disabled={busy} onClick={onCancel}>
              取消预约
            </ActionButton>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}
