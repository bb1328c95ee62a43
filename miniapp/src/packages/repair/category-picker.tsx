import { Text, View } from '@tarojs/components';
import type { FaultCategory, FaultCategoryOption } from '@utility/shared';

interface Props {
  options: readonly FaultCategoryOption[];
  chosen: FaultCategory | '';
  onChoose: (option: FaultCategoryOption) => void;
}

/** Big tiles, one per category of the account's utility; leaks in red, as they lead to 一键报警. */
export function CategoryPicker({ options, chosen, onChoose }: Props) {
  return (
    <View className="categories">
      {options.map((option) => {
        const className = [
          'category',
          option.emergency ? 'category--emergency' : '',
          option.category === chosen ? 'category--on' : '',
        ]
          .join(' ')
          .trim();
        return (
          <View
            key={option.category}
            id={`repair-category-${option.category}`}
            className={className}
            onClick={() => onChoose(option)}
          >
            <Text className="category__label">{option.label}</Text>
            {option.emergency ? <Text className="category__note">紧急 · 一键报警</Text> : null}
          </View>
        );
      })}
    </View>
  );
}
