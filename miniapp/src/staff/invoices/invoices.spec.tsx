import { render, screen, waitFor } from '@testing-library/react';
import { Role, type StaffInvoiceView } from '@utility/shared';
import { staffLogin } from '../../../test/factories/tickets';
import { answer, serve, sent } from '../../../test/serve';
import { byId, tap, typeInto } from '../../../test/taro-events';
import * as taro from '../../../test/taro-mock';
import { saveSession } from '../../services/session';
import StaffInvoicesPage from './index';

const invoice = (over: Partial<StaffInvoiceView> = {}): StaffInvoiceView => ({
  id: 7,
  paymentId: 41,
  subject: '燃气费 2026-10',
  amountFen: 37_380,
  awaitingTitle: false,
  titleKind: 'company',
  titleName: '某某科技有限公司',
  taxNo: '91350100M000100Y43',
  status: 'issued',
  fapiaoNumber: '12897794',
  inCardWallet: true,
  requestedAt: '2026-11-23T06:20:00Z',
  issuedAt: '2026-11-23T06:21:00Z',
  reversedAt: null,
  replacesId: null,
  replacedById: null,
  accountNo: '9100000001',
  orderNo: 'W20261123A1B2C3D4E5F60718',
  ...over,
});

beforeEach(() => {
  taro.resetTaroMock();
  saveSession(staffLogin(Role.Agent));
});

describe('发票管理 (billing staff)', () => {
  it("lists the district's invoices and filters them by status and 户号", async () => {
    serve({
      'GET /api/staff/invoices': () =>
        answer(200, [
          invoice(),
          invoice({ id: 6, status: 'reversed', titleName: '某某燃气用户公司', fapiaoNumber: '10000001' }),
        ]),
      'GET /api/staff/invoices?status=reversed&accountNo=9100000001': () => answer(200, []),
    });
    render(<StaffInvoicesPage />);

    await waitFor(() => expect(byId('invoice-7').textContent).toContain('已开票'));
    for (const part of ['9100000001', '某某科技有限公司', '91350100M000100Y43', '¥373.80', '单位', '12897794'])
      expect(byId('invoice-7').textContent).toContain(part);
    expect(byId('invoice-6').textContent).toContain('已冲红');

    await typeInto('invoices-account', '9100000001');
    await tap('invoices-status-reversed');
    expect(await screen.findByText('没有符合条件的发票')).toBeTruthy();
    expect(sent()).toEqual(['GET /api/staff/invoices', 'GET /api/staff/invoices?status=reversed&accountNo=9100000001']);
  });
});
