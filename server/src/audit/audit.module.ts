import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AuditController } from './audit.controller';
import { PersonalDataAccess } from './personal-data-access.entity';
import { PersonalDataAudit } from './personal-data-audit.service';

/** The personal-data access log, written by whichever module reveals data. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PersonalDataAccess])],
  controllers: [AuditController],
  providers: [PersonalDataAudit],
  exports: [PersonalDataAudit],
})
export class AuditModule {}
