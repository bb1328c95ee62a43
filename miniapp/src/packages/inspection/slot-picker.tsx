import { Text, View } from '@tarojs/components';
import type { InspectionSlotView } from '@utility/shared';
import { halfHours } from '../../format/slot-hours';
import { groupSlotsByDay, placesLabel } from './slot-days';

interface Props {
  slots: InspectionSlotView[];
  chosen: number | null;
  now: Date;
  onChoose: (slot: InspectionSlotView) => void;
}

/** The open half-days, one row per day; a full half-day shows 已约满 and cannot be chosen. */
export function SlotPicker({ slots, chosen, now, onChoose }: Props) {
  const days = groupSlotsByDay(slots, now);
  if (days.length === 0)
    return <Text className="empty inspection__no-slots">近30天暂无可预约的时段，请关注后续安检计划</Text>;
  return (
    <View id="inspection-slots">
      {days.map((day) => (
        <View key={day.date} id={`inspection-day-${day.date}`} className="card slot-day">
          <Text className="slot-day__label">{day.label}</Text>
          <View className="slot-day__halves">
            {day.slots.map((slot) => {
              const full = slot.left <= 0;
              const on = slot.id === chosen;
              return (
                <View
                  key={slot.id}
                  id={`inspection-slot-${slot.id}`}
                  className={`slot${on ? ' slot--on' : ''}${full ? ' slot--full' : ''}`}
                  aria-disabled={full ? 'true' : undefined}
                  onClick={full ? undefined : () => onChoose(slot)}
                >
                  <Text className="slot__half">{halfHours(slot.half, slot.halfLabel)}</Text>
                  <Text className="slot__left">{placesLabel(slot)}</Text>
                </View>
              );
            })}
          </View>
        </View>
      ))}
    </View>
  );
}
