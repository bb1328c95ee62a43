import { Module } from '@nestjs/common';
import { OrgModule } from '../org/org.module';
import { QueuesModule } from '../queues/queues.module';
import { StaffModule } from '../staff/staff.module';
import { QueueAdminController } from './queue-admin.controller';
import { QueueAdminService } from './queue-admin.service';

/**
 * The admin console's queues, members and routing rules. Its own module because it needs both
 * QueuesModule and StaffModule (members must be staff), and StaffModule may itself use queues.
 */
@Module({
  imports: [QueuesModule, OrgModule, StaffModule],
  controllers: [QueueAdminController],
  providers: [QueueAdminService],
})
export class QueueAdminModule {}
