import { Controller, Get, Headers, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  APPLICATION_KINDS,
  ApplicationDecisionRequest,
  ApplicationDecisionSchema,
  CreateApplicationRequest,
  CreateApplicationSchema,
  FeedbackRequestCreated,
  Role,
  TicketView,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { IDEMPOTENCY_HEADER, createdReply } from '../complaints/complaints.controller';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { TicketReader } from '../tickets/ticket-reader.service';
import { ApplicationDecisions } from './application-decisions.service';
import { ApplicationView, ApplicationsService } from './applications.service';

/** Business applications: kinds and their forms (public), filing (resident), the form (staff). */
@ApiTags('applications')
@Controller('api/applications')
export class ApplicationsController {
  constructor(
    private readonly applications: ApplicationsService,
    private readonly decisions: ApplicationDecisions,
    private readonly reader: TicketReader,
  ) {}

  @Get('kinds')
  @ApiOperation({ summary: 'Application kinds with the fields and documents (photos) each needs' })
  kinds() {
    // RegExps do not serialise: the miniapp gets the input kind and validates with the shared schema.
    return Object.values(APPLICATION_KINDS).map((k) => ({ ...k, fields: k.fields.map(({ pattern: _p, ...f }) => f) }));
  }

  @Post()
  @UseGuards(ResidentGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: '开户、过户、停复气、停复热 on a bound account, with the documents each needs' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateApplicationSchema)
  async apply(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateApplicationSchema) body: CreateApplicationRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackRequestCreated> {
    return createdReply(reply, await this.applications.apply(me, body, key));
  }

  @Get(':id')
  @UseGuards(StaffGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Staff: the form of an application ticket (by ticket id), ID numbers and phones masked' })
  view(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<ApplicationView> {
    return this.applications.view(staff, id);
  }

  @Post(':id/decision')
  @HttpCode(HttpStatus.OK)
  @UseGuards(StaffGuard)
  @Roles(Role.Agent, Role.Supervisor)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Approve or refuse an application (by ticket id) with the reason the resident sees' })
  @ApiZodBody(ApplicationDecisionSchema)
  async decide(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(ApplicationDecisionSchema) body: ApplicationDecisionRequest,
  ): Promise<TicketView> {
    return this.reader.view(await this.decisions.decide(staff, id, body), staff);
  }
}
