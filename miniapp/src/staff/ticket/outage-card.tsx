import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { StaffView, TicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { formatFullTime } from '../../format/time';
import { unlinkFromOutage } from '../../services/api/outages';
import { OUTAGE_ROLES } from '../home-entries';

/** 属于停气 #… 预计恢复 …: the text a linked fault shows in the ticket and the queue. */
export function outageLine(ticket: Pick<TicketView, 'outage'>): string | null {
  const o = ticket.outage;
  if (!o) return null;
  return o.restoredAt
    ? `属于${o.label} #${o.outageId}，已于${formatFullTime(o.restoredAt)}恢复`
    : `属于${o.label} #${o.outageId}，预计${formatFullTime(o.restoreBy)}恢复`;
}

/**
 * A fault linked to an outage (docs/domain.md#outages): no technician is sent while it is linked.
 * Dispatch may take it out (解除关联) when it is a fault of its own: its on-site clock starts then.
 */
export function OutageCard({
  ticket,
  staff,
  onChanged,
}: {
  ticket: TicketView;
  staff: StaffView;
  onChanged: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const line = outageLine(ticket);
  if (!line || !ticket.outage) return null;
  const outageId = ticket.outage.outageId;

  async function unlink() {
    const { confirm } = await Taro.showModal({
      title: '解除关联',
      content: '解除后按单独故障处理，上门时限从现在开始计时。确定解除吗？',
    });
    if (!confirm) return;
    setBusy(true);
    try {
      await unlinkFromOutage(outageId, ticket.id);
      onChanged();
    } catch {
      // Shown by the wrapper.
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="ticket-outage" className="card">
      <Text id="ticket-outage-line" className="ticket__line">
        {line}
      </Text>
      <Text className="muted">停供原因：{ticket.outage.reason}</Text>
      {OUTAGE_ROLES.includes(staff.role) && !ticket.outage.restoredAt ? (
        <ActionButton id="ticket-outage-unlink" tone="secondary" busy={busy} onClick={() => void unlink()}>
          解除关联
        </ActionButton>
      ) : null}
    </View>
  );
}
