import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { CustomerDesk } from './customer-desk.h5';
import { DeskShell, useDeskNav, type DeskView } from './desk-shell.h5';
import { IntakeDesk } from './intake-desk.h5';
import { QueueDesk } from './queue-desk.h5';
import { TicketPane } from './ticket-pane.h5';

export type { DeskView };

/**
 * The staff console at a desk (≥ 1024 px, H5): navigation on the left, the work beside it.
 * The field keeps the phone pages (docs/architecture.md#miniapp).
 */
export function DeskConsole({ initial }: { initial: DeskView }) {
  const nav = useDeskNav();
  const { staff, queues, reloadQueues } = nav;
  const [view, setView] = useState<DeskView>(initial);

  const queueId = view.kind === 'queue' ? (view.queueId ?? queues?.[0]?.id) : undefined;
  const currentQueue = queues?.find((q) => q.id === queueId);
  const title =
    view.kind === 'intake'
      ? '电话受理'
      : view.kind === 'customers'
        ? '客户查询'
        : view.kind === 'ticket'
          ? '工单详情'
          : (currentQueue?.name ?? '工单队列');
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title });
  }, [title]);

  if (!staff) return <div className="desk" />;
  const openTicket = (ticketId: number) => setView({ kind: 'ticket', ticketId });
  const active = view.kind === 'queue' ? `queue-${queueId}` : view.kind;

  return (
    <DeskShell nav={{ ...nav, staff }} active={active} onSelect={setView}>
      {view.kind === 'intake' ? (
        <IntakeDesk
          onOpenTicket={openTicket}
          onOpenHistory={(accountNo) => setView({ kind: 'customers', accountNo })}
        />
      ) : null}
      {view.kind === 'customers' ? (
        <CustomerDesk key={view.accountNo ?? ''} initialAccountNo={view.accountNo} onOpenTicket={openTicket} />
      ) : null}
      {view.kind === 'ticket' ? (
        <div className="desk-solo">
          <TicketPane ticketId={view.ticketId} staff={staff} onChanged={reloadQueues} />
        </div>
      ) : null}
      {view.kind === 'queue' && currentQueue ? (
        <QueueDesk
          key={currentQueue.id}
          queue={currentQueue}
          staff={staff}
          initialTicketId={view.ticketId}
          onChanged={reloadQueues}
        />
      ) : null}
      {view.kind === 'queue' && queues !== null && !currentQueue ? (
        <div className="desk-empty">{queues.length ? '请选择队列' : '暂无可处理的队列'}</div>
      ) : null}
    </DeskShell>
  );
}
