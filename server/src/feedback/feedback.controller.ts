import { Controller, Get, Headers, HttpStatus, Post, Res, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  COMPLAINT_GRADE_LABELS,
  CreateRatingRequest,
  CreateRatingSchema,
  RATING_LEVELS,
  RatingView,
  StaffRatingsView,
  TicketFeedbackView,
  TICKET_TYPE_LABELS,
  isSatisfied,
} from '@utility/shared';
import type { FastifyReply } from 'fastify';
import { CurrentStaff, StaffGuard } from '../common/auth.guard';
import { IdParam } from '../common/id-param';
import { ResidentPrincipal, StaffPrincipal } from '../common/principal';
import { ApiZodBody, ZodBody } from '../common/zod-body';
import { ComplaintHandling } from '../complaints/complaint-handling.service';
import { IDEMPOTENCY_HEADER } from '../complaints/complaints.controller';
import { CurrentResident, ResidentGuard } from '../residents/resident.guard';
import { TicketReader } from '../tickets/ticket-reader.service';
import { toRatingView } from './rating-view';
import { RatingsService } from './ratings.service';

/** Ratings: the resident gives them; staff see their own and those on a ticket. */
@ApiTags('feedback')
@ApiBearerAuth()
@Controller('api')
export class FeedbackController {
  constructor(
    private readonly ratings: RatingsService,
    private readonly reader: TicketReader,
    private readonly complaints: ComplaintHandling,
  ) {}

  @Post('my/tickets/:id/rating')
  @UseGuards(ResidentGuard)
  @ApiOperation({
    summary:
      'Rate the latest resolution of your ticket (once, within 7 days); 不满意 opens a complaint about it (a report is reopened)',
  })
  @ApiHeader(IDEMPOTENCY_HEADER)
  @ApiZodBody(CreateRatingSchema)
  async rate(
    @CurrentResident() me: ResidentPrincipal,
    @IdParam() id: number,
    @ZodBody(CreateRatingSchema) body: CreateRatingRequest,
    @Headers('idempotency-key') key: string | undefined,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<RatingView> {
    const { rating, replayed } = await this.ratings.rate(me, id, body, key);
    if (replayed) void reply.header('Idempotent-Replayed', 'true');
    void reply.status(HttpStatus.CREATED);
    return rating;
  }

  @Get('staff/me/ratings')
  @UseGuards(StaffGuard)
  @ApiOperation({ summary: 'Ratings of the work you resolved, with counts by level and the satisfaction rate' })
  async mine(@CurrentStaff() staff: StaffPrincipal): Promise<StaffRatingsView> {
    const rows = await this.ratings.ratingsFor(staff.id);
    const tickets = await this.reader.byIds([...new Set(rows.map((r) => r.ticketId))]);
    const counts = Object.fromEntries(
      RATING_LEVELS.map((l) => [l, rows.filter((r) => r.level === l).length]),
    ) as StaffRatingsView['counts'];
    return {
      total: rows.length,
      counts,
      satisfactionRate: rows.length ? rows.filter((r) => isSatisfied(r.level)).length / rows.length : null,
      items: rows.map((r) => ({
        ...toRatingView(r),
        ticketNo: tickets.find((t) => t.id === r.ticketId)?.no ?? String(r.ticketId),
        type: r.ticketType,
        typeLabel: TICKET_TYPE_LABELS[r.ticketType],
      })),
    };
  }

  @Get('tickets/:id/feedback')
  @UseGuards(StaffGuard)
  @ApiOperation({
    summary:
      "A ticket's ratings and complaint handling (grade, first reply, compensation); an anonymous reporter is never shown",
  })
  async feedback(@CurrentStaff() staff: StaffPrincipal, @IdParam() id: number): Promise<TicketFeedbackView> {
    await this.reader.visibleTicket(staff, id);
    const [ratings, handling, compensations, anonymous] = await Promise.all([
      this.ratings.ratingsOf(id),
      this.complaints.caseOf(id),
      this.complaints.compensationsOf(id),
      this.complaints.isAnonymous(id),
    ]);
    const related = handling?.relatedTicketId ? await this.reader.byId(handling.relatedTicketId) : null;
    const last = compensations[compensations.length - 1];
    return {
      ticketId: id,
      grade: handling?.grade ?? null,
      gradeLabel: handling?.grade ? COMPLAINT_GRADE_LABELS[handling.grade] : null,
      firstReplyAt: handling?.firstReplyAt?.toISOString() ?? null,
      compensation: last
        ? {
            amountFen: last.amountFen,
            reason: last.reason,
            approvedBy: last.approvedByName,
            approvedAt: last.approvedAt.toISOString(),
          }
        : null,
      anonymous,
      relatedTicket: related ? { id: related.id, no: related.no ?? String(related.id) } : null,
      ratings: ratings.map(toRatingView),
    };
  }
}
