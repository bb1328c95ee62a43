import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { BankDebitImportReport } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { importBankDebit } from '../../services/api/counter-payments';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { withDeskFrame } from '../desk/desk-frame';
import { pickFile } from '../../platform/pick-file';
import '../job/index.scss';

/** The columns the server expects, in order (docs/domain.md: bank auto-debit). */
const COLUMNS = 'serialNo,accountNo,period,amount,result,debitedOn,message';

/** 银行代扣导入: billing staff import the bank's auto-debit result file; each line is credited once. */
function BankDebitImportPage() {
  const [fileName, setFileName] = useState('');
  const [report, setReport] = useState<BankDebitImportReport | null>(null);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  useDidShow(() => void requireStaff());

  async function choose() {
    if (!requireStaff()) return;
    const file = await pickFile(['csv']);
    if (!file) return;
    setReport(null);
    setFailure('');
    if (!/\.csv$/i.test(file.name)) return setFailure('请选择银行提供的 .csv 结果文件');
    setFileName(file.name);
    setBusy(true);
    try {
      setReport(await importBankDebit(file.body));
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(`${error.message}（${error.code}）`);
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">导入银行代扣结果</Text>
        <Text className="muted">
          CSV 表头：{COLUMNS}。扣款成功的行按银行流水号入账一次，同一文件重复导入不会重复入账；失败的行逐条列出原因。
        </Text>
        <ActionButton id="bank-debit-choose" busy={busy} onClick={() => void choose()}>
          选择CSV文件并导入
        </ActionButton>
        {fileName ? <Text className="muted">文件：{fileName}</Text> : null}
      </View>
      {failure ? (
        <Text id="bank-debit-failure" className="field__error">
          {failure}
        </Text>
      ) : null}
      {report ? (
        <View id="bank-debit-report" className="card">
          <Text className="card__title">导入完成：共 {report.lines} 行</Text>
          <Text id="bank-debit-credited">本次入账 {report.credited} 行</Text>
          <Text id="bank-debit-already">此前已入账 {report.alreadyCredited} 行（未重复入账）</Text>
          <Text id="bank-debit-failed">未入账 {report.failures.length} 行</Text>
          {report.failures.map((f) => (
            <Text key={f.line} id={`bank-debit-failure-${f.line}`} className="field__error">
              第{f.line}行 · 流水号 {f.serialNo || '—'} · 户号 {f.accountNo || '—'}：{f.message}
            </Text>
          ))}
        </View>
      ) : null}
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(BankDebitImportPage, 'bank-debit', '银行代扣导入');
