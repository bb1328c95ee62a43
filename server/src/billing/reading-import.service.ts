import { HttpStatus, Injectable } from '@nestjs/common';
import { ErrorCode, ImportReport, ImportRowError, StaffReadingSchema, shanghaiDate } from '@utility/shared';
import { Clock } from '../common/clock';
import { In } from 'typeorm';
import { AccountsService } from '../accounts/accounts.service';
import { AppError } from '../common/app-error';
import { Db } from '../common/db';
import { MeterReading } from './meter-reading.entity';
import { MeterReadingsService } from './meter-readings.service';
import { csvRows } from '../common/csv-rows';

const MAX_ROWS = 50_000;
const HEADER = ['accountNo', 'readOn', 'value'];

/**
 * CSV import (accountNo,readOn,value): every row is checked first; one bad row refuses the whole
 * file with a report of each problem, so nothing is ever half-imported.
 */
@Injectable()
export class ReadingImportService {
  constructor(
    private readonly accounts: AccountsService,
    private readonly readings: MeterReadingsService,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  async import(
    csv: string,
    staffId: number,
    /** Districts the importer covers: a row of any other district refuses the file. */
    districts: ReadonlySet<number>,
    onProgress: (done: number, total: number) => void = () => {},
  ): Promise<ImportReport> {
    const { rows, errors } = await this.validate(csv, districts);
    if (errors.length) {
      throw new AppError(
        HttpStatus.UNPROCESSABLE_ENTITY,
        ErrorCode.ImportRejected,
        undefined,
        errors.map((e) => ({ path: `line ${e.line}`, message: `${e.accountNo}: ${e.message}` })),
      );
    }
    let held = 0;
    await this.db.transaction(async () => {
      for (const [i, row] of rows.entries()) {
        const reading = await this.readings.record({ ...row, source: 'import', recordedById: staffId });
        if (reading.status === 'held') held++;
        if (i % 100 === 99 || i === rows.length - 1) onProgress(i + 1, rows.length);
      }
    });
    return { rows: rows.length, imported: rows.length, held, errors: [] };
  }

  private async validate(csv: string, districts: ReadonlySet<number>) {
    const errors: ImportRowError[] = [];
    let records: string[][];
    try {
      records = csvRows(csv);
    } catch (error) {
      return { rows: [], errors: [{ line: 0, accountNo: '', message: `无法解析CSV：${(error as Error).message}` }] };
    }
    const header = records.shift() ?? [];
    if (HEADER.some((h, i) => header[i] !== h))
      errors.push({ line: 1, accountNo: '', message: `表头应为 ${HEADER.join(',')}` });
    if (records.length > MAX_ROWS) errors.push({ line: 0, accountNo: '', message: `单次最多导入${MAX_ROWS}行` });
    const accounts = new Map(
      (await this.accounts.findByNos([...new Set(records.map((r) => r[0]))])).map((a) => [a.accountNo, a]),
    );
    const readings = await this.db.dataSource.manager.findBy(MeterReading, {
      accountId: In([...accounts.values()].map((a) => a.id)),
    });
    const existing = new Set(readings.map((r) => `${r.accountId}:${r.readOn}`));
    const lastBilled = new Map<number, string>();
    for (const r of readings)
      if (r.status === 'billed' && r.readOn > (lastBilled.get(r.accountId) ?? ''))
        lastBilled.set(r.accountId, r.readOn);
    const seen = new Set<string>();
    const today = shanghaiDate(this.clock.now());
    const rows = records.flatMap((record, i) => {
      const line = i + 2;
      const parsed = StaffReadingSchema.safeParse({ accountNo: record[0], readOn: record[1], value: record[2] });
      const fail = (message: string) => (errors.push({ line, accountNo: record[0] ?? '', message }), []);
      if (!parsed.success) return fail(parsed.error.issues.map((x) => x.message).join('；'));
      const account = accounts.get(parsed.data.accountNo);
      if (!account) return fail('户号不存在');
      if (!districts.has(account.districtId)) return fail('户号不属于您负责的片区');
      const key = `${account.id}:${parsed.data.readOn}`;
      if (parsed.data.readOn > today) return fail('抄表日期不能晚于今天');
      if (seen.has(key)) return fail('文件中重复的户号和日期');
      if (existing.has(key)) return fail('该户号当天已有抄表读数');
      const billed = lastBilled.get(account.id);
      if (billed && parsed.data.readOn <= billed) return fail(`抄表日期须晚于上次已出账的抄表日期（${billed}）`);
      seen.add(key);
      return [{ account, readOn: parsed.data.readOn, valueCentiM3: parsed.data.value }];
    });
    // Rows of one account must be imported in date order for the checks against the previous reading.
    rows.sort((a, b) => a.account.id - b.account.id || a.readOn.localeCompare(b.readOn));
    return { rows, errors };
  }
}
