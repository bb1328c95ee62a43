import { Controller, Get, Header, Headers, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AddIncidentTicketSchema,
  CreateIncidentRequest,
  CreateIncidentSchema,
  IncidentNoteSchema,
  IncidentView,
  Role,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { incidentCsv } from './incident-export';
import { IncidentsService } from './incidents.service';

/** Agents group the calls of a major incident; dispatch and supervisors lead it. */
@ApiTags('incidents')
@Controller('api/staff/incidents')
@UseGuards(StaffGuard)
@Roles(Role.Agent, Role.Dispatcher, Role.Supervisor, Role.Admin)
@ApiBearerAuth()
export class IncidentsController {
  constructor(private readonly incidents: IncidentsService) {}

  @Post()
  @ApiOperation({ summary: 'Declare a major incident with its lead' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiZodBody(CreateIncidentSchema)
  async create(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(CreateIncidentSchema) body: CreateIncidentRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<IncidentView> {
    void reply.status(HttpStatus.CREATED);
    return this.incidents.create(me, body, key);
  }

  @Get()
  list(): Promise<IncidentView[]> {
    return this.incidents.list();
  }

  @Get(':id')
  get(@IdParam() id: number): Promise<IncidentView> {
    return this.incidents.view(id);
  }

  @Post(':id/tickets')
  @HttpCode(200)
  @ApiOperation({ summary: 'Group a ticket under the incident (once)' })
  @ApiZodBody(AddIncidentTicketSchema)
  addTicket(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(AddIncidentTicketSchema) body: z.infer<typeof AddIncidentTicketSchema>,
  ): Promise<IncidentView> {
    return this.incidents.addTicket(me, id, body.ticketId);
  }

  @Post(':id/notes')
  @HttpCode(200)
  @ApiZodBody(IncidentNoteSchema)
  note(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(IncidentNoteSchema) body: z.infer<typeof IncidentNoteSchema>,
  ): Promise<IncidentView> {
    return this.incidents.note(me, id, body.note);
  }

  @Post(':id/close')
  @HttpCode(200)
  @Roles(Role.Dispatcher, Role.Supervisor, Role.Admin)
  close(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number): Promise<IncidentView> {
    return this.incidents.close(me, id);
  }

  @Get(':id/export.csv')
  @Header('Content-Type', 'text/csv; charset=utf-8')
  @ApiOperation({ summary: 'The record for the authorities: facts, tickets and timeline (CSV)' })
  async export(@IdParam() id: number, @Res({ passthrough: true }) reply: FastifyReply): Promise<string> {
    void reply.header('Content-Disposition', `attachment; filename="incident-${id}.csv"`);
    return incidentCsv(await this.incidents.view(id));
  }
}
