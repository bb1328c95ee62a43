import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { TrialBillView, computeGasBill } from '@utility/shared';
import { In, Repository } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AccountYearVolume } from './account-year-volume.entity';
import { MeterReading } from './meter-reading.entity';
import { TariffBook } from './tariff-book';
import { Tariff } from './tariff.entity';
import { toReadingView } from './reading-view';

/** What the next bill would be if a reading were billed now: shown to a resident after 自助抄表. */
@Injectable()
export class TrialBillService {
  constructor(
    @InjectRepository(MeterReading) private readonly readings: Repository<MeterReading>,
    @InjectRepository(Tariff) private readonly tariffs: Repository<Tariff>,
    @InjectRepository(AccountYearVolume) private readonly volumes: Repository<AccountYearVolume>,
  ) {}

  async trial(account: Account, reading: MeterReading): Promise<TrialBillView> {
    const view = toReadingView(reading, account.accountNo);
    const last = await this.readings.findOne({
      where: { accountId: account.id, status: 'billed' },
      order: { readOn: 'DESC' },
    });
    if (!last || reading.status === 'held' || last.readOn >= reading.readOn) return { reading: view, trial: null };
    const years = [Number(last.readOn.slice(0, 4)), Number(reading.readOn.slice(0, 4))];
    const ytd = await this.volumes.findBy({ accountId: account.id, year: In(years) });
    const computed = computeGasBill({
      from: last.readOn,
      to: reading.readOn,
      volumeCentiM3: reading.valueCentiM3 - last.valueCentiM3,
      yearToDateCentiM3: Object.fromEntries(ytd.map((v) => [v.year, v.volumeCentiM3])),
      tariffs: new TariffBook(await this.tariffs.find()).gas(account.districtId),
    });
    return {
      reading: view,
      trial: {
        fromOn: computed.lines[0]?.from ?? reading.readOn,
        toOn: reading.readOn,
        volumeCentiM3: computed.volumeCentiM3 ?? 0,
        amountFen: computed.amountFen,
        lines: computed.lines,
      },
    };
  }
}
