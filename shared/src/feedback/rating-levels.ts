/** The four satisfaction levels (docs/domain.md#ratings), best first. */
export enum RatingLevel {
  VerySatisfied = 'very_satisfied',
  Satisfied = 'satisfied',
  FairlySatisfied = 'fairly_satisfied',
  Dissatisfied = 'dissatisfied',
}

export const RATING_LEVELS: readonly RatingLevel[] = [
  RatingLevel.VerySatisfied,
  RatingLevel.Satisfied,
  RatingLevel.FairlySatisfied,
  RatingLevel.Dissatisfied,
];

export const RATING_LEVEL_LABELS: Record<RatingLevel, string> = {
  [RatingLevel.VerySatisfied]: '满意',
  [RatingLevel.Satisfied]: '比较满意',
  [RatingLevel.FairlySatisfied]: '基本满意',
  [RatingLevel.Dissatisfied]: '不满意',
};

/** The four questions of a rating; each is answered on the same four levels. */
export enum RatingQuestion {
  Speed = 'speed',
  Attitude = 'attitude',
  Quality = 'quality',
  Tidiness = 'tidiness',
}

export const RATING_QUESTIONS: readonly RatingQuestion[] = [
  RatingQuestion.Speed,
  RatingQuestion.Attitude,
  RatingQuestion.Quality,
  RatingQuestion.Tidiness,
];

export const RATING_QUESTION_LABELS: Record<RatingQuestion, string> = {
  [RatingQuestion.Speed]: '处理速度',
  [RatingQuestion.Attitude]: '服务态度',
  [RatingQuestion.Quality]: '处理质量',
  [RatingQuestion.Tidiness]: '现场整洁',
};

/** The monthly report's satisfaction rate counts the top three levels (docs/domain.md#monthly-report). */
export function isSatisfied(level: RatingLevel): boolean {
  return level !== RatingLevel.Dissatisfied;
}
