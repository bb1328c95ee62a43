import { TICKET_STATUS_LABELS, TICKET_TYPE_LABELS, type StaffSearchResult } from '@utility/shared';
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { findAccountHistory, searchCustomers } from '../../services/api/account-history';
import { ApiRequestError } from '../../services/api/request';
import { SEARCH_HINT, searchError } from '../customers/search-query';
import { HistoryPane, type History } from './history-pane.h5';
import './customer-desk.scss';

const MATCHED_BY: Record<StaffSearchResult['matchedBy'], string> = {
  accountNo: '按户号',
  ticketNo: '按工单号',
  phone: '按电话（已记录查询）',
  address: '按地址',
};

/** ArrowDown / ArrowUp move between the search box and the results, as Tab and Shift+Tab do. */
function moveAmongResults(e: KeyboardEvent<HTMLElement>, list: HTMLElement | null) {
  if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
  const items = [...(list?.querySelectorAll<HTMLElement>('.desk-result') ?? [])];
  if (!items.length) return;
  e.preventDefault();
  const at = items.indexOf(document.activeElement as HTMLElement);
  if (e.key === 'ArrowDown') items[Math.min(items.length - 1, at + 1)].focus();
  else if (at > 0) items[at - 1].focus();
  else document.getElementById('desk-customer-q')?.focus();
}

/**
 * 客户查询 at a desk: the search box (户号, ticket number, phone, address fragment) with Enter, the accounts
 * and tickets it finds (arrows or Tab to choose, Enter to open), the chosen account's whole history beside.
 */
export function CustomerDesk({
  initialAccountNo,
  onOpenTicket,
}: {
  initialAccountNo?: string;
  onOpenTicket: (ticketId: number) => void;
}) {
  const [q, setQ] = useState(initialAccountNo ?? '');
  const [error, setError] = useState('');
  const [result, setResult] = useState<StaffSearchResult | null>(null);
  const [busy, setBusy] = useState(false);
  const [history, setHistory] = useState<History>({ state: 'none' });
  const inputRef = useRef<HTMLInputElement>(null);
  const listRef = useRef<HTMLDivElement>(null);
  const opened = history.state === 'found' ? history.history.account.accountNo : null;

  async function openAccount(accountNo: string) {
    setHistory({ state: 'loading', accountNo });
    try {
      const found = await findAccountHistory(accountNo);
      setHistory(found ? { state: 'found', history: found } : { state: 'missing', accountNo });
    } catch {
      setHistory({ state: 'none' });
    }
  }

  async function search() {
    const problem = searchError(q);
    setError(problem ?? '');
    if (problem || busy) return;
    setBusy(true);
    try {
      setResult(await searchCustomers(q));
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
    } finally {
      setBusy(false);
    }
  }

  useEffect(() => {
    inputRef.current?.focus();
    if (initialAccountNo) {
      void search();
      void openAccount(initialAccountNo);
    }
    // Once, for the 户号 the console was opened with.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return (
    <div className="desk-customers">
      <section className="desk-panel desk-customers__search">
        <header className="desk-panel__head">
          <h1 className="desk-panel__title">客户查询</h1>
        </header>
        <form
          id="desk-customer-form"
          className="desk-customers__form"
          onSubmit={(e) => {
            e.preventDefault();
            void search();
          }}
        >
          <input
            id="desk-customer-q"
            ref={inputRef}
            className="desk-input"
            aria-label="户号、工单号、电话或地址"
            placeholder={SEARCH_HINT}
            value={q}
            aria-invalid={error ? true : undefined}
            onChange={(e) => setQ(e.target.value)}
            onKeyDown={(e) => moveAmongResults(e, listRef.current)}
          />
          <button type="submit" id="desk-customer-submit" className="desk-btn desk-btn--primary" disabled={busy}>
            查询（Enter）
          </button>
        </form>
        {error ? (
          <div id="desk-customer-error" className="desk-field__error">
            {error}
          </div>
        ) : null}
        <div className="desk-muted">↓↑ 或 Tab 选择，Enter 打开</div>
        <div id="desk-customer-results" ref={listRef} onKeyDown={(e) => moveAmongResults(e, listRef.current)}>
          {result ? (
            <>
              <h3 className="desk-account__head">
                客户 <span className="desk-count">{result.accounts.length}</span>
                <span className="desk-muted"> {MATCHED_BY[result.matchedBy]}</span>
              </h3>
              {result.accounts.length === 0 && result.tickets.length === 0 ? (
                <div id="desk-customer-none" className="desk-muted">
                  未找到匹配的客户或工单
                </div>
              ) : null}
              {result.accounts.map((a) => (
                <button
                  type="button"
                  key={a.accountNo}
                  id={`desk-customer-account-${a.accountNo}`}
                  className={a.accountNo === opened ? 'desk-result desk-result--open' : 'desk-result'}
                  onClick={() => void openAccount(a.accountNo)}
                >
                  <span className="desk-result__title">
                    {a.accountNo} · {a.holderName}
                  </span>
                  <span className="desk-muted">
                    {a.address} · {a.districtName}
                  </span>
                </button>
              ))}
              <h3 className="desk-account__head">
                工单 <span className="desk-count">{result.tickets.length}</span>
              </h3>
              {result.tickets.map((t) => (
                <button
                  type="button"
                  key={t.id}
                  id={`desk-customer-ticket-${t.no}`}
                  className="desk-result"
                  onClick={() => (t.accountNo ? void openAccount(t.accountNo) : onOpenTicket(t.id))}
                >
                  <span className="desk-result__title">
                    {t.no} · {TICKET_TYPE_LABELS[t.type]} · {TICKET_STATUS_LABELS[t.status]}
                  </span>
                  <span className="desk-muted">{t.address}</span>
                </button>
              ))}
            </>
          ) : null}
        </div>
      </section>
      <section className="desk-panel desk-customers__history">
        <HistoryPane history={history} onOpenTicket={onOpenTicket} />
      </section>
    </div>
  );
}
