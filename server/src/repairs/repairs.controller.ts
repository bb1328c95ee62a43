import { Controller, Get, Headers, HttpStatus, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  CreateEmergencyRequest,
  CreateEmergencySchema,
  CreateRepairRequest,
  CreateRepairSchema,
  EmergencyAlarmView,
  FAULT_CATEGORIES,
  ResidentTicketView,
  SafetyInstruction,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { ResidentCreated, RepairsService } from './repairs.service';

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retries with the same key create nothing new',
};

function created(reply: FastifyReply, result: ResidentCreated): ResidentTicketView {
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  void reply.status(HttpStatus.CREATED);
  return result.view;
}

/** Fault reports and leak alarms from the miniapp. */
@ApiTags('repairs')
@Controller()
export class RepairsController {
  constructor(private readonly repairs: RepairsService) {}

  @Get('api/repairs/categories')
  @ApiOperation({ summary: 'Fault categories per utility with Chinese labels (leaks flagged as emergencies)' })
  categories(): typeof FAULT_CATEGORIES {
    return FAULT_CATEGORIES;
  }

  @Post('api/repairs')
  @UseGuards(ResidentGuard)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Report a fault on a bound account, with up to 6 photos and a preferred visit window' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateRepairSchema)
  async report(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateRepairSchema) body: CreateRepairRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<ResidentTicketView> {
    return created(reply, await this.repairs.report(me, body, key));
  }

  @Post('api/emergencies')
  @UseGuards(ResidentGuard)
  @ApiBearerAuth()
  @ApiOperation({
    summary:
      "One-tap gas leak alarm: a leak ticket dispatched at once to an on-duty technician of the district (201); a repeat while the account's leak is open joins it (200, joined: true); 3 alarms per resident per 10 minutes, then 429 with Retry-After",
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateEmergencySchema)
  async emergency(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateEmergencySchema) body: CreateEmergencyRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<EmergencyAlarmView> {
    const raised = await this.repairs.emergency(me, body, key);
    if (raised.replayed) void reply.header('Idempotent-Replayed', 'true');
    // Joining the open leak creates nothing: 200, with the same ticket.
    void reply.status(raised.view.joined ? HttpStatus.OK : HttpStatus.CREATED);
    return raised.view;
  }

  @Get('api/safety-instructions')
  @ApiOperation({
    summary:
      'What to do in a leak, in order, with the 24-hour hotline (shown before anything else): a gas leak, or with ?utility=heating a hot-water leak',
  })
  @ApiQuery({ name: 'utility', required: false, enum: ['gas', 'heating'] })
  safetyInstructions(@Query('utility') utility?: string): SafetyInstruction[] {
    return this.repairs.safetyInstructions(utility === 'heating' ? 'heating' : 'gas');
  }
}
