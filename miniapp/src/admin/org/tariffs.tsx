import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import { TARIFF_KINDS, type DistrictView, type TariffKind, type TariffView } from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { listDistricts, listTariffs, saveTariff } from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import { centiFenToYuan, fenToYuan, parseLimit, yuanToCentiFen, yuanToFen } from './org-form';
import { DeskPicker } from '../../components/desk-picker';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

const KIND_LABELS: Record<TariffKind, string> = { gas: '阶梯气价', heating: '供热价格', power: '阶梯电价' };
const UNIT: Record<'gas' | 'power', string> = { gas: 'm³', power: 'kWh' };

interface Form {
  id: number | null;
  kind: TariffKind;
  districtId: number;
  effectiveFrom: string;
  /** Three rows of [limit, yuan] as typed; the last limit empty. */
  tiers: [string, string][];
  seasonStart: string;
  seasonEnd: string;
  priceYuan: string;
  /** Power: step 1's 峰谷 prices as typed (both empty = none). */
  peakYuan: string;
  valleyYuan: string;
}
const blank = (districtId: number): Form => ({
  id: null,
  kind: 'gas',
  districtId,
  effectiveFrom: `${new Date().getFullYear() + 1}-01-01`,
  tiers: [
    ['', ''],
    ['', ''],
    ['', ''],
  ],
  seasonStart: '11-15',
  seasonEnd: '03-15',
  priceYuan: '',
  peakYuan: '',
  valleyYuan: '',
});

function toForm(t: TariffView): Form {
  const base = { ...blank(t.districtId), id: t.id, kind: t.kind, effectiveFrom: t.effectiveFrom };
  if (t.kind === 'heating')
    return { ...base, seasonStart: t.seasonStart, seasonEnd: t.seasonEnd, priceYuan: fenToYuan(t.priceFenPerM2) };
  if (t.kind === 'gas')
    return {
      ...base,
      tiers: t.tiers.map((s) => [s.upToM3 === null ? '' : String(s.upToM3), fenToYuan(s.priceFenPerM3)]),
    };
  return {
    ...base,
    tiers: t.tiers.map((s) => [s.upToKwh === null ? '' : String(s.upToKwh), centiFenToYuan(s.priceCentiFenPerKwh)]),
    peakYuan: t.timeOfUse ? centiFenToYuan(t.timeOfUse.peakCentiFenPerKwh) : '',
    valleyYuan: t.timeOfUse ? centiFenToYuan(t.timeOfUse.valleyCentiFenPerKwh) : '',
  };
}

/** Power's 峰谷 prices: none when both are empty. */
function timeOfUseOf(f: Form): { value: object | null } | { error: string } {
  if (!f.peakYuan.trim() && !f.valleyYuan.trim()) return { value: null };
  const peak = yuanToCentiFen(f.peakYuan);
  const valley = yuanToCentiFen(f.valleyYuan);
  if (peak === null || valley === null) return { error: '峰谷电价须同时填写（元/kWh，最多四位小数）' };
  return { value: { peakCentiFenPerKwh: peak, valleyCentiFenPerKwh: valley } };
}

/** What the API takes, or a message for the first thing that is not a number. */
function toBody(f: Form): { body: object } | { error: string } {
  const head = { kind: f.kind, districtId: f.districtId, effectiveFrom: f.effectiveFrom };
  if (f.kind === 'heating') {
    const price = yuanToFen(f.priceYuan);
    if (price === null) return { error: '请填写单价（元/m²，最多两位小数）' };
    return { body: { ...head, seasonStart: f.seasonStart, seasonEnd: f.seasonEnd, priceFenPerM2: price } };
  }
  const tiers = [];
  for (const [i, [limitText, yuan]] of f.tiers.entries()) {
    const limit = parseLimit(limitText);
    // Gas is published to the fen (2.61 元/m³); power to 0.0001 元 (0.4883 元/kWh).
    const price = f.kind === 'gas' ? yuanToFen(yuan) : yuanToCentiFen(yuan);
    if (limit === undefined || price === null) return { error: `第${i + 1}档的上限或单价有误` };
    tiers.push(
      f.kind === 'gas' ? { upToM3: limit, priceFenPerM3: price } : { upToKwh: limit, priceCentiFenPerKwh: price },
    );
  }
  if (f.kind === 'gas') return { body: { ...head, tiers } };
  const timeOfUse = timeOfUseOf(f);
  if ('error' in timeOfUse) return timeOfUse;
  return { body: { ...head, tiers, timeOfUse: timeOfUse.value } };
}

