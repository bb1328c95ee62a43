import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StaffSessionSource } from '../common/staff-session-source';
import { OrgModule } from '../org/org.module';
import { QueuesModule } from '../queues/queues.module';
import { StaffLoginFailure } from './login-failure.entity';
import { LoginThrottle } from './login-throttle.service';
import { StaffAccounts } from './staff-accounts.service';
import { StaffAdminController } from './staff-admin.controller';
import { StaffAuthController } from './staff-auth.controller';
import { StaffSessions } from './staff-sessions.service';
import { StaffTokens } from './staff-tokens.service';
import { Staff } from './staff.entity';
import { StaffService } from './staff.service';

@Module({
  imports: [TypeOrmModule.forFeature([Staff, StaffLoginFailure]), QueuesModule, OrgModule],
  controllers: [StaffAuthController, StaffAdminController],
  providers: [
    StaffService,
    StaffAccounts,
    StaffSessions,
    StaffTokens,
    LoginThrottle,
    // StaffGuard (common/) reads sessions through this contract.
    { provide: StaffSessionSource, useExisting: StaffSessions },
  ],
  exports: [StaffService, StaffSessionSource],
})
export class StaffModule {}
