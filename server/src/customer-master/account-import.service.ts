import { HttpStatus, Injectable, Logger } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  AccountImportHeader,
  AccountImportRow,
  ErrorCode,
  ImportJobStatus,
  ImportJobView,
  ImportLineError,
  OrgLookup,
  orgLookup,
  parseAccountImportHeader,
  validateAccountImportLine,
} from '@utility/shared';
import { randomUUID } from 'node:crypto';
import { In, MoreThan, Repository } from 'typeorm';
import { AccountsService, HolderChange } from '../accounts/accounts.service';
import { AdminAudit } from '../audit/admin-audit.service';
import { AppError, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { Db } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { NoticeOutbox } from '../notifications/notice-outbox.service';
import { OrgService } from '../org/org.service';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { holderChangeNotice } from './holder-change-notice';
import { readTableFile } from './import-file-reader';
import { ImportUpload } from './import-upload';
import { ImportJob } from './import-job.entity';

/** Problems kept for the report; the count has them all. */
const MAX_REPORTED_ERRORS = 1000;
/**
 * Lines per write. Fewer, larger statements cost both sides less per line; SQLite binds at
 * most 32,766 parameters a statement (15 columns × 2,000).
 */
const BATCH = { sqlite: 2000, mariadb: 5000 };
const PROGRESS_EVERY_MS = 1000;
/** A running job whose progress has not moved for this long was interrupted (its process stopped). */
const STALE_AFTER_MS = 3 * 60_000;
const RUNNING: ImportJobStatus[] = ['queued', 'validating', 'importing'];
export const HOLDER_CHANGE_REASON = '过户';

interface ImportCounts {
  created: number;
  updated: number;
  unchanged: number;
  holderChanges: number;
}

/** The import refused or failed: nothing was written. */
class ImportRefused extends Error {
  constructor(
    readonly errors: ImportLineError[],
    readonly errorCount: number,
  ) {
    super('import refused');
  }
}

/**
 * Imports the customer master from CSV/XLSX in the background after the 202: every line is
 * checked first (streaming); one bad line refuses the whole file with a line-by-line report.
 * Then the file is read again and written in batches inside one transaction, so a failure
 * leaves nothing behind. Re-import updates by 户号; accounts not in the file are untouched.
 */
@Injectable()
export class AccountImportService {
  private readonly logger = new Logger(AccountImportService.name);

  constructor(
    @InjectRepository(ImportJob) private readonly jobs: Repository<ImportJob>,
    private readonly accounts: AccountsService,
    private readonly org: OrgService,
    private readonly bindings: AccountBindingsService,
    private readonly outbox: NoticeOutbox,
    private readonly audit: AdminAudit,
    private readonly db: Db,
    private readonly clock: Clock,
  ) {}

  /** Queues the file's import and starts it; one import at a time (a second would only wait on locks). */
  async start(staff: StaffPrincipal, upload: ImportUpload): Promise<string> {
    const now = this.clock.now();
    const running = await this.jobs.existsBy({
      status: In(RUNNING),
      updatedAt: MoreThan(new Date(now.getTime() - STALE_AFTER_MS)),
    });
    if (running) {
      await upload.discard();
      throw new AppError(HttpStatus.CONFLICT, ErrorCode.ImportInProgress);
    }
    const id = randomUUID();
    await this.db.transaction((em) =>
      em.insert(ImportJob, {
        id,
        kind: 'accounts',
        format: upload.format,
        status: 'queued',
        processed: 0,
        total: 0,
        errors: null,
        errorCount: 0,
        summary: null,
        createdById: staff.id,
        createdAt: now,
        updatedAt: now,
        finishedAt: null,
      }),
    );
    setImmediate(() => void this.run(id, staff, upload));
    return id;
  }

  async view(id: string): Promise<ImportJobView> {
    const job = await this.jobs.findOneBy({ id });
    if (!job) throw notFound();
    const counts: ImportCounts = job.summary
      ? JSON.parse(job.summary)
      : { created: 0, updated: 0, unchanged: 0, holderChanges: 0 };
    const interrupted =
      RUNNING.includes(job.status) && job.updatedAt.getTime() < this.clock.now().getTime() - STALE_AFTER_MS;
    const errors: ImportLineError[] = interrupted
      ? [
          {
            line: 0,
            column: '',
            code: 'FILE_UNREADABLE',
            message: '导入被中断（服务重启），未导入任何数据，请重新上传',
          },
        ]
      : job.errors
        ? JSON.parse(job.errors)
        : [];
    return {
      jobId: job.id,
      status: interrupted ? 'failed' : job.status,
      processed: job.processed,
      total: job.total,
      errors,
      errorCount: interrupted ? 1 : job.errorCount,
      ...counts,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    };
  }

  /** The job itself: never throws (it runs detached from any request). */
  private async run(id: string, staff: StaffPrincipal, upload: ImportUpload): Promise<void> {
    try {
      const org = orgLookup(await this.org.listDistricts(), await this.org.listStations());
      await this.progress(id, { status: 'validating' });
      const { header, total } = await this.validate(id, upload, org);
      await this.progress(id, { status: 'importing', processed: 0, total });
      await this.db.transaction(() => this.write(id, staff, upload, header, org, total));
    } catch (error) {
      const refused = error instanceof ImportRefused;
      if (!refused) this.logger.error(`Import ${id} failed: ${(error as Error).stack ?? error}`);
      const errors = refused
        ? error.errors
        : [{ line: 0, column: '', code: 'FILE_UNREADABLE', message: `导入失败，未导入任何数据：${describe(error)}` }];
      await this.jobs
        .update(
          { id },
          {
            status: 'failed',
            errors: JSON.stringify(errors),
            errorCount: refused ? error.errorCount : 1,
            updatedAt: this.clock.now(),
            finishedAt: this.clock.now(),
          },
        )
        .catch((e) => this.logger.error(`Import ${id}: could not record the failure: ${(e as Error).message}`));
    } finally {
      await upload.discard().catch(() => undefined);
    }
  }

  /** First pass: every line checked, duplicates of 户号 within the file included. */
  private async validate(id: string, upload: ImportUpload, org: OrgLookup) {
    const errors: ImportLineError[] = [];
    let errorCount = 0;
    const report = (found: ImportLineError[]) => {
      errorCount += found.length;
      for (const e of found) if (errors.length < MAX_REPORTED_ERRORS) errors.push(e);
    };
    const seen = new Map<string, number>();
    let header: AccountImportHeader | null = null;
    let total = 0;
    let lastProgress = Date.now();
    try {
      for await (const { line, cells, fraction } of readTableFile(upload.path, upload.format)) {
        if (!header) {
          const parsed = parseAccountImportHeader(cells);
          header = parsed.header;
          report(parsed.errors);
          // Without the right columns every line would be wrong the same way: say it once.
          if (parsed.errors.length) break;
          continue;
        }
        total++;
        const { row, errors: found } = validateAccountImportLine(cells, line, header, org);
        report(found);
        if (row) {
          const first = seen.get(row.accountNo);
          if (first !== undefined)
            report([{ line, column: '户号', code: 'DUPLICATE', message: `户号${row.accountNo}与第${first}行重复` }]);
          else seen.set(row.accountNo, line);
        }
        if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
          lastProgress = Date.now();
          // Until every line is counted, `total` is estimated from the share of the file read (0: unknown).
          await this.progress(id, {
            processed: total,
            total: fraction ? Math.max(total, Math.round(total / fraction)) : 0,
          });
        }
      }
    } catch (error) {
      report([{ line: 0, column: '', code: 'FILE_UNREADABLE', message: `无法读取文件：${describe(error)}` }]);
    }
    if (!header) report([{ line: 0, column: '', code: 'FILE_EMPTY', message: '文件是空的，没有表头和数据' }]);
    else if (!errorCount && !total)
      report([{ line: 0, column: '', code: 'FILE_EMPTY', message: '文件只有表头，没有数据' }]);
    await this.progress(id, { processed: total, total });
    if (errorCount) throw new ImportRefused(errors, errorCount);
    return { header: header!, total };
  }

  /** Second pass, in one transaction: the lines were all checked, so any failure here is the database's. */
  private async write(
    id: string,
    staff: StaffPrincipal,
    upload: ImportUpload,
    header: AccountImportHeader,
    org: OrgLookup,
    total: number,
  ): Promise<void> {
    const em = this.db.manager;
    const at = this.clock.now();
    const actor = { id: staff.id, name: staff.name, source: `import:${id}` };
    const counts: ImportCounts = { created: 0, updated: 0, unchanged: 0, holderChanges: 0 };
    let processed = 0;
    let lastProgress = Date.now();
    let batch: AccountImportRow[] = [];
    const batchSize = this.db.isSqlite ? BATCH.sqlite : BATCH.mariadb;
    const flush = async () => {
      const result = await this.accounts.writeImportBatch(batch, actor, at);
      counts.created += result.created;
      counts.updated += result.updated;
      counts.unchanged += result.unchanged;
      counts.holderChanges += result.holderChanges.length;
      for (const change of result.holderChanges) await this.endBindings(change, at);
      processed += batch.length;
      batch = [];
      if (Date.now() - lastProgress >= PROGRESS_EVERY_MS) {
        lastProgress = Date.now();
        await this.progress(id, { processed, total });
      }
    };
    let first = true;
    for await (const { line, cells } of readTableFile(upload.path, upload.format)) {
      if (first) {
        first = false;
        continue;
      }
      const { row } = validateAccountImportLine(cells, line, header, org);
      if (!row) throw new Error(`line ${line} changed since it was checked`);
      batch.push(row);
      if (batch.length >= batchSize) await flush();
    }
    if (batch.length) await flush();
    if (processed !== total) throw new Error(`the file changed since it was checked (${processed} of ${total} lines)`);
    await this.audit.record(staff, {
      action: 'account.import',
      subjectType: 'account',
      subjectId: `import:${id}`,
      after: { total, ...counts },
    });
    const finishedAt = this.clock.now();
    // With the data, in the same transaction: "done" is never seen without the accounts.
    await em.update(
      ImportJob,
      { id },
      { status: 'done', processed, total, summary: JSON.stringify(counts), updatedAt: finishedAt, finishedAt },
    );
  }

  /** 过户: every binding to the account ends, and each resident is told. */
  async endBindings(change: HolderChange, at: Date): Promise<void> {
    const ended = await this.bindings.endBindingsOfAccount(change.accountId, HOLDER_CHANGE_REASON);
    for (const binding of ended)
      await this.outbox.enqueue(holderChangeNotice(binding, change.accountNo, at, this.outbox.templates()));
  }

  private async progress(id: string, fields: Partial<Pick<ImportJob, 'status' | 'processed' | 'total'>>) {
    await this.jobs.update({ id }, { ...fields, updatedAt: this.clock.now() });
  }
}

const describe = (error: unknown) => ((error as Error)?.message ?? String(error)).slice(0, 200);
