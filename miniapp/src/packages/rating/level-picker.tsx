import { Text, View } from '@tarojs/components';
import { RATING_LEVELS, RATING_LEVEL_LABELS, RatingLevel } from '@utility/shared';

interface Props {
  /** Element ids: `${id}-${level}`. */
  id: string;
  value: RatingLevel | undefined;
  /** Shown as following the overall level rather than chosen (lighter). */
  inherited?: boolean;
  size?: 'large' | 'small';
  onChange: (level: RatingLevel) => void;
}

/** The four levels (docs/domain.md#ratings), best first; 不满意 in red so that it is never picked by accident. */
export function LevelPicker({ id, value, inherited, size = 'small', onChange }: Props) {
  return (
    <View id={id} className={`levels levels--${size}`}>
      {RATING_LEVELS.map((level) => {
        const on = value === level;
        const className = [
          'level',
          level === RatingLevel.Dissatisfied ? 'level--bad' : '',
          on ? (inherited ? 'level--inherited' : 'level--on') : '',
        ]
          .join(' ')
          .trim();
        return (
          <View key={level} id={`${id}-${level}`} className={className} onClick={() => onChange(level)}>
            <Text>{RATING_LEVEL_LABELS[level]}</Text>
          </View>
        );
      })}
    </View>
  );
}
