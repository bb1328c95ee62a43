import { Text, View } from '@tarojs/components';
import { RATING_LEVEL_LABELS, RATING_QUESTIONS, RATING_QUESTION_LABELS, type RatingView } from '@utility/shared';
import { formatFullTime } from '../../format/time';

/** A rating as given: the overall level, the four answers and the comment. */
export function RatedCard({ rating, title = '您的评价' }: { rating: RatingView; title?: string }) {
  return (
    <View id="rating-given" className="card rated">
      <View className="row">
        <Text className="card__title">{title}</Text>
        <Text id="rating-given-level" className="badge badge--status">
          {RATING_LEVEL_LABELS[rating.level]}
        </Text>
      </View>
      {RATING_QUESTIONS.map((q) => (
        <View key={q} className="row rated__answer">
          <Text className="muted">{RATING_QUESTION_LABELS[q]}</Text>
          <Text>{RATING_LEVEL_LABELS[rating.answers[q]]}</Text>
        </View>
      ))}
      {rating.comment ? <Text className="rated__comment">{rating.comment}</Text> : null}
      <Text className="muted">评价时间 {formatFullTime(rating.ratedAt)}</Text>
    </View>
  );
}
