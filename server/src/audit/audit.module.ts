import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAudit } from './admin-audit.service';
import { AdminChange } from './admin-change.entity';
import { AuditController } from './audit.controller';
import { PersonalDataAccess } from './personal-data-access.entity';
import { PersonalDataAudit } from './personal-data-audit.service';

/** The personal-data access log and the admins' change log, written by whichever module reveals or changes. */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([PersonalDataAccess, AdminChange])],
  controllers: [AuditController],
  providers: [PersonalDataAudit, AdminAudit],
  exports: [PersonalDataAudit, AdminAudit],
})
export class AuditModule {}
