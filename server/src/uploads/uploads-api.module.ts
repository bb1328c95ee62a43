import { Module } from '@nestjs/common';
import { StaffGuard } from '../common/auth.guard';
import { ResidentsModule } from '../residents/residents.module';
import { UploaderGuard } from './uploader.guard';
import { UploadsController } from './uploads.controller';
import { UploadsModule } from './uploads.module';

/** `/api/uploads`. Apart from UploadsModule because it needs ResidentsModule (its guard), which may need photos. */
@Module({
  imports: [UploadsModule, ResidentsModule],
  controllers: [UploadsController],
  providers: [StaffGuard, UploaderGuard],
})
export class UploadsApiModule {}
