import { Controller, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AcceptQuoteRequest,
  AcceptQuoteSchema,
  NotFixedRequest,
  NotFixedSchema,
  ResidentTicketView,
} from '@utility/shared';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { ResidentSignOffService } from './resident-sign-off.service';

/** Beside "my requests" (residents module): the resident's word once the work is resolved. */
@ApiTags('residents')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api/my/tickets')
export class ResidentSignOffController {
  constructor(private readonly signOff: ResidentSignOffService) {}

  @Post(':id/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      'Confirm the work is done: on site (the technician then resolves with in_app) or once resolved; repeating it changes nothing',
  })
  confirm(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<ResidentTicketView> {
    return this.signOff.confirm(me, id);
  }

  @Post(':id/quote/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "同意报价: agree to the visit's quote (by id: a newer quote is 409 QUOTE_CHANGED) before the work is recorded",
  })
  @ApiZodBody(AcceptQuoteSchema)
  acceptQuote(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(AcceptQuoteSchema) body: AcceptQuoteRequest,
  ): Promise<ResidentTicketView> {
    return this.signOff.acceptQuote(me, id, body.quoteId);
  }

  @Post(':id/temperature/confirm')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Confirm the room-temperature readings taken on site (those not signed on the phone)' })
  confirmTemperature(@CurrentResident() me: ResidentPrincipal, @IdParam() id: number): Promise<ResidentTicketView> {
    return this.signOff.confirmTemperature(me, id);
  }

  @Post(':id/not-fixed')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Not fixed: reopens the resolved ticket (same number) with the reason' })
  @ApiZodBody(NotFixedSchema)
  notFixed(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(NotFixedSchema) body: NotFixedRequest,
  ): Promise<ResidentTicketView> {
    return this.signOff.notFixed(me, id, body.reason);
  }
}
