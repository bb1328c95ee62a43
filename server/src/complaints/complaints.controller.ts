import { Controller, Headers, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CreateComplaintRequest, CreateComplaintSchema, FeedbackRequestCreated } from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { ResidentPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { ComplaintIntake } from './complaint-intake.service';

export const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  required: false,
  description: 'Retries with the same key create nothing new',
};

export function createdReply(
  reply: FastifyReply,
  result: { created: FeedbackRequestCreated; replayed: boolean },
): FeedbackRequestCreated {
  if (result.replayed) void reply.header('Idempotent-Replayed', 'true');
  void reply.status(HttpStatus.CREATED);
  return result.created;
}

/** Complaints from the miniapp (reports of misconduct: MisconductReportsController). */
@ApiTags('complaints')
@ApiBearerAuth()
@UseGuards(ResidentGuard)
@Controller('api')
export class ComplaintsController {
  constructor(private readonly intake: ComplaintIntake) {}

  @Post('complaints')
  @ApiOperation({ summary: 'Complain about one of your tickets, an account, or in general' })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateComplaintSchema)
  async complain(
    @CurrentResident() me: ResidentPrincipal,
    @ZodBody(CreateComplaintSchema) body: CreateComplaintRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<FeedbackRequestCreated> {
    return createdReply(reply, await this.intake.complain(me, body, key));
  }
}
