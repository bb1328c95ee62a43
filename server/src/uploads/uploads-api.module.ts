import { Module } from '@nestjs/common';
import { StaffGuard } from '../common/auth.guard';
import { ResidentsModule } from '../residents/residents.module';
import { TicketsModule } from '../tickets/tickets.module';
import { PhotoAccess } from './photo-access.service';
import { UploaderGuard } from './uploader.guard';
import { UploadsController } from './uploads.controller';
import { UploadsModule } from './uploads.module';

/**
 * `/api/uploads`. Apart from UploadsModule because it needs ResidentsModule (its guard) and TicketsModule
 * (who may read a ticket's photo), which themselves need photos.
 */
@Module({
  imports: [UploadsModule, ResidentsModule, TicketsModule],
  controllers: [UploadsController],
  providers: [StaffGuard, UploaderGuard, PhotoAccess],
})
export class UploadsApiModule {}
