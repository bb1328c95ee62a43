import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { PaymentsModule } from '../payments/payments.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DashboardService } from './dashboard.service';
import { MonthlyReport } from './monthly-report.entity';
import { MonthlyReportsService } from './monthly-reports.service';
import {
  HAZARD_FACTS, NO_HAZARDS, NO_RATINGS, NO_RETURN_VISITS, RATING_FACTS, RETURN_VISIT_FACTS,
} from './report-fact-providers';
import { ReportFactsService } from './report-facts.service';
import { ReportJob } from './report-job.service';
import { ReportsController } from './reports.controller';

/**
 * Monthly report and supervisor dashboard. Facts come from each module's service; ratings,
 * return visits and hazards through the tokens below (replace the defaults with the feedback and
 * inspections modules' services once they exist).
 */
@Module({
  imports: [TypeOrmModule.forFeature([MonthlyReport]), OrgModule, PaymentsModule, StaffModule, TicketsModule],
  controllers: [ReportsController],
  providers: [
    MonthlyReportsService, ReportFactsService, ReportJob, DashboardService,
    { provide: RATING_FACTS, useValue: NO_RATINGS },
    { provide: RETURN_VISIT_FACTS, useValue: NO_RETURN_VISITS },
    { provide: HAZARD_FACTS, useValue: NO_HAZARDS },
  ],
  exports: [MonthlyReportsService, ReportJob],
})
export class ReportsModule {}
