import { Progress, Text, View } from '@tarojs/components';
import Taro, { useUnload } from '@tarojs/taro';
import { ACCOUNT_IMPORT_COLUMNS, type ImportJobStatus, type ImportJobView } from '@utility/shared';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { importContentType, importJob, startAccountImport } from '../../services/api/admin-accounts';
import { requireStaff } from '../../services/session';
import { importPercent } from './account-admin';
import { pickFile } from '../../platform/pick-file';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './index.scss';

const STATUS_LABELS: Record<ImportJobStatus, string> = {
  queued: '排队中',
  validating: '正在逐行校验',
  importing: '正在导入',
  done: '导入完成',
  failed: '未导入',
};
const POLL_MS = 1000;

/** 客户档案导入: upload a CSV/XLSX, follow its progress, read the line-by-line report. */
function AccountImportPage() {
  const [fileName, setFileName] = useState('');
  const [job, setJob] = useState<ImportJobView | null>(null);
  const [busy, setBusy] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  useUnload(() => timer.current && clearTimeout(timer.current));

  const follow = (jobId: string) => {
    timer.current = setTimeout(async () => {
      try {
        const next = await importJob(jobId);
        setJob(next);
        if (next.status === 'done' || next.status === 'failed') return setBusy(false);
      } catch {
        // A lost poll is retried on the next tick.
      }
      follow(jobId);
    }, POLL_MS);
  };

  async function choose() {
    if (!requireStaff()) return;
    const file = await pickFile(['csv', 'xlsx']);
    if (!file) return;
    const type = importContentType(file.name);
    if (!type) {
      void Taro.showToast({ title: '请选择 .csv 或 .xlsx 文件', icon: 'none' });
      return;
    }
    setFileName(file.name);
    setJob(null);
    setBusy(true);
    try {
      const { jobId } = await startAccountImport(file, type);
      follow(jobId);
    } catch {
      setBusy(false);
    }
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">导入客户档案</Text>
        <Text className="muted">
          支持 CSV（UTF-8 或 GBK）和
          XLSX（第一个工作表）。整份文件全部校验通过才会导入，任何一行有错则不导入任何数据；已有户号按文件内容更新，户主姓名变更视为过户。
        </Text>
        <View className="import-columns">
          {ACCOUNT_IMPORT_COLUMNS.map((c) => (
            <Text key={c.field} className="import-column">
              {c.header}
              {c.required ? <Text className="text-breached">*</Text> : null}
              <Text className="muted">：{c.hint}</Text>
            </Text>
          ))}
        </View>
        <ActionButton id="import-choose" busy={busy} onClick={() => void choose()}>
          选择文件并导入
        </ActionButton>
      </View>

      {job ? (
        <View id="import-job" className="card">
          <View className="row">
            <Text className="card__title">{fileName}</Text>
            <Text
              id="import-status"
              className={job.status === 'failed' ? 'text-breached' : job.status === 'done' ? 'text-ok' : ''}
            >
              {STATUS_LABELS[job.status]}
            </Text>
          </View>
          <Progress percent={importPercent(job)} strokeWidth={8} activeColor="#0b5cad" showInfo />
          <Text className="muted">
            {job.status === 'validating' ? `已校验 ${job.processed} 行` : `${job.processed} / ${job.total} 行`}
          </Text>
          {job.status === 'done' ? (
            <Text id="import-summary" className="import-summary">
              新建 {job.created} 户，更新 {job.updated} 户（其中过户 {job.holderChanges} 户），未变 {job.unchanged} 户
            </Text>
          ) : null}
          {job.status === 'failed' ? (
            <View id="import-errors" className="import-errors">
              <Text className="text-breached">
                共 {job.errorCount} 处错误，未导入任何数据
                {job.errorCount > job.errors.length ? `（显示前 ${job.errors.length} 处）` : ''}，请修改后重新上传。
              </Text>
              {job.errors.map((e, i) => (
                <View key={i} className="import-error">
                  <Text className="import-error__where">
                    {e.line ? `第${e.line}行` : '文件'}
                    {e.column ? ` · ${e.column}` : ''}
                  </Text>
                  <Text>{e.message}</Text>
                </View>
              ))}
            </View>
          ) : null}
        </View>
      ) : null}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(AccountImportPage, 'admin-accounts', '导入客户档案');
