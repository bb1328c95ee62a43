import { Controller, Get, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AdminQueueView,
  QueueMembersSchema,
  QueuePatchSchema,
  QueueSchema,
  Role,
  RoutingRulePatchSchema,
  RoutingRuleSchema,
  RoutingRuleView,
} from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { QueueAdminService } from './queue-admin.service';

/** Queues with their members, and the routing rules (type × district/station → queue). */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin')
export class QueueAdminController {
  constructor(private readonly admin: QueueAdminService) {}

  @Get('queues')
  queues(): Promise<AdminQueueView[]> {
    return this.admin.listQueues();
  }

  @Post('queues')
  @ApiOperation({ summary: 'Create a queue (standard, emergency or supervisor-only) with its members' })
  @ApiZodBody(QueueSchema)
  createQueue(@CurrentStaff() me: StaffPrincipal, @ZodBody(QueueSchema) body: z.output<typeof QueueSchema>) {
    return this.admin.createQueue(me, body);
  }

  @Patch('queues/:id')
  @ApiOperation({ summary: 'Change a queue; memberIds, when given, replaces the members' })
  @ApiZodBody(QueuePatchSchema)
  updateQueue(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(QueuePatchSchema) body: z.output<typeof QueuePatchSchema>,
  ) {
    return this.admin.updateQueue(me, id, body);
  }

  @Put('queues/:id/members')
  @ApiOperation({ summary: "Replace the queue's members" })
  @ApiZodBody(QueueMembersSchema)
  setMembers(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(QueueMembersSchema) body: z.output<typeof QueueMembersSchema>,
  ) {
    return this.admin.setMembers(me, id, body.memberIds);
  }

  @Get('routing-rules')
  rules(): Promise<RoutingRuleView[]> {
    return this.admin.listRules();
  }

  @Post('routing-rules')
  @ApiOperation({ summary: 'Route a ticket type in a district or station (or anywhere) to a queue' })
  @ApiZodBody(RoutingRuleSchema)
  createRule(@CurrentStaff() me: StaffPrincipal, @ZodBody(RoutingRuleSchema) body: z.output<typeof RoutingRuleSchema>) {
    return this.admin.createRule(me, body);
  }

  @Patch('routing-rules/:id')
  @ApiZodBody(RoutingRulePatchSchema)
  updateRule(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(RoutingRulePatchSchema) body: z.output<typeof RoutingRulePatchSchema>,
  ) {
    return this.admin.updateRule(me, id, body);
  }
}
