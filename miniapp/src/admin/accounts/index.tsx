import { Input, Text, View } from '@tarojs/components';
import Taro, { useDidShow } from '@tarojs/taro';
import { UTILITY_LABELS, type AdminAccountPage } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { searchAccounts } from '../../services/api/admin-accounts';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './index.scss';

/** 客户档案: find an account by 户号 prefix, holder or address; the import is one tap away. */
function AccountsPage() {
  const [q, setQ] = useState('');
  const [result, setResult] = useState<AdminAccountPage | null>(null);
  const [busy, setBusy] = useState(false);

  async function search(page = 1) {
    if (!requireStaff()) return;
    setBusy(true);
    try {
      setResult(await searchAccounts(q.trim(), page));
    } catch {
      // The request wrapper has shown why.
    } finally {
      setBusy(false);
    }
  }

  useDidShow(() => void requireStaff());

  const pages = result ? Math.max(1, Math.ceil(result.total / result.pageSize)) : 1;
  return (
    <View className="page">
      <ActionButton
        id="open-import"
        tone="secondary"
        onClick={() => void Taro.navigateTo({ url: '/admin/accounts/import' })}
      >
        导入客户档案（CSV / XLSX）
      </ActionButton>
      <View className="card search">
        <Input
          id="account-search"
          className="search__input"
          value={q}
          placeholder="户号、户主姓名或地址"
          confirmType="search"
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => void search()}
        />
        <ActionButton id="account-search-go" size="small" busy={busy} onClick={() => void search()}>
          查询
        </ActionButton>
      </View>
      {result ? (
        <View>
          <Text className="muted">共 {result.total} 户</Text>
          {result.items.length ? null : <View className="empty">没有找到相关户号</View>}
          {result.items.map((a) => (
            <View
              key={a.accountNo}
              id={`account-${a.accountNo}`}
              className="card"
              onClick={() => void Taro.navigateTo({ url: `/admin/accounts/detail?accountNo=${a.accountNo}` })}
            >
              <View className="row">
                <Text>
                  <Text className="account-item__no">{a.accountNo}</Text>
                  {a.holderName}
                </Text>
                <Text className={a.active ? 'muted' : 'text-breached'}>
                  {UTILITY_LABELS[a.utility]}
                  {a.active ? '' : ' · 已停用'}
                </Text>
              </View>
              <Text className="muted">{a.address}</Text>
            </View>
          ))}
          {pages > 1 ? (
            <View className="row">
              <ActionButton
                tone="secondary"
                size="small"
                disabled={result.page <= 1}
                onClick={() => void search(result.page - 1)}
              >
                上一页
              </ActionButton>
              <Text className="muted">
                {result.page} / {pages}
              </Text>
              <ActionButton
                tone="secondary"
                size="small"
                disabled={result.page >= pages}
                onClick={() => void search(result.page + 1)}
              >
                下一页
              </ActionButton>
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(AccountsPage, 'admin-accounts', '客户档案');
