import { Controller, Get, Headers, HttpCode, HttpStatus, Post, Query, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AccountQuerySchema,
  BookInspectionRequest,
  BookInspectionSchema,
  CancelInspectionSchema,
  HazardView,
  InspectionBookingView,
  InspectionSlotView,
  RescheduleInspectionRequest,
  RescheduleInspectionSchema,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody, ZodPipe } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { HazardsService } from './hazards.service';
import { InspectionBookingsService } from './inspection-bookings.service';
import { InspectionSlotsService } from './inspection-slots.service';

/** The resident's inspection subpackage: slots, bookings, hazards. */
@ApiTags('inspections')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api')
export class ResidentInspectionsController {
  constructor(
    private readonly bookings: InspectionBookingsService,
    private readonly slots: InspectionSlotsService,
    private readonly hazards: HazardsService,
  ) {}

  @Get('inspection-slots')
  @ApiOperation({
    summary: 'Open slots of the account’s district for the next 30 days with places left, before their cut-off',
  })
  async openSlots(
    @CurrentResident() me: ResidentPrincipal,
    @Query(new ZodPipe(AccountQuerySchema)) q: { accountId: number },
  ): Promise<InspectionSlotView[]> {
    const account = await this.bookings.boundAccount(me, q.accountId);
    return this.slots.openSlots(account.districtId);
  }

  @Get('inspections')
  @ApiOperation({ summary: 'The account’s bookings, newest first' })
  list(
    @CurrentResident() me: ResidentPrincipal,
    @Query(new ZodPipe(AccountQuerySchema)) q: { accountId: number },
  ): Promise<InspectionBookingView[]> {
    return this.bookings.list(me, q.accountId);
  }

  @Post('inspections')
  @ApiOperation({
    summary: 'Book a slot: one active booking per account and plan; 409 SLOT_FULL when no place is left',
  })
  @ApiHeader({ name: 'Idempotency-Key', required: false, description: 'Retries with the same key book nothing new' })
  @ApiZodBody(BookInspectionSchema)
  async book(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(BookInspectionSchema) body: BookInspectionRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<InspectionBookingView> {
    const result = await this.bookings.book(me, body, key);
    if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
    void reply.status(HttpStatus.CREATED);
    return result.view;
  }

  @Post('inspections/:id/reschedule')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Move a booking to another slot (before the cut-off, or after nobody was home)' })
  @ApiZodBody(RescheduleInspectionSchema)
  reschedule(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(RescheduleInspectionSchema) body: RescheduleInspectionRequest,
  ): Promise<InspectionBookingView> {
    return this.bookings.reschedule(me, id, body.slotId);
  }

  @Post('inspections/:id/cancel')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Cancel a booking before the cut-off; the place is given back' })
  @ApiZodBody(CancelInspectionSchema)
  cancel(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(CancelInspectionSchema) body: { reason?: string },
  ): Promise<InspectionBookingView> {
    return this.bookings.cancel(me, id, body.reason);
  }

  @Get('accounts/:id/hazards')
  @ApiOperation({ summary: 'The account’s hazards with advice and rectification deadline (open first)' })
  accountHazards(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<HazardView[]> {
    return this.hazards.forResident(me, id);
  }
}
