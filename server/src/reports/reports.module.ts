import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { FeedbackFactsService } from '../feedback/feedback-facts.service';
import { FeedbackModule } from '../feedback/feedback.module';
import { HazardFactsService } from '../inspections/hazard-facts.service';
import { InspectionsModule } from '../inspections/inspections.module';
import { OrgModule } from '../org/org.module';
import { OutagesModule } from '../outages/outages.module';
import { PaymentsModule } from '../payments/payments.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { DashboardService } from './dashboard.service';
import { MonthlyReport } from './monthly-report.entity';
import { MonthlyReportsService } from './monthly-reports.service';
import { HAZARD_FACTS, RATING_FACTS, RETURN_VISIT_FACTS } from './report-fact-providers';
import { ReportFactsService } from './report-facts.service';
import { ReportJob } from './report-job.service';
import { ReportsController } from './reports.controller';

/**
 * Monthly report and supervisor dashboard. Facts come from each module's service; ratings,
 * return visits and hazards through the tokens below, bound to the feedback and inspections
 * modules' fact services.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature([MonthlyReport]),
    FeedbackModule,
    InspectionsModule,
    OrgModule,
    OutagesModule,
    PaymentsModule,
    StaffModule,
    TicketsModule,
  ],
  controllers: [ReportsController],
  providers: [
    MonthlyReportsService,
    ReportFactsService,
    ReportJob,
    DashboardService,
    { provide: RATING_FACTS, useExisting: FeedbackFactsService },
    { provide: RETURN_VISIT_FACTS, useExisting: FeedbackFactsService },
    { provide: HAZARD_FACTS, useExisting: HazardFactsService },
  ],
  exports: [MonthlyReportsService, ReportJob],
})
export class ReportsModule {}
