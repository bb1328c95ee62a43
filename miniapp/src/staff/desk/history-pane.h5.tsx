import { formatYuan, type AccountHistoryView } from '@utility/shared';
import { UTILITY_LABELS } from '../../format/accounts';
import { historySections } from '../customers/history-sections';

export type History =
  | { state: 'none' }
  | { state: 'loading'; accountNo: string }
  | { state: 'found'; history: AccountHistoryView }
  | { state: 'missing'; accountNo: string };

/** An account's whole history: tickets, bills and payments, hazards, inspections, ratings, return visits. */
export function HistoryPane({ history, onOpenTicket }: { history: History; onOpenTicket: (id: number) => void }) {
  if (history.state === 'none') return <div className="desk-muted">选择左侧的户号查看该户全部服务记录。</div>;
  if (history.state === 'loading') return <div className="desk-muted">正在查询户号 {history.accountNo}…</div>;
  if (history.state === 'missing')
    return <div className="desk-notice desk-notice--warn">未找到户号 {history.accountNo}</div>;
  const { account, arrears } = history.history;
  return (
    <div id="desk-history" className="desk-history">
      <header className="desk-panel__head">
        <h2 id="desk-history-title" className="desk-panel__title">
          户号 {account.accountNo} · {account.holderName}
        </h2>
        {account.keyCustomer ? <span className="desk-tag desk-tag--high">重点用户</span> : null}
        {account.active ? null : <span className="desk-tag desk-tag--emergency">已销户</span>}
      </header>
      <div className="desk-muted">
        {account.address} · {UTILITY_LABELS[account.utility] ?? account.utility} · {account.districtName} ·{' '}
        {account.stationName}
      </div>
      <div
        id="desk-history-arrears"
        className={arrears.unpaidFen ? 'desk-arrears desk-arrears--owing' : 'desk-arrears'}
      >
        {arrears.unpaidFen ? `未缴 ${formatYuan(arrears.unpaidFen)}` : '无欠费'}
      </div>
      <div className="desk-history__grid">
        {historySections(history.history).map((s) => (
          <section key={s.id} id={`desk-history-${s.id}`} className="desk-section desk-history__section">
            <h3 className="desk-account__head">
              {s.title} <span className="desk-count">{s.lines.length}</span>
            </h3>
            {s.lines.length === 0 ? <div className="desk-muted">{s.empty}</div> : null}
            <ul className="desk-list">
              {s.lines.map((line) => (
                <li key={line.key}>
                  {line.ticketId !== undefined && (s.id === 'open' || s.id === 'past') ? (
                    <button type="button" className="desk-link" onClick={() => onOpenTicket(line.ticketId!)}>
                      {line.title}
                    </button>
                  ) : (
                    <span>{line.title}</span>
                  )}
                  {line.tag ? (
                    <span className={`desk-tag desk-history__tag--${line.tag.tone}`}>{line.tag.text}</span>
                  ) : null}
                  <div className="desk-muted">{line.detail}</div>
                </li>
              ))}
            </ul>
          </section>
        ))}
      </div>
    </div>
  );
}
