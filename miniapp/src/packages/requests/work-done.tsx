import { Text, View } from '@tarojs/components';
import { formatYuan, type ResidentTicketView } from '@utility/shared';
import { TicketPhotos } from '../../components/ticket-photos';
import { formatFullTime } from '../../format/time';

/**
 * What the resident sees of the work: the cause found, what was done, the parts and the charge, and the
 * photos — the resident's own and the technician's after the work.
 */
export function WorkDone({ ticket }: { ticket: ResidentTicketView }) {
  const work = ticket.work;
  const photos = ticket.photos ?? [];
  if (!work && !photos.length) return null;
  return (
    <View id="request-work" className="card">
      {work ? (
        <>
          <Text className="card__title">处理结果</Text>
          <Text id="request-work-cause" className="request-detail__line">
            故障原因：{work.cause}
          </Text>
          <Text id="request-work-measures" className="request-detail__line">
            处理措施：{work.measures}
          </Text>
          {work.parts.length ? (
            <Text className="request-detail__line">
              更换配件：{work.parts.map((p) => `${p.name} × ${p.qty}`).join('，')}
            </Text>
          ) : null}
          <Text id="request-work-charge" className="request-detail__line">
            {work.chargeable && work.chargeFen ? `收费：${formatYuan(work.chargeFen)}` : '本次维修不收费'}
          </Text>
          <Text className="muted request-detail__line">完成时间：{formatFullTime(work.resolvedAt)}</Text>
        </>
      ) : null}
      <TicketPhotos id="request-photos" title="照片" photos={photos} as="resident" />
    </View>
  );
}
