import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AccountsModule } from '../accounts/accounts.module';
import { OrgModule } from '../org/org.module';
import { CalendarDay } from './calendar-day.entity';
import { SlaAdminController } from './sla-admin.controller';
import { SlaPolicy } from './sla-policy.entity';
import { SlaService } from './sla.service';

@Module({
  imports: [TypeOrmModule.forFeature([SlaPolicy, CalendarDay]), AccountsModule, OrgModule],
  controllers: [SlaAdminController],
  providers: [SlaService],
  exports: [SlaService],
})
export class SlaModule {}
