import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { OrgModule } from '../org/org.module';
import { QueueMember } from './queue-member.entity';
import { Queue } from './queue.entity';
import { QueuesService } from './queues.service';
import { RoutingRuleRow } from './routing-rule.entity';

@Module({
  imports: [TypeOrmModule.forFeature([Queue, QueueMember, RoutingRuleRow]), OrgModule],
  providers: [QueuesService],
  exports: [QueuesService],
})
export class QueuesModule {}
