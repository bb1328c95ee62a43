import { Inject, Injectable } from '@nestjs/common';
import { AccountsService } from '../accounts/accounts.service';
import { MeterReadingsService } from '../billing/meter-readings.service';
import { APP_CONFIG, AppConfig } from '../common/config';
import { Db } from '../common/db';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { ResidentsService } from '../residents/residents.service';
import { DEMO_POWER_ACCOUNTS, DEMO_RESIDENT_IDENTITY } from './demo-organisation';

/**
 * The demo's power accounts (docs/domain.md#billing): created with an opening index and October's reading, so
 * the demo's bill run gives them October bills (峰谷 lines on one, steps 1 and 2 on the other), and, in mock
 * mode with the demo's past, bound to the demo resident the H5 login signs in by default.
 */
@Injectable()
export class DemoPower {
  constructor(
    private readonly accounts: AccountsService,
    private readonly readings: MeterReadingsService,
    private readonly residents: ResidentsService,
    private readonly bindings: AccountBindingsService,
    private readonly db: Db,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Before the demo bill run of `period` (read on `readOn`, opened on `openingOn`). */
  async seed(
    districts: Map<string, number>,
    stations: Map<string, { id: number }>,
    dates: { openingOn: string; readOn: string },
  ): Promise<void> {
    await this.accounts.ensureAccounts(
      DEMO_POWER_ACCOUNTS.map((a) => ({
        accountNo: a.accountNo,
        holderName: a.holderName,
        address: a.address,
        phone: a.phone,
        utility: 'power' as const,
        areaCentiM2: null,
        districtId: districts.get(a.district)!,
        stationId: stations.get(a.station)!.id,
      })),
    );
    const year = Number(dates.readOn.slice(0, 4));
    for (const demo of DEMO_POWER_ACCOUNTS) {
      const account = (await this.accounts.findByNo(demo.accountNo))!;
      await this.db.transaction(async () => {
        await this.readings.recordYearToDate(account.id, year, demo.yearToDateCentiKwh);
        const { value, peak, valley } = demo.opening;
        await this.readings.recordOpening(account, dates.openingOn, value, {
          peakCentiKwh: peak,
          valleyCentiKwh: valley,
        });
        if (await this.readings.hasReading(account.id, dates.readOn)) return;
        await this.readings.record({
          account,
          readOn: dates.readOn,
          valueCentiM3: demo.october.value,
          peakCentiKwh: demo.october.peak,
          valleyCentiKwh: demo.october.valley,
          source: 'smart_meter',
        });
      });
    }
  }

  /**
   * Mock mode only (the fake WeChat signs the demo resident in): their power accounts, already bound. The seed
   * does it with the demo's past, like the households' own doings (DEMO_HISTORY_DAYS > 0; test apps write none).
   */
  async bindToDemoResident(): Promise<void> {
    if (this.config.WECHAT_MODE !== 'mock') return;
    const resident = await this.residents.loginWithCode(`mock-${DEMO_RESIDENT_IDENTITY}:demo-seed`);
    for (const demo of DEMO_POWER_ACCOUNTS) {
      const account = (await this.accounts.findByNo(demo.accountNo))!;
      await this.db.transaction(() => this.bindings.bind(resident.id, account.id, '我家电费'));
    }
  }
}
