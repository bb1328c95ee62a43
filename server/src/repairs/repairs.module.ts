import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { UploadsModule } from '../uploads/uploads.module';
import { FieldJobsController } from './field-jobs.controller';
import { FieldWorkService } from './field-work.service';
import { EmergencyAlarm } from './emergency-alarm.entity';
import { PriceListController } from './price-list.controller';
import { PriceListItem } from './price-list-item.entity';
import { PriceListService } from './price-list.service';
import { RepairQuote } from './repair-quote.entity';
import { RepairRequest } from './repair-request.entity';
import { RepairResult } from './repair-result.entity';
import { RepairsController } from './repairs.controller';
import { RepairPhotos } from './repair-photos.service';
import { RepairsService } from './repairs.service';
import { ResidentSignOffController } from './resident-sign-off.controller';
import { ResidentSignOffService } from './resident-sign-off.service';
import { ResidentRepairDetails } from './resident-repair-details.service';
import { RoomTemperatureReading } from './room-temperature-reading.entity';

/** Fault reports, leak alarms and the technician's field workflow; tickets stay the tickets module's. */
@Module({
  imports: [
    TypeOrmModule.forFeature([
      RepairRequest,
      RepairResult,
      RepairQuote,
      RoomTemperatureReading,
      EmergencyAlarm,
      PriceListItem,
    ]),
    AccountsModule,
    ResidentsModule,
    TicketsModule,
    UploadsModule,
  ],
  controllers: [RepairsController, FieldJobsController, ResidentSignOffController, PriceListController],
  providers: [
    RepairsService,
    FieldWorkService,
    ResidentSignOffService,
    ResidentRepairDetails,
    RepairPhotos,
    PriceListService,
  ],
  exports: [FieldWorkService],
})
export class RepairsModule {}
