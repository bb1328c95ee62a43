import { Controller, Get, HttpCode, HttpStatus, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DashboardView,
  MonthlyReportQuery,
  MonthlyReportQuerySchema,
  MonthlyReportView,
  RegenerateReportSchema,
  ReportExportQuerySchema,
  Role,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody, ZodPipe } from '../common/zod-body';
import { DashboardService } from './dashboard.service';
import { MonthlyReportsService } from './monthly-reports.service';
import { reportCsv, reportXlsx } from './report-export';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Supervisors read their district's figures, admins the company's or any district's (`districtId`). */
@ApiTags('reports')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Supervisor)
@Controller('api/reports')
export class ReportsController {
  constructor(
    private readonly reports: MonthlyReportsService,
    private readonly dashboard: DashboardService,
  ) {}

  @Get('monthly')
  @ApiOperation({ summary: 'The monthly report of a period (provisional while it runs, frozen after the due time)' })
  async monthly(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodPipe(MonthlyReportQuerySchema)) q: MonthlyReportQuery,
  ): Promise<MonthlyReportView> {
    return this.reports.read(q.period, await this.reports.scopeFor(staff, q.districtId));
  }

  @Get('monthly/export')
  @ApiOperation({
    summary: 'The monthly report as a spreadsheet: format=xlsx (a sheet per section) or csv (UTF-8 with BOM)',
  })
  async export(
    @CurrentStaff() staff: StaffPrincipal,
    @Query(new ZodPipe(ReportExportQuerySchema)) q: z.infer<typeof ReportExportQuerySchema>,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<Buffer> {
    const view = await this.reports.read(q.period, await this.reports.scopeFor(staff, q.districtId));
    const name = `monthly-report-${q.period}${view.districtId === null ? '' : `-district-${view.districtId}`}.${q.format}`;
    reply.header('Content-Type', q.format === 'xlsx' ? XLSX_TYPE : 'text/csv; charset=utf-8');
    reply.header('Content-Disposition', `attachment; filename="${name}"`);
    return q.format === 'xlsx' ? reportXlsx(view) : reportCsv(view);
  }

  @Post('monthly/regenerate')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Recompute a stored month before its due time; 409 REPORT_FROZEN after it' })
  @ApiZodBody(RegenerateReportSchema)
  async regenerate(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(RegenerateReportSchema) body: z.infer<typeof RegenerateReportSchema>,
  ): Promise<MonthlyReportView> {
    return this.reports.regenerate(body.period, await this.reports.scopeFor(staff, body.districtId));
  }

  @Get('dashboard')
  @ApiOperation({
    summary: 'Queue health now and 30 days of intake, on-time rate and satisfaction (Asia/Shanghai days)',
  })
  async dashboardView(@CurrentStaff() staff: StaffPrincipal): Promise<DashboardView> {
    return this.dashboard.view(staff, await this.reports.scopeFor(staff));
  }
}
