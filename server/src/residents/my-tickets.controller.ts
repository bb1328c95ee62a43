import { Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  CancelSchema,
  ResidentMoveWindowRequest,
  ResidentMoveWindowSchema,
  ResidentTicketView,
  TicketStatus,
} from '@utility/shared';
import { z } from 'zod';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { TicketAppointments } from '../tickets/ticket-appointments.service';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { AccountBindingsService } from './account-bindings.service';
import { CurrentResident, ResidentGuard } from './resident.guard';

/** "My requests": every ticket on an account the resident has bound, whoever created it. */
@ApiTags('residents')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api/my/tickets')
export class MyTicketsController {
  constructor(
    private readonly bindings: AccountBindingsService,
    private readonly reader: TicketReader,
    private readonly tickets: TicketsService,
    private readonly appointments: TicketAppointments,
  ) {}

  @Post(':id/window')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move the agreed visit window, before it begins and before anyone sets off' })
  @ApiZodBody(ResidentMoveWindowSchema)
  async moveWindow(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(ResidentMoveWindowSchema) body: ResidentMoveWindowRequest,
  ): Promise<ResidentTicketView> {
    const accountNos = await this.bindings.accountNos(me.id);
    const window = { start: new Date(body.windowStart), end: new Date(body.windowEnd) };
    await this.appointments.moveByResident(me, accountNos, id, window, body.reason);
    return this.reader.residentDetail(accountNos, id, me.id);
  }

  @Get()
  async list(@CurrentResident() me: ResidentPrincipal): Promise<ResidentTicketView[]> {
    return this.reader.residentTickets(await this.bindings.accountNos(me.id), me.id);
  }

  @Get(':id')
  async get(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<ResidentTicketView> {
    return this.reader.residentDetail(await this.bindings.accountNos(me.id), id, me.id);
  }

  @Post(':id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel before a technician is assigned' })
  @ApiZodBody(CancelSchema)
  async cancel(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(CancelSchema) body: z.infer<typeof CancelSchema>,
  ): Promise<ResidentTicketView> {
    const accountNos = await this.bindings.accountNos(me.id);
    await this.tickets.transitionForResident(me, accountNos, id, TicketStatus.Cancelled, body.reason ?? '居民取消');
    return this.reader.residentDetail(accountNos, id, me.id);
  }
}
