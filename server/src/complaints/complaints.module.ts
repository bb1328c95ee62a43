import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { QueuesModule } from '../queues/queues.module';
import { ResidentsModule } from '../residents/residents.module';
import { StaffNoticesModule } from '../staff-notices/staff-notices.module';
import { StaffModule } from '../staff/staff.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UploadsModule } from '../uploads/uploads.module';
import { ComplaintCase } from './complaint-case.entity';
import { ComplaintHandlingController } from './complaint-handling.controller';
import { ComplaintHandling } from './complaint-handling.service';
import { ComplaintIntake } from './complaint-intake.service';
import { ComplaintsController } from './complaints.controller';
import { MisconductReportsController } from './misconduct-reports.controller';
import { Compensation } from './compensation.entity';
import { ResidentRequest } from './resident-request.entity';

/** Complaints and reports: filing (resident), grading, first reply, compensation (staff). */
@Module({
  imports: [
    TypeOrmModule.forFeature([ResidentRequest, ComplaintCase, Compensation]),
    AccountsModule,
    QueuesModule,
    ResidentsModule,
    StaffModule,
    StaffNoticesModule,
    TicketsModule,
    UploadsModule,
  ],
  controllers: [ComplaintsController, MisconductReportsController, ComplaintHandlingController],
  providers: [ComplaintIntake, ComplaintHandling],
  exports: [ComplaintIntake, ComplaintHandling],
})
export class ComplaintsModule {}
