import { render, waitFor } from '@testing-library/react';
import { Role } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import BankDebitImportPage from './index';
import { pickFile } from '../../platform/pick-file';

jest.mock('../../platform/pick-file', () => ({ pickFile: jest.fn() }));
const picked = pickFile as jest.MockedFunction<typeof pickFile>;
const CSV =
  'serialNo,accountNo,period,amount,result,debitedOn,message\nBK-1,9100000001,2026-10,373.80,success,2026-11-21,\n';

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
  picked.mockResolvedValue({ name: '代扣结果.csv', body: new Blob([CSV], { type: 'text/csv' }) });
});

describe('银行代扣导入 (bank auto-debit import)', () => {
  it('sends the chosen CSV and shows what was credited, already credited and refused, with why', async () => {
    serve({
      'POST /api/staff/payments/bank-debit/import': () =>
        answer(200, {
          lines: 4,
          credited: 2,
          alreadyCredited: 1,
          failures: [{ line: 5, serialNo: 'BK-4', accountNo: '9100000004', message: '银行扣款失败：余额不足' }],
        }),
    });
    render(<BankDebitImportPage />);
    await tap('bank-debit-choose');

    await waitFor(() => expect(byId('bank-debit-report').textContent).toContain('导入完成：共 4 行'));
    expect(byId('bank-debit-credited').textContent).toBe('本次入账 2 行');
    expect(byId('bank-debit-already').textContent).toBe('此前已入账 1 行（未重复入账）');
    expect(byId('bank-debit-failed').textContent).toBe('未入账 1 行');
    expect(byId('bank-debit-failure-5').textContent).toBe(
      '第5行 · 流水号 BK-4 · 户号 9100000004：银行扣款失败：余额不足',
    );
    const [post] = taro.request.mock.calls.map(([o]) => o);
    expect(post.header['Content-Type']).toBe('text/csv');
    expect(post.data).toBeInstanceOf(Blob);
    expect(sent()).toEqual(['POST /api/staff/payments/bank-debit/import']);
  });

  it('shows the server’s refusal of the file with its error code, and credits nothing', async () => {
    serve({
      'POST /api/staff/payments/bank-debit/import': () =>
        answer(400, {
          code: 'VALIDATION_FAILED',
          message: '表头应为 serialNo,accountNo,period,amount,result,debitedOn,message',
        }),
    });
    render(<BankDebitImportPage />);
    await tap('bank-debit-choose');

    await waitFor(() =>
      expect(byId('bank-debit-failure').textContent).toBe(
        '表头应为 serialNo,accountNo,period,amount,result,debitedOn,message（VALIDATION_FAILED）',
      ),
    );
    expect(document.getElementById('bank-debit-report')).toBeNull();
  });

  it('refuses a file that is not a CSV before sending anything', async () => {
    picked.mockResolvedValue({ name: '代扣结果.xlsx', body: new Blob(['x']) });
    render(<BankDebitImportPage />);
    await tap('bank-debit-choose');
    await waitFor(() => expect(byId('bank-debit-failure').textContent).toBe('请选择银行提供的 .csv 结果文件'));
    expect(sent()).toEqual([]);
  });
});
