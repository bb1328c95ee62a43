import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ReconcileSchema, RefundRequestSchema, Role } from '@utility/shared';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { Mismatch, ReconciliationService } from './reconciliation.service';
import { RefundView, RefundsService } from './refunds.service';

@ApiTags('payments')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api')
export class RefundsController {
  constructor(
    private readonly refunds: RefundsService,
    private readonly reconciliation: ReconciliationService,
  ) {}

  @Post('staff/refunds')
  @Roles(Role.Agent, Role.Supervisor)
  @ApiOperation({ summary: 'Billing staff request a full refund of a payment' })
  @ApiZodBody(RefundRequestSchema)
  request(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(RefundRequestSchema) body: z.infer<typeof RefundRequestSchema>,
  ): Promise<RefundView> {
    return this.refunds.request(staff, body.orderNo, body.reason);
  }

  @Post('staff/refunds/:id/approve')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: 'A supervisor approves: the refund goes to WeChat Pay' })
  approve(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<RefundView> {
    return this.refunds.decide(staff, id, true);
  }

  @Post('staff/refunds/:id/reject')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Supervisor)
  reject(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<RefundView> {
    return this.refunds.decide(staff, id, false);
  }

  @Post('admin/reconciliations')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Supervisor)
  @ApiOperation({ summary: "Reconcile a day against WeChat Pay's trade bill (the daily job does this for yesterday)" })
  @ApiZodBody(ReconcileSchema)
  reconcile(@ZodBody(ReconcileSchema) body: z.infer<typeof ReconcileSchema>): Promise<Mismatch[]> {
    return this.reconciliation.reconcile(body.date);
  }
}
