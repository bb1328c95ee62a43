import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { StaffModule } from '../staff/staff.module';
import { RotaAdminController } from './rota-admin.controller';
import { RotaService } from './rota.service';
import { ShiftMember } from './shift-member.entity';
import { Shift } from './shift.entity';

/** The duty roster; TicketAssignment asks it who is on shift. */
@Module({
  imports: [TypeOrmModule.forFeature([Shift, ShiftMember]), OrgModule, StaffModule],
  controllers: [RotaAdminController],
  providers: [RotaService],
  exports: [RotaService],
})
export class RotaModule {}
