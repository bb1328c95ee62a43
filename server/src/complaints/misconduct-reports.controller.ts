import { Controller, Headers, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateMisconductReportRequest, CreateMisconductReportSchema, FeedbackRequestCreated } from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { ComplaintIntake } from './complaint-intake.service';
import { IDEMPOTENCY_HEADER, createdReply } from './complaints.controller';

/**
 * 举报: residents report staff misconduct, optionally anonymously (docs/domain.md#complaints-and-reports).
 * Not the monthly report (`/api/reports/monthly`); the old path `/api/reports` still answers, deprecated.
 */
@ApiTags('complaints')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api')
export class MisconductReportsController {
  constructor(private readonly intake: ComplaintIntake) {}

  @Post('misconduct-reports')
  @ApiOperation({ summary: 'Report misconduct (举报), optionally anonymously: then no staff view shows who sent it' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateMisconductReportSchema)
  async report(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateMisconductReportSchema) body: CreateMisconductReportRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackRequestCreated> {
    return createdReply(reply, await this.intake.reportMisconduct(me, body, key));
  }

  /** The path before the rename: kept so installed miniapps keep working. */
  @Post('reports')
  @ApiOperation({
    summary: 'Report misconduct (举报): deprecated path, use POST /api/misconduct-reports',
    deprecated: true,
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateMisconductReportSchema)
  reportAtOldPath(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateMisconductReportSchema) body: CreateMisconductReportRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackRequestCreated> {
    return this.report(me, body, key, reply);
  }
}
