import { HttpStatus, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  Role,
  TicketType,
  checkReading,
  shanghaiDate,
  timeOfUseRegistersBelow,
  timeOfUseRegistersError,
} from '@utility/shared';
import { LessThan, MoreThanOrEqual, Not, Repository } from 'typeorm';
import { Account } from '../accounts/account.entity';
import { AppError, forbidden } from '../common/app-error';
import { Clock } from '../common/clock';
import { StaffPrincipal } from '../common/principal';
import { hasAnyRole, mayRecordReadings } from '../common/staff-permissions';
import { QueuesService } from '../queues/queues.service';
import { TicketsService } from '../tickets/tickets.service';
import { Bill } from './bill.entity';
import { daysBetween } from './billing-period';
import { AccountYearVolume } from './account-year-volume.entity';
import { MeterReading, ReadingSource } from './meter-reading.entity';
import { Db } from '../common/db';

export interface ReadingInput {
  account: Account;
  readOn: string;
  valueCentiM3: number;
  /** A 峰谷 power meter's registers (centiKwh): both or neither, summing to valueCentiM3 (checked here too). */
  peakCentiKwh?: number | null;
  valleyCentiKwh?: number | null;
  source: ReadingSource;
  photoId?: number | null;
  recordedById?: number | null;
}

const m3 = (centiM3: number) => `${(centiM3 / 100).toFixed(2)} m³`;

/** Recent bills used to judge what "usual use" is for an account. */
const USUAL_USE_BILLS = 3;

/** Meter readings: checked as they arrive; a suspicious one is held and a billing ticket opened. */
@Injectable()
export class MeterReadingsService {
  constructor(
    private readonly db: Db,
    @InjectRepository(MeterReading) private readonly readings: Repository<MeterReading>,
    private readonly tickets: TicketsService,
    private readonly queues: QueuesService,
    private readonly clock: Clock,
  ) {}

