import { Text, View } from '@tarojs/components';
import { VisitKind, type FieldInspectionView } from '@utility/shared';
import { formatFullTime } from '../../format/time';
import { visitStatusLabel, visitWhen } from './visit-labels';

/** What the inspector needs at the door: where, who, which visit, and the hazards to re-check. */
export function VisitCard({ visit }: { visit: FieldInspectionView }) {
  return (
    <View className="card visit-card">
      <View className="row">
        <Text className="card__title visit-card__title">
          {visit.kind === VisitKind.Reinspection ? '隐患复检' : '入户安检'}
        </Text>
        <Text id="visit-status" className={visit.recorded ? 'badge' : 'badge badge--status'}>
          {visitStatusLabel(visit)}
        </Text>
      </View>
      <Text className="muted">
        {visit.ticketNo} · 户号 {visit.accountNo}
      </Text>
      <Text id="visit-address" className="visit-card__address">
        {visit.address}
      </Text>
      <Text className="visit-card__line">
        {visit.contactName}
        {visit.contactPhone ? ` ${visit.contactPhone}` : ''}
      </Text>
      <Text id="visit-when" className="visit-card__when">
        {visitWhen(visit)}
      </Text>
      {visit.openHazards.length > 0 ? (
        <View className="visit-card__hazards">
          <Text className="visit-card__label">待复检隐患</Text>
          {visit.openHazards.map((h) => (
            <View key={h.id} id={`visit-hazard-${h.id}`} className="visit-card__hazard">
              <Text className="visit-card__hazard-title">
                {h.itemLabel} · {h.severityLabel}
              </Text>
              <Text className="muted">
                {h.note}（整改期限 {formatFullTime(h.deadline)}）
              </Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
