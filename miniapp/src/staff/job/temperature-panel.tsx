import { Input, Text, View } from '@tarojs/components';
import type { TemperatureReadingView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { Photo } from '../../components/photo-grid';
import { recordTemperature } from '../../services/api/field-jobs';
import { SignatureConfirmation } from './signature-confirmation';

const CELSIUS = /^\d{1,2}(\.\d)?$/;

/**
 * 室温测量 for a room-temperature job: each reading is judged against the standard of its hour,
 * and counts once the resident signed it here or confirmed it in the miniapp (unsigned is invalid).
 */
export function TemperaturePanel({ jobId }: { jobId: number }) {
  const [value, setValue] = useState('');
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const [readings, setReadings] = useState<TemperatureReadingView[]>([]);
  const [signature, setSignature] = useState<Photo | null>(null);

  async function record() {
    const text = value.trim();
    if (!CELSIUS.test(text)) return setError('请填写室温，如 17.5（保留一位小数）');
    setError('');
    setBusy(true);
    try {
      const reading = await recordTemperature(jobId, {
        celsius: Number(text),
        measuredAt: new Date().toISOString(),
        ...(signature ? { signaturePhotoId: signature.id } : {}),
      });
      setReadings((list) => [...list, reading]);
      setValue('');
      setSignature(null);
    } catch {
      // Shown by the wrapper.
    } finally {
      setBusy(false);
    }
  }

  return (
    <View className="card temperature">
      <Text className="card__title">室温测量</Text>
      <Text className="muted">
        06:00–21:00 标准 ≥18℃，其余时间 ≥16℃；完成工单前至少记录一次，并请居民签字或在小程序中确认读数。
      </Text>
      <SignatureConfirmation signature={signature} onSaved={setSignature} idPrefix="temperature" />
      {readings.map((r, i) => (
        <Text
          key={r.id}
          id={i === readings.length - 1 ? 'job-temperature-result' : undefined}
          className={r.belowStandard ? 'temperature__reading text-breached' : 'temperature__reading text-ok'}
        >
          {r.celsius.toFixed(1)}℃（标准 ≥{r.minCelsius}℃）{r.belowStandard ? '不达标' : '达标'}
          {r.signed ? '，居民已签字' : '，待居民在小程序中确认'}
        </Text>
      ))}
      <View className={error ? 'field field--invalid' : 'field'}>
        <View className="row">
          <Input
            id="job-temperature"
            className="field__input temperature__input"
            type="digit"
            maxlength={4}
            placeholder="室温 ℃"
            value={value}
            onInput={(e) => setValue(e.detail.value)}
          />
          <ActionButton id="job-temperature-submit" size="small" busy={busy} onClick={() => void record()}>
            记录室温
          </ActionButton>
        </View>
        {error ? (
          <Text id="job-temperature-error" className="field__error">
            {error}
          </Text>
        ) : null}
      </View>
    </View>
  );
}