  /** Records one reading inside the caller's transaction. */
  async record(input: ReadingInput): Promise<MeterReading> {
    const em = this.db.manager;
    const { account, readOn, valueCentiM3 } = input;
    if (readOn > shanghaiDate(this.clock.now())) {
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '抄表日期不能晚于今天');
    }
    const registers = { peakCentiKwh: input.peakCentiKwh ?? null, valleyCentiKwh: input.valleyCentiKwh ?? null };
    if (registers.peakCentiKwh !== null && account.utility !== 'power')
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, '只有电力户号可填写峰谷读数');
    const registersError = timeOfUseRegistersError({ valueCentiKwh: valueCentiM3, ...registers });
    if (registersError) throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ValidationFailed, registersError);
    if (await em.existsBy(MeterReading, { accountId: account.id, readOn })) {
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.ReadingExists);
    }
    // What is billed is settled: a reading on or before the last billed one would rewrite a bill's volume.
    const billed = await em.findOne(MeterReading, {
      where: { accountId: account.id, status: 'billed' },
      order: { readOn: 'DESC' },
    });
    if (billed && readOn <= billed.readOn) {
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.ReadingBeforeBilled,
        `抄表日期须晚于上次已出账的抄表日期（${billed.readOn}）`,
      );
    }
    const previous = await em.findOne(MeterReading, {
      where: { accountId: account.id, readOn: LessThan(readOn) },
      order: { readOn: 'DESC' },
    });
    const check: { ok: true } | { ok: false; message: string } = !previous
      ? { ok: true }
      : timeOfUseRegistersBelow(previous, registers)
        ? { ok: false, message: '峰段或谷段读数低于上次读数' }
        : checkReading({
            previousValueCentiM3: previous.valueCentiM3,
            valueCentiM3,
            periodDays: Math.max(1, daysBetween(previous.readOn, readOn)),
            usualDailyCentiM3: await this.usualDaily(account.id),
          });
    const base = {
      accountId: account.id,
      readOn,
      valueCentiM3,
      ...registers,
      source: input.source,
      photoId: input.photoId ?? null,
      recordedById: input.recordedById ?? null,
      createdAt: this.clock.now(),
    };
    if (check.ok) {
      const { identifiers } = await em.insert(MeterReading, {
        ...base,
        status: 'accepted',
        holdReason: null,
        ticketId: null,
      });
      return em.findOneByOrFail(MeterReading, { id: identifiers[0].id });
    }
    const ticket = await this.tickets.openSystemTicket({
      type: TicketType.Billing,
      accountNo: account.accountNo,
      description: `抄表读数待核查：${check.message}（${readOn} 读数 ${m3(valueCentiM3)}，上次 ${m3(previous!.valueCentiM3)}）`,
    });
    const { identifiers } = await em.insert(MeterReading, {
      ...base,
      status: 'held',
      holdReason: check.message,
      ticketId: ticket.id,
    });
    return em.findOneByOrFail(MeterReading, { id: identifiers[0].id });
  }

  /**
   * Districts whose accounts this staff member may record readings for: a technician's or inspector's
   * own district, and the districts whose billing queue an agent works. Empty for anyone else.
   */
  async districtsReadBy(staff: StaffPrincipal): Promise<Set<number>> {
    const districts = new Set<number>();
    if (!mayRecordReadings(staff)) return districts;
    if (hasAnyRole(staff, Role.Technician, Role.Inspector) && staff.districtId !== null)
      districts.add(staff.districtId);
    if (hasAnyRole(staff, Role.Agent))
      for (const d of await this.queues.districtsWorkedFor(staff.id, TicketType.Billing)) districts.add(d);
    return districts;
  }

  /** 403 unless the staff member may record a reading for this account (role, then district). */
  async assertMayRecord(staff: StaffPrincipal, account: Account): Promise<void> {
    if (!mayRecordReadings(staff)) throw forbidden();
    if (!(await this.districtsReadBy(staff)).has(account.districtId))
      throw new AppError(HttpStatus.FORBIDDEN, ErrorCode.Forbidden, '只能为本人负责片区的户号抄表');
  }

  /**
   * Use already billed this tariff year by the old system (a migrated account): the annual tiers count on
   * from it. Only where the year has no count yet.
   */
  async recordYearToDate(accountId: number, year: number, volumeCentiM3: number): Promise<void> {
    const em = this.db.manager;
    if (await em.existsBy(AccountYearVolume, { accountId, year })) return;
    await em.insert(AccountYearVolume, { accountId, year, volumeCentiM3 });
  }

  /**
   * The opening index of a meter (installation or migration from the old system): billed by definition. A 峰谷
   * power meter's registers with it, when it has them.
   */
  async recordOpening(
    account: Account,
    readOn: string,
    valueCentiM3: number,
    registers: { peakCentiKwh: number | null; valleyCentiKwh: number | null } = {
      peakCentiKwh: null,
      valleyCentiKwh: null,
    },
  ): Promise<void> {
    const em = this.db.manager;
    if (await em.existsBy(MeterReading, { accountId: account.id, readOn })) return;
    await em.insert(MeterReading, {
      accountId: account.id,
      readOn,
      valueCentiM3,
      ...registers,
      source: 'import',
      status: 'billed',
      holdReason: null,
      ticketId: null,
      photoId: null,
      recordedById: null,
      createdAt: this.clock.now(),
    });
  }

  findById(id: number): Promise<MeterReading | null> {
    return this.readings.findOneBy({ id });
  }

  hasReading(accountId: number, readOn: string): Promise<boolean> {
    const em = this.db.manager;
    return em.existsBy(MeterReading, { accountId, readOn });
  }

  /** The account's readings on or after `sinceDay`, oldest first (held ones are not yet trusted): prepaid usage. */
  readingsSince(accountId: number, sinceDay: string): Promise<MeterReading[]> {
    return this.readings.find({
      where: { accountId, readOn: MoreThanOrEqual(sinceDay), status: Not('held') },
      order: { readOn: 'ASC' },
      take: 400,
    });
  }

  /** The account's last billed reading: where a trial bill's volume starts. */
  lastBilled(accountId: number): Promise<MeterReading | null> {
    return this.readings.findOne({ where: { accountId, status: 'billed' }, order: { readOn: 'DESC' } });
  }

  /** Average daily use over the last few bills, or null for a new account. */
  private async usualDaily(accountId: number): Promise<number | null> {
    const em = this.db.manager;
    const bills = await em.find(Bill, {
      where: { accountId, utility: 'gas' },
      order: { period: 'DESC' },
      take: USUAL_USE_BILLS,
    });
    const days = bills.reduce((n, b) => n + Math.max(1, daysBetween(b.fromOn, b.toOn)), 0);
    return bills.length ? Math.round(bills.reduce((v, b) => v + b.volumeCentiM3, 0) / days) : null;
  }
}
