import { Controller, Headers, HttpCode, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  AnswerCheckRequest,
  AnswerCheckSchema,
  AnswerTicketRequest,
  AnswerTicketSchema,
  CreateConsultationRequest,
  CreateConsultationSchema,
  CreateSuggestionRequest,
  CreateSuggestionSchema,
  FeedbackRequestCreated,
  ResidentTicketView,
  Role,
  TicketView,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, Roles, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { IDEMPOTENCY_HEADER, createdReply } from '../complaints/complaints.controller';
import { ResidentIntake } from '../residents/resident-intake.service';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { TicketReader } from '../tickets/ticket-reader.service';
import { ConsultationIntake } from './consultation-intake.service';
import { TicketAnswers } from './ticket-answers.service';

/** Questions and suggestions from the app, and their satisfaction check (docs/domain.md#consultations). */
@ApiTags('consultations')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api')
export class ConsultationsController {
  constructor(
    private readonly filing: ConsultationIntake,
    private readonly answers: TicketAnswers,
    private readonly intake: ResidentIntake,
    private readonly reader: TicketReader,
  ) {}

  @Post('consultations')
  @ApiOperation({ summary: 'Ask a question (咨询); answered by an agent within 1 working day' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateConsultationSchema)
  async consult(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateConsultationSchema) body: CreateConsultationRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackRequestCreated> {
    return createdReply(reply, await this.filing.consult(me, body, key));
  }

  @Post('suggestions')
  @ApiOperation({ summary: 'Make a suggestion (建议), with photos if any; replied to within 5 working days' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateSuggestionSchema)
  async suggest(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateSuggestionSchema) body: CreateSuggestionRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackRequestCreated> {
    return createdReply(reply, await this.filing.suggest(me, body, key));
  }

  @Post('my/tickets/:id/answer-check')
  @HttpCode(HttpStatus.OK)
  @ApiOperation({ summary: 'Say whether the answer solved the question: 已解决 closes it, 未解决 reopens it' })
  @ApiZodBody(AnswerCheckSchema)
  async check(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(AnswerCheckSchema) body: AnswerCheckRequest,
  ): Promise<ResidentTicketView> {
    await this.answers.check(me, id, body);
    return this.reader.residentDetail(await this.intake.accountNos(me), id, me.id);
  }
}

/** Agents answer questions and suggestions, in their words or from the knowledge base. */
@ApiTags('consultations')
@ApiBearerAuth()
@UseGuards(StaffGuard)
@Controller('api/tickets')
export class TicketAnswersController {
  constructor(
    private readonly answers: TicketAnswers,
    private readonly reader: TicketReader,
  ) {}

  @Post(':id/answer')
  @HttpCode(HttpStatus.OK)
  @Roles(Role.Agent, Role.Supervisor, Role.Admin)
  @ApiOperation({
    summary: 'Answer a consultation or suggestion (stops the answer clock, resolves it, tells the resident)',
  })
  @ApiZodBody(AnswerTicketSchema)
  async answer(
    @CurrentStaff() staff: StaffPrincipal,
    @IdParam() id: number,
    @ZodBody(AnswerTicketSchema) body: AnswerTicketRequest,
  ): Promise<TicketView> {
    const answered = await this.answers.answer(staff, id, body);
    return this.reader.view(await this.reader.byId(answered.id), staff);
  }
}
