import { HttpStatus, Injectable, OnModuleInit } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import {
  CreateRatingRequest,
  ErrorCode,
  RATED_TYPES,
  RATING_LEVEL_LABELS,
  RatingLevel,
  RatingView,
  ResidentTicketView,
  TicketEventKind,
  ratingClosesAt,
  ratingRefusal,
} from '@utility/shared';
import { In, IsNull, Not, Repository } from 'typeorm';
import { AppError } from '../common/app-error';
import { Clock } from '../common/clock';
import { isDuplicateKey } from '../common/db';
import { IdempotencyService } from '../common/idempotency/idempotency.service';
import { ResidentPrincipal } from '../common/principal';
import { AccountBindingsService } from '../residents/account-bindings.service';
import { TicketExtensions } from '../tickets/ticket-extensions';
import { TicketReader } from '../tickets/ticket-reader.service';
import { TicketsService } from '../tickets/tickets.service';
import { FeedbackLoop } from './feedback-loop.service';
import { toRatingView } from './rating-view';
import { Rating } from './rating.entity';
import { resolutionOf } from './resolution';
import { ReturnVisit } from './return-visit.entity';

const refused = (code: ErrorCode) => new AppError(HttpStatus.CONFLICT, code);

/** The resident rates each resolution once, within 7 days; the rating closes the work or sends it round the loop. */
@Injectable()
export class RatingsService implements OnModuleInit {
  constructor(
    @InjectRepository(Rating) private readonly ratings: Repository<Rating>,
    private readonly reader: TicketReader,
    private readonly tickets: TicketsService,
    private readonly bindings: AccountBindingsService,
    private readonly extensions: TicketExtensions,
    private readonly loop: FeedbackLoop,
    private readonly idempotency: IdempotencyService,
    private readonly clock: Clock,
  ) {}

  onModuleInit(): void {
    this.extensions.addResidentViewDecorator((views) => this.decorate(views));
  }

  /** A resend with the same `Idempotency-Key` (the answer was lost) returns the same rating, replayed. */
  async rate(
    me: ResidentPrincipal,
    id: number,
    body: CreateRatingRequest,
    key?: string,
  ): Promise<{ rating: RatingView; replayed: boolean }> {
    await this.reader.residentTicket(await this.bindings.accountNos(me.id), id, me.id);
    const now = this.clock.now();
    try {
      // The ticket is part of what the key stands for: the same key on another ticket is refused (422).
      const created = await this.idempotency.create(
        `resident:${me.id}`,
        key,
        'rating',
        { ticketId: id, ...body },
        async (em) => {
          // Locked: a second tap waits for the first and then sees its rating.
          const { ticket, events } = await this.tickets.lockForStep(id);
          const resolution = resolutionOf(events);
          const rated =
            resolution.number > 0 && (await em.existsBy(Rating, { ticketId: id, resolution: resolution.number }));
          const refusal = ratingRefusal({
            type: ticket.type,
            status: ticket.status,
            resolvedAt: resolution.resolvedAt,
            rated,
            now,
          });
          if (refusal) throw refused(refusal);
          const { identifiers } = await em.insert(Rating, {
            ticketId: id,
            ticketType: ticket.type,
            resolution: resolution.number,
            residentId: me.id,
            staffId: resolution.resolvedById,
            level: body.level,
            ...body.answers,
            comment: body.comment || null,
            ratedAt: now,
          });
          // No resident on the timeline: a report's author stays unknown to staff.
          const fresh = await this.tickets.recordStep(null, ticket, {
            events: [
              {
                kind: TicketEventKind.Note,
                note: `居民评价：${RATING_LEVEL_LABELS[body.level]}`,
                data: { rating: body.level, resolution: resolution.number },
              },
            ],
          });
          if (body.level === RatingLevel.Dissatisfied) {
            await this.loop.followUp(fresh, 'dissatisfied', '居民评价不满意');
          } else if (
            !(await em.existsBy(ReturnVisit, {
              visitedTicketId: id,
              resolution: resolution.number,
              taskTicketId: Not(IsNull()),
              outcome: IsNull(),
            }))
          ) {
            await this.loop.close(fresh, '居民已评价，无需回访，关闭');
          }
          return identifiers[0].id as number;
        },
      );
      return {
        rating: toRatingView(await this.ratings.findOneByOrFail({ id: created.resourceId })),
        replayed: created.replayed,
      };
    } catch (error) {
      if (isDuplicateKey(error)) throw refused(ErrorCode.AlreadyRated);
      throw error;
    }
  }

  ratingsOf(ticketId: number): Promise<Rating[]> {
    return this.ratings.find({ where: { ticketId }, order: { resolution: 'ASC' } });
  }

  ratingsFor(staffId: number): Promise<Rating[]> {
    return this.ratings.find({ where: { staffId }, order: { ratedAt: 'DESC', id: 'DESC' }, take: 500 });
  }

  /** The rating state of each rated ticket in a resident's view. */
  private async decorate(views: ResidentTicketView[]): Promise<void> {
    const rated = views.filter((v) => RATED_TYPES.has(v.type));
    for (const v of views) if (!RATED_TYPES.has(v.type)) v.rating = null;
    if (!rated.length) return;
    const ids = rated.map((v) => v.id);
    const [events, ratings, tickets] = await Promise.all([
      this.reader.eventsOf(ids),
      this.ratings.findBy({ ticketId: In(ids) }),
      this.reader.byIds(ids),
    ]);
    const now = this.clock.now();
    for (const v of rated) {
      const ticket = tickets.find((t) => t.id === v.id)!;
      const resolution = resolutionOf(events.filter((e) => e.ticketId === v.id));
      const mine = ratings.find((r) => r.ticketId === v.id && r.resolution === resolution.number) ?? null;
      const refusal = ratingRefusal({
        type: ticket.type,
        status: ticket.status,
        resolvedAt: resolution.resolvedAt,
        rated: !!mine,
        now,
      });
      v.rating = {
        canRate: refusal === null,
        closesAt: resolution.resolvedAt ? ratingClosesAt(resolution.resolvedAt).toISOString() : null,
        rated: mine ? toRatingView(mine) : null,
      };
    }
  }
}
