import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { QueuesModule } from '../queues/queues.module';
import { OrgModule } from '../org/org.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { AccountYearVolume } from './account-year-volume.entity';
import { Bill } from './bill.entity';
import { BillRun } from './bill-run.service';
import { BillsController } from './bills.controller';
import { BillsService } from './bills.service';
import { MeterReading } from './meter-reading.entity';
import { MeterReadingsController } from './meter-readings.controller';
import { MeterReadingsService } from './meter-readings.service';
import { ReadingImportService } from './reading-import.service';
import { ResidentReadingsController } from './resident-readings.controller';
import { StaffBillsController } from './staff-bills.controller';
import { TrialBillService } from './trial-bill.service';
import { UploadsModule } from '../uploads/uploads.module';
import { TariffsAdminController } from './tariffs-admin.controller';
import { TariffsService } from './tariffs.service';
import { Tariff } from './tariff.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([Bill, MeterReading, Tariff, AccountYearVolume]),
    AccountsModule,
    QueuesModule,
    OrgModule,
    ResidentsModule,
    TicketsModule,
    UploadsModule,
  ],
  controllers: [
    BillsController,
    MeterReadingsController,
    ResidentReadingsController,
    StaffBillsController,
    TariffsAdminController,
  ],
  providers: [BillsService, BillRun, MeterReadingsService, ReadingImportService, TariffsService, TrialBillService],
  exports: [BillsService, BillRun, MeterReadingsService, TariffsService],
})
export class BillingModule {}
