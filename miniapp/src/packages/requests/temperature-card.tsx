import { Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { ResidentStep, type ResidentTicketView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { formatFullTime } from '../../format/time';
import { confirmTemperature } from '../../services/api/my-tickets';

interface Props {
  ticket: ResidentTicketView;
  onChanged: (ticket: ResidentTicketView) => void;
  onRefused: () => void;
}

/** 室温测量记录: each reading the technician took; one not signed on their phone counts once the resident confirms it. */
export function TemperatureCard({ ticket, onChanged, onRefused }: Props) {
  const [busy, setBusy] = useState(false);
  const readings = ticket.temperatureReadings ?? [];
  if (!readings.length) return null;
  const open = readings.some((r) => !r.signed && !r.residentConfirmed);

  async function confirm() {
    setBusy(true);
    try {
      onChanged(await confirmTemperature(ticket.id));
      void Taro.showToast({ title: '已确认室温', icon: 'success' });
    } catch {
      onRefused();
    } finally {
      setBusy(false);
    }
  }

  return (
    <View id="request-temperature" className="card">
      <Text className="card__title">室温测量记录</Text>
      {readings.map((r) => (
        <Text
          key={r.id}
          className={r.belowStandard ? 'request-detail__line text-breached' : 'request-detail__line text-ok'}
        >
          {formatFullTime(r.measuredAt)} {r.celsius.toFixed(1)}℃（标准 ≥{r.minCelsius}℃）
          {r.belowStandard ? '不达标' : '达标'}，{r.signed ? '您已签字' : r.residentConfirmed ? '您已确认' : '待您确认'}
        </Text>
      ))}
      {open && ticket.step === ResidentStep.Arrived ? (
        <ActionButton id="request-temperature-confirm" busy={busy} onClick={() => void confirm()}>
          确认室温读数
        </ActionButton>
      ) : null}
    </View>
  );
}
