import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { Role, TICKET_STATUS_LABELS, type StaffView, type TicketDetailView, type TicketRef } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { linkTicket } from '../../services/api/tickets';

const LINKING_ROLES: readonly Role[] = [Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Admin];

const openTicket = (ref: TicketRef) => void Taro.navigateTo({ url: `/staff/ticket/index?id=${ref.id}` });

interface Props {
  ticket: TicketDetailView;
  staff: StaffView;
  onChanged: () => void;
}

/**
 * Duplicate reports (docs/domain.md#duplicates): an earlier open ticket of the same work at the same
 * address or building is flagged, and a desk may link this one to it; the parent and children are listed.
 */
export function DuplicateCard({ ticket, staff, onChanged }: Props) {
  const [busy, setBusy] = useState(false);
  const duplicate = ticket.possibleDuplicateOf;
  if (!duplicate && !ticket.parent && !ticket.children.length) return null;
  const mayLink = (staff.roles ?? [staff.role]).some((r) => LINKING_ROLES.includes(r));

  async function link(parent: TicketRef) {
    setBusy(true);
    try {
      await linkTicket(ticket.id, parent.id);
      void Taro.showToast({ title: '已并入', icon: 'success' });
      onChanged();
    } catch {
      // The wrapper has shown why.
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="ticket-duplicate" className="card ticket__duplicate">
      {duplicate ? (
        <>
          <Text className="card__title">可能重复报修</Text>
          <Text className="muted" onClick={() => openTicket(duplicate)}>
            工单 {duplicate.no}（{TICKET_STATUS_LABELS[duplicate.status]}）{duplicate.address}
          </Text>
          {mayLink ? (
            <ActionButton id="ticket-link" busy={busy} onClick={() => void link(duplicate)}>
              并入该工单，不再重复派单
            </ActionButton>
          ) : null}
        </>
      ) : null}
      {ticket.parent ? (
        <Text id="ticket-parent" className="muted" onClick={() => openTicket(ticket.parent!)}>
          已并入工单 {ticket.parent.no}，随该工单一并处理
        </Text>
      ) : null}
      {ticket.children.length ? (
        <Text id="ticket-children" className="muted">
          并入本单的重复报修：{ticket.children.map((c) => c.no).join('、')}
        </Text>
      ) : null}
    </View>
  );
}
