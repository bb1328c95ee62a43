import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { District } from './district.entity';
import { OrgService } from './org.service';
import { Station } from './station.entity';

@Module({
  imports: [TypeOrmModule.forFeature([District, Station])],
  providers: [OrgService],
  exports: [OrgService],
})
export class OrgModule {}
