import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ContactedRequest,
  ContactedSchema,
  HotlineReplyRequest,
  HotlineReplySchema,
  MoveWindowRequest,
  MoveWindowSchema,
  Role,
  TicketView,
} from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { TicketAppointments } from './ticket-appointments.service';
import { TicketHotline } from './ticket-hotline.service';
import { TicketReader } from './ticket-reader.service';

@ApiTags('tickets')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/tickets')
export class TicketAppointmentsController {
  constructor(
    private readonly appointments: TicketAppointments,
    private readonly hotline: TicketHotline,
    private readonly reader: TicketReader,
  ) {}

  @Post(':id/window')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Technician)
  @ApiOperation({ summary: 'Move the agreed visit window before anyone sets off; on-site and resolve clocks follow' })
  @ApiZodBody(MoveWindowSchema)
  async moveWindow(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(MoveWindowSchema) body: MoveWindowRequest,
  ): Promise<TicketView> {
    const window = { start: new Date(body.windowStart), end: new Date(body.windowEnd) };
    return this.reader.view(await this.appointments.moveByStaff(staff, id, window, body.reason), staff);
  }

  @Post(':id/contacted')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Technician, Role.Inspector, Role.Dispatcher, Role.Supervisor, Role.Agent)
  @ApiOperation({
    summary: '联系用户: the assignee called the resident (stops the contact clock), perhaps agreeing a window',
  })
  @ApiZodBody(ContactedSchema)
  async contacted(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(ContactedSchema) body: ContactedRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.appointments.contacted(staff, id, body), staff);
  }

  @Post(':id/hotline-reply')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Technician)
  @ApiOperation({
    summary: '12345 transfers: record the handling opinion sent back to the hotline (stops the 1-hour opinion clock)',
  })
  @ApiZodBody(HotlineReplySchema)
  async hotlineReply(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(HotlineReplySchema) body: HotlineReplyRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.hotline.recordReply(staff, id, body), staff);
  }
}
