import { Controller, Get, Headers, HttpCode, HttpStatus, Patch, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  DeclareOutageRequest,
  DeclareOutageSchema,
  ErrorCode,
  OutageAreaChoices,
  OutageView,
  ResidentOutageView,
  Role,
  UpdateOutageRequest,
  UpdateOutageSchema,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { AppError } from '../common/app-error';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { OrgService } from '../org/org.service';
import { OutageChildren } from './outage-children.service';
import { OutagesService } from './outages.service';

/** Who declares, moves and restores an outage: dispatch runs it, supervisors and admins stand in. */
const OUTAGE_STAFF = [Role.Dispatcher, Role.Supervisor, Role.Admin];

/** Outages (停气 / 停热 / 停电): staff declare and restore them; residents see those over their accounts. */
@ApiTags('outages')
@Controller()
export class OutagesController {
  constructor(
    private readonly outages: OutagesService,
    private readonly children: OutageChildren,
    private readonly org: OrgService,
  ) {}

  @Post('api/staff/outages')
  @UseGuards(StaffGuard)
  @Roles(...OUTAGE_STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Declare a planned or unplanned outage over an area; its residents are told' })
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiZodBody(DeclareOutageSchema)
  async declare(
    @CurrentStaff() me: StaffPrincipal,
    @ZodBody(DeclareOutageSchema) body: DeclareOutageRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<OutageView> {
    void reply.status(HttpStatus.CREATED);
    return this.outages.declare(me, body, key);
  }

  @Get('api/staff/outages')
  @UseGuards(StaffGuard)
  @Roles(Role.Agent, ...OUTAGE_STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Outages, newest first; ?phase=current: those not yet restored' })
  list(@Query('phase') phase?: string): Promise<OutageView[]> {
    return this.outages.list(phase === 'current' ? 'current' : undefined);
  }

  @Get('api/staff/outages/areas')
  @UseGuards(StaffGuard)
  @Roles(...OUTAGE_STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'The districts and stations an outage can be declared over (dispatch is no admin)' })
  async areas(): Promise<OutageAreaChoices> {
    const [districts, stations] = await Promise.all([this.org.districtViews(), this.org.stationViews()]);
    return {
      districts: districts.map(({ id, name }) => ({ id, name })),
      stations: stations.map(({ id, name, districtId, utility }) => ({ id, name, districtId, utility })),
    };
  }

  @Get('api/staff/outages/:id')
  @UseGuards(StaffGuard)
  @Roles(Role.Agent, ...OUTAGE_STAFF)
  @ApiBearerAuth()
  async get(@IdParam() id: number): Promise<OutageView & { ticketIds: number[] }> {
    return { ...(await this.outages.view(id)), ticketIds: await this.children.childIds(id) };
  }

  @Patch('api/staff/outages/:id')
  @UseGuards(StaffGuard)
  @Roles(...OUTAGE_STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Move the expected restore time (residents are told) or change the reason' })
  @ApiZodBody(UpdateOutageSchema)
  update(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(UpdateOutageSchema) body: UpdateOutageRequest,
  ): Promise<OutageView> {
    return this.outages.update(me, id, body);
  }

  @Post('api/staff/outages/:id/restore')
  @HttpCode(200)
  @UseGuards(StaffGuard)
  @Roles(...OUTAGE_STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Supply restored: a last notice, and the linked faults resolved with it' })
  restore(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number): Promise<OutageView> {
    return this.outages.restore(me, id);
  }

  @Post('api/staff/outages/:id/tickets/:ticketId/unlink')
  @HttpCode(204)
  @UseGuards(StaffGuard)
  @Roles(...OUTAGE_STAFF)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Take a fault out of its outage: it becomes its own, and its on-site clock starts' })
  async unlink(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @IdParam('ticketId') ticketId: number,
  ): Promise<void> {
    await this.children.unlink(me, id, ticketId);
  }

  @Get('api/outages')
  @UseGuards(ResidentGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: "Active and planned outages over the resident's own accounts (?accountId= one of them)" })
  mine(
    @CurrentResident() me: ResidentPrincipal,
    @Query('accountId') accountId?: string,
  ): Promise<ResidentOutageView[]> {
    if (accountId !== undefined && !/^[1-9]\d{0,9}$/.test(accountId))
      throw new AppError(HttpStatus.BAD_REQUEST, ErrorCode.ValidationFailed, 'accountId 无效');
    return this.outages.forResident(me.id, accountId === undefined ? undefined : Number(accountId));
  }
}
