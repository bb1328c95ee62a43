import { formatYuan } from '@utility/shared';
import { currentPage, eventually, pageSettled, staffLogin, step } from '../support/browser';
import { queryRows } from '../support/db';
import { useJourney } from '../support/journey';
import { loginAndBind, residentToken } from '../support/resident';
import { api } from '../support/server-process';

/** Demo accounts of the east district, each with an unpaid October bill due 2026-11-20 (no demo history here). */
const DEBITED = '9100000002';
/** Its holder, as binding asks (server/src/seed/demo-organisation.ts; README's table). */
const DEBITED_HOLDER = { accountNo: DEBITED, holderName: '李建华', secondFact: '5838' };
const REFUSED = '9100000003';
const LATE = '9100000004';
const yuan = (fen: number) => (fen / 100).toFixed(2);

/**
 * Billing staff's money pages in a real browser against the built server and its H5 build
 * (docs/domain.md#payments, #arrears): an agent imports the bank's auto-debit result file — one line credited,
 * one failed and listed with the bank's reason, the same file again credits nothing —, the account's resident
 * asks for the bank payment's e-invoice (WeChat Pay's title page: the fake's stand-in sheet) and finds it issued,
 * and a supervisor waives an overdue bill's late fee (滞纳金, on at 1‰ a day here) with a reason.
 */
