import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { District } from './district.entity';
import { OrgAdminController } from './org-admin.controller';
import { OrgVersionRow } from './org-version.entity';
import { OrgVersion } from './org-version.service';
import { OrgService } from './org.service';
import { Station } from './station.entity';

@Module({
  imports: [TypeOrmModule.forFeature([District, Station, OrgVersionRow])],
  controllers: [OrgAdminController],
  providers: [OrgService, OrgVersion],
  exports: [OrgService, OrgVersion],
})
export class OrgModule {}
