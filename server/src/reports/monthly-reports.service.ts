import { HttpStatus, Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  ErrorCode,
  MonthlyReportFigures,
  MonthlyReportView,
  Role,
  computeMonthlyReport,
  periodRange,
  reportDueAt,
} from '@utility/shared';
import { IsNull, LessThanOrEqual, Repository } from 'typeorm';
import { AppError, conflict, forbidden, notFound } from '../common/app-error';
import { Clock } from '../common/clock';
import { APP_CONFIG, AppConfig } from '../common/config';
import { isDuplicateKey } from '../common/db';
import { StaffPrincipal } from '../common/principal';
import { OrgService } from '../org/org.service';
import { MonthlyReport } from './monthly-report.entity';
import { ReportFactsService } from './report-facts.service';

export const scopeKey = (districtId: number | null) => (districtId === null ? 'all' : `district:${districtId}`);

/**
 * The monthly report's life: computed live while the month runs (provisional), stored from the
 * 1st (draft, regenerable), frozen at the due time (7th 16:00 Shanghai by default).
 */
@Injectable()
export class MonthlyReportsService {
  constructor(
    @InjectRepository(MonthlyReport) private readonly reports: Repository<MonthlyReport>,
    private readonly facts: ReportFactsService,
    private readonly org: OrgService,
    private readonly clock: Clock,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Whose figures a viewer gets: an admin the company's or any district's; a supervisor their
   * own district's only (a supervisor of no district sees the company's, like their queues).
   */
  async scopeFor(viewer: StaffPrincipal, districtId?: number): Promise<number | null> {
    if (viewer.role === Role.Supervisor && viewer.districtId !== null) {
      if (districtId !== undefined && districtId !== viewer.districtId) throw forbidden();
      return viewer.districtId;
    }
    if (viewer.role === Role.Supervisor && districtId !== undefined) throw forbidden();
    if (districtId !== undefined && !(await this.org.findDistrict(districtId))) throw notFound();
    return districtId ?? null;
  }

  dueAt(period: string): Date {
    return reportDueAt(period, this.config.REPORT_DUE_DAY, this.config.REPORT_DUE_HOUR);
  }

  async read(period: string, districtId: number | null): Promise<MonthlyReportView> {
    const now = this.clock.now();
    if (now < periodRange(period).end) {
      return this.computedView(period, districtId, now);
    }
    const stored = await this.find(period, districtId);
    if (!stored && (await this.beforeData(period))) {
      // Nothing happened then: answered as computed, never stored (nor frozen) for whoever asks first.
      return this.computedView(period, districtId, now);
    }
    const row = stored ?? (await this.generate(period, districtId));
    return this.view(await this.freezeIfDue(row));
  }

  /** Computed now and not stored: the running month, or one before the product's data began. */
  private async computedView(period: string, districtId: number | null, now: Date): Promise<MonthlyReportView> {
    return {
      period,
      districtId,
      status: 'provisional',
      generatedAt: now.toISOString(),
      dueAt: this.dueAt(period).toISOString(),
      frozenAt: null,
      figures: await this.compute(period, districtId, now),
    };
  }

  /** A month before the product's first ticket or bill: there is no report to store for it. */
  private async beforeData(period: string): Promise<boolean> {
    const first = await this.facts.firstPeriod();
    return first === null || period < first;
  }

  /** Recomputes a stored month before its due time; 409 REPORT_FROZEN after, 409 REPORT_PERIOD_OPEN before the month ends. */
  async regenerate(period: string, districtId: number | null): Promise<MonthlyReportView> {
    const now = this.clock.now();
    if (now < periodRange(period).end) throw conflict(ErrorCode.ReportPeriodOpen);
    const row = await this.find(period, districtId);
    if (!row && (await this.beforeData(period)))
      throw new AppError(HttpStatus.UNPROCESSABLE_ENTITY, ErrorCode.ReportPeriodBeforeData);
    if (!row) {
      // Never generated: this generation is the regeneration — unless it is already past due (then it is frozen as read() would).
      const created = await this.freezeIfDue(await this.generate(period, districtId));
      if (created.frozenAt) throw conflict(ErrorCode.ReportFrozen);
      return this.view(created);
    }
    if ((await this.freezeIfDue(row)).frozenAt) throw conflict(ErrorCode.ReportFrozen);
    const figures = await this.compute(period, districtId, now);
    // Guarded by version and due time: a freeze or another regeneration in between wins.
    const done = await this.reports
      .createQueryBuilder()
      .update(MonthlyReport)
      .set({ figures, generatedAt: now, version: row.version + 1 })
      .where('id = :id AND version = :version AND frozenAt IS NULL AND dueAt > :now', {
        id: row.id,
        version: row.version,
        now,
      })
      .execute();
    const after = await this.reports.findOneByOrFail({ id: row.id });
    if (!done.affected)
      throw after.frozenAt || after.dueAt <= now
        ? conflict(ErrorCode.ReportFrozen)
        : new AppError(HttpStatus.CONFLICT, ErrorCode.Conflict);
    return this.view(after);
  }

  /** Job: last month's reports stored (company and each district), and every draft past due frozen. */
  async generateAndFreeze(period: string): Promise<{ generated: number; frozen: number }> {
    let generated = 0;
    const scopes = [null, ...(await this.org.listDistricts()).map((d) => d.id)];
    for (const districtId of scopes) {
      if (await this.find(period, districtId)) continue;
      await this.generate(period, districtId);
      generated++;
    }
    const now = this.clock.now();
    const frozen = await this.reports.update({ frozenAt: IsNull(), dueAt: LessThanOrEqual(now) }, { frozenAt: now });
    return { generated, frozen: frozen.affected ?? 0 };
  }

  private find(period: string, districtId: number | null): Promise<MonthlyReport | null> {
    return this.reports.findOneBy({ period, scope: scopeKey(districtId) });
  }

  private async generate(period: string, districtId: number | null): Promise<MonthlyReport> {
    const now = this.clock.now();
    const figures = await this.compute(period, districtId, now);
    try {
      await this.reports.insert({
        period,
        scope: scopeKey(districtId),
        districtId,
        figures,
        generatedAt: now,
        dueAt: this.dueAt(period),
        frozenAt: null,
        version: 1,
      });
    } catch (error) {
      // Another process (or request) generated it first: theirs stands.
      if (!isDuplicateKey(error)) throw error;
    }
    return (await this.find(period, districtId))!;
  }

  private async freezeIfDue(row: MonthlyReport): Promise<MonthlyReport> {
    const now = this.clock.now();
    if (row.frozenAt || row.dueAt > now) return row;
    await this.reports.update({ id: row.id, frozenAt: IsNull() }, { frozenAt: now });
    return this.reports.findOneByOrFail({ id: row.id });
  }

  private async compute(period: string, districtId: number | null, asOf: Date): Promise<MonthlyReportFigures> {
    const w = { ...periodRange(period), asOf };
    return computeMonthlyReport(await this.facts.month(w, districtId), w);
  }

  private view(row: MonthlyReport): MonthlyReportView {
    return {
      period: row.period,
      districtId: row.districtId,
      status: row.frozenAt ? 'frozen' : 'draft',
      generatedAt: row.generatedAt.toISOString(),
      dueAt: row.dueAt.toISOString(),
      frozenAt: row.frozenAt?.toISOString() ?? null,
      figures: row.figures,
    };
  }
}
