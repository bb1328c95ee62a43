import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig } from '../common/config';
import { LocalPhotoStorage, PHOTO_STORAGE, uploadsDir } from './photo-storage';
import { PhotoTargets } from './photo-targets';
import { UploadSweeper } from './upload-sweeper.service';
import { UploadAllowance } from './upload-allowance.entity';
import { Upload } from './upload.entity';
import { UploadsService } from './uploads.service';

/**
 * Photos, for the modules that attach them (`UploadsService.claim`). It depends on no domain
 * module, so tickets, readings, residents… can all import it; the HTTP side is UploadsApiModule.
 */
@Module({
  imports: [TypeOrmModule.forFeature([Upload, UploadAllowance])],
  providers: [
    // Object storage instead of a directory: bind another PhotoStorage here (see photo-storage.ts).
    {
      provide: PHOTO_STORAGE,
      useFactory: (config: AppConfig) => new LocalPhotoStorage(uploadsDir(config)),
      inject: [APP_CONFIG],
    },
    UploadsService,
    UploadSweeper,
    PhotoTargets,
  ],
  exports: [UploadsService, PhotoTargets],
})
export class UploadsModule {}
