import { RATING_LEVEL_LABELS, RatingView } from '@utility/shared';
import { Rating } from './rating.entity';

export const toRatingView = (r: Rating): RatingView => ({
  id: r.id,
  ticketId: r.ticketId,
  resolution: r.resolution,
  level: r.level,
  levelLabel: RATING_LEVEL_LABELS[r.level],
  answers: { speed: r.speed, attitude: r.attitude, quality: r.quality, tidiness: r.tidiness },
  comment: r.comment,
  ratedAt: r.ratedAt.toISOString(),
});
