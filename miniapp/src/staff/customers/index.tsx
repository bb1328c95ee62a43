import { Button, Input, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import {
  TICKET_STATUS_LABELS,
  TICKET_TYPE_LABELS,
  type AccountHistoryView,
  type StaffSearchResult,
} from '@utility/shared';
import { useState } from 'react';
import { useDeskLayout } from '../../hooks/desk-layout';
import { findAccountHistory, searchCustomers } from '../../services/api/account-history';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { DeskConsole } from '../desk/desk-console';
import { historySections } from './history-sections';
import { SEARCH_HINT, searchError } from './search-query';
import './index.scss';

const openTicket = (id: number) => void Taro.navigateTo({ url: `/staff/ticket/index?id=${id}` });

function History({ history }: { history: AccountHistoryView }) {
  const { account } = history;
  return (
    <View id="customer-history">
      <View className="card">
        <Text id="customer-history-title" className="card__title">
          户号 {account.accountNo} · {account.holderName}
        </Text>
        <Text className="muted">
          {account.address} · {account.districtName}
        </Text>
      </View>
      {historySections(history).map((s) => (
        <View key={s.id} id={`customer-history-${s.id}`} className="card">
          <Text className="card__title">
            {s.title}（{s.lines.length}）
          </Text>
          {s.lines.length === 0 ? <Text className="muted">{s.empty}</Text> : null}
          {s.lines.map((line) => (
            <View
              key={line.key}
              className="customer-line"
              onClick={line.ticketId !== undefined ? () => openTicket(line.ticketId!) : undefined}
            >
              <View className="row">
                <Text className="customer-line__title">{line.title}</Text>
                {line.tag ? (
                  <Text className={`customer-line__tag customer-line__tag--${line.tag.tone}`}>{line.tag.text}</Text>
                ) : null}
              </View>
              <Text className="muted">{line.detail}</Text>
            </View>
          ))}
        </View>
      ))}
    </View>
  );
}

/** 客户查询 on a phone: search, the accounts and tickets found, one account's whole history. At a desk, the console. */
export default function CustomersPage() {
  const desk = useDeskLayout();
  const [q, setQ] = useState('');
  const [error, setError] = useState('');
  const [result, setResult] = useState<StaffSearchResult | null>(null);
  const [history, setHistory] = useState<AccountHistoryView | null>(null);
  const [busy, setBusy] = useState(false);

  async function search() {
    if (!requireStaff()) return;
    const problem = searchError(q);
    setError(problem ?? '');
    if (problem || busy) return;
    setBusy(true);
    try {
      setResult(await searchCustomers(q));
      setHistory(null);
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
    } finally {
      setBusy(false);
    }
  }

  async function openAccount(accountNo: string) {
    try {
      setHistory(await findAccountHistory(accountNo));
    } catch {
      // Shown by the request wrapper.
    }
  }

  if (desk) return <DeskConsole initial={{ kind: 'customers' }} />;
  return (
    <View className="page">
      <View className="card">
        <View className="row">
          <Input
            id="customer-q"
            className="field__input customer-search__input"
            placeholder={SEARCH_HINT}
            value={q}
            confirmType="search"
            onInput={(e) => setQ(e.detail.value)}
            onConfirm={() => void search()}
          />
          <Button id="customer-search" className="btn btn--primary btn--small" onClick={() => void search()}>
            查询
          </Button>
        </View>
        {error ? (
          <Text id="customer-q-error" className="field__error">
            {error}
          </Text>
        ) : null}
      </View>
      {history ? (
        <History history={history} />
      ) : result ? (
        <View id="customer-results">
          {result.accounts.length === 0 && result.tickets.length === 0 ? (
            <Text className="empty">未找到匹配的客户或工单</Text>
          ) : null}
          {result.accounts.map((a) => (
            <View
              key={a.accountNo}
              id={`customer-account-${a.accountNo}`}
              className="card"
              onClick={() => void openAccount(a.accountNo)}
            >
              <Text className="card__title">
                {a.accountNo} · {a.holderName}
              </Text>
              <Text className="muted">
                {a.address} · {a.districtName}
              </Text>
            </View>
          ))}
          {result.tickets.map((t) => (
            <View key={t.id} id={`customer-ticket-${t.no}`} className="card" onClick={() => openTicket(t.id)}>
              <Text className="card__title">
                {t.no} · {TICKET_TYPE_LABELS[t.type]} · {TICKET_STATUS_LABELS[t.status]}
              </Text>
              <Text className="muted">{t.address}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
