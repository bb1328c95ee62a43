import { Controller, Get, Headers, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AssignRequest,
  AssignSchema,
  CreateTicketRequest,
  CreateTicketSchema,
  LinkTicketRequest,
  LinkTicketSchema,
  Role,
  RetypeRequest,
  RetypeSchema,
  TicketDetailView,
  TicketView,
  TransitionRequest,
  TransitionSchema,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { TicketAssignment } from './ticket-assignment.service';
import { TicketLinks } from './ticket-links.service';
import { TicketReader } from './ticket-reader.service';
import { NewTicket, TicketsService } from './tickets.service';

const INTAKE_ROLES = [Role.Agent, Role.Dispatcher, Role.Supervisor];

@ApiTags('tickets')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/tickets')
export class TicketsController {
  constructor(
    private readonly tickets: TicketsService,
    private readonly assignment: TicketAssignment,
    private readonly reader: TicketReader,
    private readonly links: TicketLinks,
    private readonly idempotency: IdempotencyService,
  ) {}

  @Post()
  @Roles(...INTAKE_ROLES)
  @ApiOperation({ summary: 'Intake by staff for a caller (24-hour line or counter): routed, clocks started' })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key create nothing new' })
  @ApiZodBody(CreateTicketSchema)
  async create(
    @CurrentStaff() staff: StaffPrincipal,
    @ZodBody(CreateTicketSchema) body: CreateTicketRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<TicketView> {
    let made: NewTicket | undefined;
    const created = await this.idempotency.create(
      `staff:${staff.id}`,
      key,
      'ticket',
      body,
      async () => (made = await this.tickets.intakeAsWritten(staff, body)).ticket.id,
    );
    if (created.replayed) void reply.header('Idempotent-Replayed', 'true');
    void reply.status(HttpStatus.CREATED);
    // A ticket made just now is its maker's to see, as it was committed: no need to read it back.
    if (created.replayed || made?.ticket.id !== created.resourceId)
      return this.reader.view(await this.reader.visibleTicket(staff, created.resourceId), staff);
    return made.clocks
      ? this.reader.viewAsWritten(made.ticket, made.queueName, made.clocks)
      : this.reader.view(made.ticket, staff);
  }

  @Get(':id')
  @ApiOperation({ summary: 'A ticket in your scope, with its timeline' })
  get(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<TicketDetailView> {
    return this.links.detail(staff, id);
  }

  @Post(':id/link')
  @HttpCode(HttpStatus.OK)
  @Roles(...INTAKE_ROLES)
  @ApiOperation({
    summary:
      'A duplicate report joins an open ticket of the same work as its child: not dispatched again, resolved with it',
  })
  @ApiZodBody(LinkTicketSchema)
  async link(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(LinkTicketSchema) body: LinkTicketRequest,
  ): Promise<TicketDetailView> {
    await this.links.link(staff, id, body.parentId);
    return this.links.detail(staff, id);
  }

  @Post(':id/reveal-phone')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "The caller's full phone, for the assignee or the intake agent; every reveal is logged" })
  async revealPhone(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<{ phone: string }> {
    return { phone: await this.reader.revealPhone(staff, id) };
  }

  @Post(':id/claim')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Take an unassigned ticket; 409 if someone else was first' })
  async claim(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<TicketView> {
    return this.reader.view(await this.assignment.claim(staff, id), staff);
  }

  @Post(':id/assign')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Dispatcher, Role.Supervisor)
  @ApiOperation({ summary: 'Push a ticket to a member of its queue' })
  @ApiZodBody(AssignSchema)
  async assign(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(AssignSchema) body: AssignRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.assignment.assign(staff, id, body.staffId, body.note), staff);
  }

  @Post(':id/transition')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Move the ticket along its life (受理, 出发, 到场, 处理完成, 关闭, 取消, 重新打开); a field job is resolved only with its result (POST /api/field/jobs/:id/resolve): 409 FIELD_JOB_RESULT_REQUIRED',
  })
  @ApiZodBody(TransitionSchema)
  async transition(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(TransitionSchema) body: TransitionRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.tickets.transition(staff, id, body.to, body.note), staff);
  }

  @Post(':id/retype')
  @HttpCode(HttpStatus.OK)
  @Roles(...INTAKE_ROLES)
  @ApiOperation({ summary: 'Reclassify: re-routes the ticket and recomputes its running clocks' })
  @ApiZodBody(RetypeSchema)
  async retype(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(RetypeSchema) body: RetypeRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.tickets.retype(staff, id, body.type, body.note), staff);
  }
}