/** 价格管理: price lists per district and effective date; a new date adds a list, tapping one changes it. */
function TariffsPage() {
  const [tariffs, setTariffs] = useState<TariffView[]>([]);
  const [districts, setDistricts] = useState<DistrictView[]>([]);
  const [form, setForm] = useState<Form>(blank(0));
  const [failure, setFailure] = useState('');

  const load = async () => {
    const ds = await listDistricts();
    setDistricts(ds);
    setTariffs(await listTariffs());
    setForm((f) => (f.districtId ? f : blank(ds[0]?.id ?? 0)));
  };
  useDidShow(() => void (requireStaff() && load()));

  async function submit() {
    setFailure('');
    const built = toBody(form);
    if ('error' in built) return setFailure(built.error);
    const { kind: _kind, ...patch } = built.body as { kind: string };
    try {
      await saveTariff(form.id, form.id ? patch : built.body);
      setForm(blank(form.districtId));
      await load();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }
  const setTier = (i: number, j: 0 | 1, value: string) =>
    setForm({
      ...form,
      tiers: form.tiers.map((row, k) => (k === i ? (j === 0 ? [value, row[1]] : [row[0], value]) : row)),
    });
  const summary = (t: TariffView) =>
    t.kind === 'heating'
      ? `${t.seasonStart}～${t.seasonEnd} · ${fenToYuan(t.priceFenPerM2)}元/m²`
      : toForm(t)
          .tiers.map(([limit, yuan]) => `${limit ? `≤${limit}` : '以上'}:${yuan}元`)
          .join(' / ');

  return (
    <View className="page">
      <View className="card">
        {tariffs.map((t) => (
          <View
            key={t.id}
            id={`tariff-${t.id}`}
            className={form.id === t.id ? 'org-row org-row--on' : 'org-row'}
            onClick={() => setForm(toForm(t))}
          >
            <Text>
              {districts.find((d) => d.id === t.districtId)?.name} · {KIND_LABELS[t.kind]} · {t.effectiveFrom}起
            </Text>
            <Text className="muted">{summary(t)}</Text>
          </View>
        ))}
      </View>
      <View className="card">
        <Text className="card__title">{form.id ? '修改价格' : '新增价格'}</Text>
        {form.id ? null : (
          <FormField label="类别" id="tariff-kind">
            <Chips
              id="tariff-kind"
              options={TARIFF_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))}
              value={form.kind}
              onPick={(kind) => setForm({ ...form, kind })}
            />
          </FormField>
        )}
        <FormField label="片区" id="tariff-district">
          <Chips
            id="tariff-district"
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
            value={form.districtId}
            onPick={(districtId) => setForm({ ...form, districtId })}
          />
        </FormField>
        <FormField label="生效日期" id="tariff-from">
          <DeskPicker
            id="tariff-from"
            mode="date"
            value={form.effectiveFrom}
            onChange={(e) => setForm({ ...form, effectiveFrom: String(e.detail.value) })}
          >
            <Text className="field__input">{form.effectiveFrom}</Text>
          </DeskPicker>
        </FormField>
        {form.kind === 'heating' ? (
          <>
            <FormField label="供暖期（月-日）" id="tariff-season">
              <View className="org-tier">
                <Input
                  id="tariff-season-start"
                  className="field__input"
                  value={form.seasonStart}
                  onInput={(e) => setForm({ ...form, seasonStart: e.detail.value })}
                />
                <Text>至</Text>
                <Input
                  id="tariff-season-end"
                  className="field__input"
                  value={form.seasonEnd}
                  onInput={(e) => setForm({ ...form, seasonEnd: e.detail.value })}
                />
              </View>
            </FormField>
            <FormField label="单价（元/m²·供暖期）" id="tariff-price">
              <Input
                id="tariff-price"
                type="digit"
                className="field__input"
                value={form.priceYuan}
                onInput={(e) => setForm({ ...form, priceYuan: e.detail.value })}
              />
            </FormField>
          </>
        ) : (
          <FormField
            label={`三档阶梯（年用量上限 ${UNIT[form.kind]}，单价 元/${UNIT[form.kind]}；第三档不设上限）`}
            id="tariff-tiers"
          >
            {form.tiers.map(([limit, yuan], i) => (
              <View key={i} className="org-tier">
                <Text>第{i + 1}档</Text>
                <Input
                  id={`tariff-tier-${i}-limit`}
                  type="number"
                  className="field__input"
                  placeholder={i === 2 ? '不设上限' : '上限'}
                  disabled={i === 2}
                  value={limit}
                  onInput={(e) => setTier(i, 0, e.detail.value)}
                />
                <Input
                  id={`tariff-tier-${i}-price`}
                  type="digit"
                  className="field__input"
                  placeholder="单价（元）"
                  value={yuan}
                  onInput={(e) => setTier(i, 1, e.detail.value)}
                />
              </View>
            ))}
          </FormField>
        )}
        {form.kind === 'power' ? (
          <FormField label="峰谷电价（第一档，元/kWh；不分峰谷则留空）" id="tariff-time-of-use">
            <View className="org-tier">
              <Input
                id="tariff-peak-price"
                type="digit"
                className="field__input"
                placeholder="峰时"
                value={form.peakYuan}
                onInput={(e) => setForm({ ...form, peakYuan: e.detail.value })}
              />
              <Input
                id="tariff-valley-price"
                type="digit"
                className="field__input"
                placeholder="谷时"
                value={form.valleyYuan}
                onInput={(e) => setForm({ ...form, valleyYuan: e.detail.value })}
              />
            </View>
          </FormField>
        ) : null}
        <ActionButton id="tariff-save" onClick={() => void submit()}>
          {form.id ? '保存' : '新增'}
        </ActionButton>
        {form.id ? (
          <ActionButton id="tariff-new" tone="secondary" onClick={() => setForm(blank(form.districtId))}>
            改为新增
          </ActionButton>
        ) : null}
        <Failure message={failure} />
      </View>
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(TariffsPage, 'admin-org', '价格管理');
