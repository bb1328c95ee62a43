import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { AdminChangeView, PersonalDataAccessView } from '@utility/shared';
import { useState } from 'react';
import { formatFullTime } from '../../format/time';
import { listAdminChanges, listPersonalDataAccess } from '../../services/api/admin-audit';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './index.scss';

type Log = 'changes' | 'access';
const LOGS: [Log, string][] = [
  ['changes', '管理变更'],
  ['access', '个人信息查阅'],
];
/** Long settings (an SLA table) stay readable in a list: the start, the rest on the API. */
const MAX_SHOWN = 240;

function shown(value: unknown): string {
  if (value === null || value === undefined) return '—';
  const text = JSON.stringify(value);
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

/**
 * 变更记录: every admin change (who, when, what, before and after) and, beside it, who saw unmasked
 * personal data (docs/domain.md#organisation, #personal-data). Admins only, newest first.
 */
function AuditPage() {
  const [log, setLog] = useState<Log>('changes');
  const [changes, setChanges] = useState<AdminChangeView[] | null>(null);
  const [access, setAccess] = useState<PersonalDataAccessView[] | null>(null);

  useDidShow(() => {
    if (!requireStaff()) return;
    // The wrapper shows why a list could not be read; the other still shows.
    void listAdminChanges().then(setChanges, () => setChanges([]));
    void listPersonalDataAccess().then(setAccess, () => setAccess([]));
  });

  const empty = <Text className="empty">暂无记录</Text>;
  return (
    <View className="page">
      <View className="choices">
        {LOGS.map(([key, label]) => (
          <View
            key={key}
            id={`audit-log-${key}`}
            className={log === key ? 'choice choice--on' : 'choice'}
            onClick={() => setLog(key)}
          >
            <Text>{label}</Text>
          </View>
        ))}
      </View>
      {log === 'changes' ? (
        <View id="audit-changes" className="card">
          {changes === null ? <Text className="empty">加载中…</Text> : changes.length ? null : empty}
          {(changes ?? []).map((c) => (
            <View key={c.id} id={`audit-change-${c.id}`} className="audit-entry">
              <Text className="audit-entry__what">
                {c.action} · {c.subjectType} {c.subjectId}
              </Text>
              <Text className="muted audit-entry__line">
                {formatFullTime(c.at)} · {c.staffName}
              </Text>
              <Text className="audit-entry__line">变更前：{shown(c.before)}</Text>
              <Text className="audit-entry__line">变更后：{shown(c.after)}</Text>
            </View>
          ))}
        </View>
      ) : (
        <View id="audit-access" className="card">
          {access === null ? <Text className="empty">加载中…</Text> : access.length ? null : empty}
          {(access ?? []).map((a) => (
            <View key={a.id} id={`audit-access-${a.id}`} className="audit-entry">
              <Text className="audit-entry__what">
                {a.staffName} 查看了 {a.subjectType} {a.subjectId} 的 {a.field}
              </Text>
              <Text className="muted audit-entry__line">{formatFullTime(a.at)}</Text>
            </View>
          ))}
        </View>
      )}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(AuditPage, 'admin-audit', '变更记录');
