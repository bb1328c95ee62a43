import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CompensationRequest,
  CompensationSchema,
  FirstReplyRequest,
  FirstReplySchema,
  GradeRequest,
  GradeSchema,
  Role,
  TicketView,
} from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { TicketReader } from '../tickets/ticket-reader.service';
import { ComplaintHandling } from './complaint-handling.service';

/** Staff handling of complaints: grade, first reply (also a billing ticket's reply), compensation (supervisors). */
@ApiTags('complaints')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/tickets')
export class ComplaintHandlingController {
  constructor(
    private readonly handling: ComplaintHandling,
    private readonly reader: TicketReader,
  ) {}

  @Post(':id/grade')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Agent, Role.Supervisor)
  @ApiOperation({
    summary:
      "Grade a complaint (1 most serious): grade 1 goes to the supervisors' queue, priority high, escalated at once",
  })
  @ApiZodBody(GradeSchema)
  async grade(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(GradeSchema) body: GradeRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.handling.grade(staff, id, body.grade, body.note), staff);
  }

  @Post(':id/first-reply')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Agent, Role.Supervisor)
  @ApiOperation({
    summary:
      "Record the first reply to the complainant (stops the first-reply clock, 3 days), or a billing ticket's reply (1 working day)",
  })
  @ApiZodBody(FirstReplySchema)
  async firstReply(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(FirstReplySchema) body: FirstReplyRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.handling.firstReply(staff, id, body.text), staff);
  }

  @Post(':id/compensation')
  @ApiOperation({ summary: 'Approve a compensation on a complaint (supervisors only), integer fen' })
  @ApiZodBody(CompensationSchema)
  async compensation(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(CompensationSchema) body: CompensationRequest,
  ) {
    const c = await this.handling.approveCompensation(staff, id, body);
    return {
      id: c.id,
      ticketId: c.ticketId,
      amountFen: c.amountFen,
      reason: c.reason,
      approvedBy: c.approvedByName,
      approvedAt: c.approvedAt.toISOString(),
    };
  }
}
