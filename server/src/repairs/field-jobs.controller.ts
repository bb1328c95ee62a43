import { Controller, Get, HttpCode, HttpStatus, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ArriveRequest,
  ArriveSchema,
  DepartRequest,
  DepartSchema,
  FieldJobView,
  HandOverRequest,
  HandOverSchema,
  ResolveJobRequest,
  ResolveJobSchema,
  Role,
  SendQuoteRequest,
  SendQuoteSchema,
  SignQuoteRequest,
  SignQuoteSchema,
  TemperatureReadingView,
  TemperatureRequest,
  TemperatureSchema,
} from '@utility/shared';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { FieldWorkService } from './field-work.service';

/** The technician's phone: my jobs, and each step of a visit. Only the assignee may take a step. */
@ApiTags('field')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Roles(Role.Technician)
@Controller('api/field/jobs')
export class FieldJobsController {
  constructor(private readonly field: FieldWorkService) {}

  @Get()
  @ApiOperation({ summary: 'My open jobs in work order (priority, then the deadline that runs out first)' })
  jobs(@CurrentStaff() me: StaffPrincipal): Promise<FieldJobView[]> {
    return this.field.jobs(me);
  }

  @Post(':id/accept')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '接单: acknowledge an assigned job' })
  accept(@CurrentStaff() me: StaffPrincipal, @IdParam() id: number): Promise<FieldJobView> {
    return this.field.accept(me, id);
  }

  @Post(':id/depart')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '出发: on the way, with an ETA the resident sees' })
  @ApiZodBody(DepartSchema)
  depart(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(DepartSchema) body: DepartRequest,
  ): Promise<FieldJobView> {
    return this.field.depart(me, id, body);
  }

  @Post(':id/arrive')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '到场: on site (the time is recorded; the location if given)' })
  @ApiZodBody(ArriveSchema)
  arrive(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(ArriveSchema) body: ArriveRequest,
  ): Promise<FieldJobView> {
    return this.field.arrive(me, id, body);
  }

  @Post(':id/quote')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      '报价: price-list items and quantities, priced by the server (fen), sent to the resident before chargeable work; supersedes an earlier quote of the visit',
  })
  @ApiZodBody(SendQuoteSchema)
  sendQuote(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(SendQuoteSchema) body: SendQuoteRequest,
  ): Promise<FieldJobView> {
    return this.field.sendQuote(me, id, body);
  }

  @Post(':id/quote/signature')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: "The resident signed the visit's quote on the technician's phone (an uploaded image)" })
  @ApiZodBody(SignQuoteSchema)
  signQuote(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(SignQuoteSchema) body: SignQuoteRequest,
  ): Promise<FieldJobView> {
    return this.field.signQuote(me, id, body);
  }

  @Post(':id/resolve')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({
    summary:
      "处理完成: diagnosis, work, parts, before/after photos; chargeable only with the visit's accepted quote (409 QUOTE_REQUIRED); the resident's signature or their own in-app confirmation",
  })
  @ApiZodBody(ResolveJobSchema)
  resolve(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(ResolveJobSchema) body: ResolveJobRequest,
  ): Promise<FieldJobView> {
    return this.field.resolve(me, id, body);
  }

  @Post(':id/hand-over')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: '退回: give the job back to its queue with a reason; the clocks keep running' })
  @ApiZodBody(HandOverSchema)
  handOver(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(HandOverSchema) body: HandOverRequest,
  ): Promise<FieldJobView> {
    return this.field.handOver(me, id, body);
  }

  @Post(':id/temperature')
  @HttpCode(HttpStatus.CREATED)
  @ApiOperation({ summary: '室温测量 on site for a room-temperature ticket, judged against the standard of that hour' })
  @ApiZodBody(TemperatureSchema)
  temperature(
    @CurrentStaff() me: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(TemperatureSchema) body: TemperatureRequest,
  ): Promise<TemperatureReadingView> {
    return this.field.recordTemperature(me, id, body);
  }
}
