import { Controller, Get, Put, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReturnVisitPolicy, ReturnVisitPolicyRequest, ReturnVisitPolicySchema, Role } from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { ReturnVisitPolicyService } from './return-visit-policy.service';

/** The return-visit policy in the operator's console (docs/domain.md#return-visits). */
@ApiTags('admin')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Admin)
@Controller('api/admin/return-visit-policy')
export class ReturnVisitPolicyController {
  constructor(private readonly policy: ReturnVisitPolicyService) {}

  @Get()
  @ApiOperation({ summary: 'Scope, share per usage stratum, timing and questions of return visits, per business' })
  get(): Promise<ReturnVisitPolicy> {
    return this.policy.current();
  }

  @Put()
  @ApiOperation({ summary: 'Replace the return-visit policy (decides resolutions from now on)' })
  @ApiZodBody(ReturnVisitPolicySchema)
  replace(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(ReturnVisitPolicySchema) body: ReturnVisitPolicyRequest,
  ): Promise<ReturnVisitPolicy> {
    return this.policy.replace(me, body);
  }
}