describe('browser', () => {
  const journey = useJourney({ LATE_FEE_PER_DAY_PERMILLE: '1', LATE_FEE_CAP_PERMILLE: '300' });

  const october = async (accountNo: string) => {
    const [bill] = await queryRows<{ id: number; amountFen: number; status: string }>(
      journey.db,
      "SELECT b.id, b.amountFen, b.status FROM bill b JOIN account a ON a.id = b.accountId WHERE a.accountNo = ? AND b.period = '2026-10'",
      [accountNo],
    );
    return { ...bill, amountFen: Number(bill.amountFen) };
  };

  it('bank auto-debit import and late-fee waiver journey', async () => {
    const debited = await october(DEBITED);
    const refused = await october(REFUSED);
    const csv = [
      'serialNo,accountNo,period,amount,result,debitedOn,message',
      `BKE2E0001,${DEBITED},2026-10,${yuan(debited.amountFen)},success,2026-11-18,`,
      `BKE2E0002,${REFUSED},2026-10,${yuan(refused.amountFen)},failed,2026-11-18,余额不足`,
    ].join('\n');
    const file = { name: 'bank-20261118.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

    // 1. agent1 → 银行代扣导入 → the bank's file: one line credited, one listed with the bank's reason.
    const agent = await journey.phone();
    const { page } = agent;
    const screen = () => currentPage(page);
    await step(agent, 'bank-debit-import', async () => {
      await staffLogin(page, 'agent1');
      await page.locator('#bank-debit-entry').click();
      await page.waitForURL(/#\/staff\/bank-debit\/index/);
      await screen().locator('#bank-debit-choose').waitFor();
      await pageSettled(page);
      const chooser = page.waitForEvent('filechooser');
      await screen().locator('#bank-debit-choose').click();
      await (await chooser).setFiles(file);
      await screen().locator('#bank-debit-report').waitFor();
      expect(await screen().locator('#bank-debit-credited').innerText()).toBe('本次入账 1 行');
      expect(await screen().locator('#bank-debit-failed').innerText()).toBe('未入账 1 行');
      expect(await screen().locator('#bank-debit-failure-3').innerText()).toContain(`户号 ${REFUSED}：`);
      expect(await screen().locator('#bank-debit-failure-3').innerText()).toContain('余额不足');
    });
    expect((await october(DEBITED)).status).toBe('paid');
    expect((await october(REFUSED)).status).toBe('unpaid');

    // 2. The same file again: nothing credited twice.
    await step(agent, 'bank-debit-import-again', async () => {
      const chooser = page.waitForEvent('filechooser');
      await screen().locator('#bank-debit-choose').click();
      await (await chooser).setFiles(file);
      await eventually(async () =>
        expect(await screen().locator('#bank-debit-already').innerText()).toBe('此前已入账 1 行（未重复入账）'),
      );
      expect(await screen().locator('#bank-debit-credited').innerText()).toBe('本次入账 0 行');
    });
    const payments = await queryRows(journey.db, "SELECT id FROM payment_order WHERE orderNo = 'BBKE2E0001'");
    expect(payments).toHaveLength(1);

    // 3. The account's resident: 缴费记录 → the bank payment → 开发票 → WeChat Pay's title page (H5: the fake's
    //    sheet) → 个人 张三 → submitted; WeChat Pay's fake issues it into the card wallet.
    const resident = await journey.phone();
    const rp = resident.page;
    const { account } = await step(resident, 'login-bind', () => loginAndBind(rp, 'bank-debit-payer', DEBITED_HOLDER));
    await step(resident, 'bank-payment-invoice', async () => {
      const view = () => currentPage(rp);
      await view().locator('#home-entry-pay').click();
      await view().locator('#bills-records').click();
      await rp.waitForURL(new RegExp(`#/packages/pay/records\\?accountId=${account.id}$`));
      await view().locator('#invoice-request-BBKE2E0001').waitFor();
      await pageSettled(rp);
      await view().locator('#invoice-request-BBKE2E0001').click();
      await rp.waitForURL(/#\/packages\/pay\/invoice\?paymentId=\d+&offline=1$/);
      await view().locator('#invoice-fill-title').click();
      await rp.locator('#mock-title-name').fill('张三');
      await rp.locator('#mock-title-confirm').click();
      await view().locator('#invoice-done').waitFor();
      expect(await view().locator('#invoice-done').innerText()).toContain('已提交开票申请');
    });
    const token = await residentToken(rp);
    await eventually(async () =>
      expect((await api(journey.server.url, 'GET', '/api/my/invoices', token)).body).toEqual([
        expect.objectContaining({
          status: 'issued',
          titleName: '张三',
          amountFen: debited.amountFen,
          inCardWallet: true,
        }),
      ]),
    );

    // 4. supervisor1 → 滞纳金减免 → 户号 → the overdue bill with its late fee → 减免 with a reason.
    const supervisor = await journey.phone();
    const sp = supervisor.page;
    const late = await october(LATE);
    await step(supervisor, 'late-fee-waiver', async () => {
      await staffLogin(sp, 'supervisor1');
      await sp.locator('#late-fees-entry').click();
      await sp.waitForURL(/#\/staff\/late-fees\/index/);
      const view = () => currentPage(sp);
      await view().locator('#late-fee-account input').waitFor();
      await pageSettled(sp);
      await view().locator('#late-fee-account input').fill(LATE);
      await view().locator('#late-fee-search').click();
      const row = view().locator('#late-fee-bill-2026-10');
      await row.waitFor();
      expect(await row.innerText()).toContain('含滞纳金');
      await view().locator('#late-fee-waive-2026-10').click();
      await view().locator('#late-fee-submit').click();
      // No reason: refused on the page, nothing sent.
      await view().locator('#late-fee-reason-error').waitFor();
      await view().locator('#late-fee-reason textarea').fill('银行系统故障导致代扣延迟，核实后减免');
      await view().locator('#late-fee-submit').click();
      await view().locator('#late-fee-done').waitFor();
      expect(await view().locator('#late-fee-done').innerText()).toContain(
        `户号 ${LATE} · 2026-10 · 现应缴 ${formatYuan(late.amountFen)}`,
      );
      expect(await row.innerText()).toContain('滞纳金已减免');
    });
    const [waived] = await queryRows<{ lateFeeWaivedById: number | null }>(
      journey.db,
      'SELECT lateFeeWaivedById FROM bill WHERE id = ?',
      [late.id],
    );
    expect(waived.lateFeeWaivedById).not.toBeNull();
  });
});
