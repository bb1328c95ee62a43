import { Input, Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import {
  AREA_CLASSES,
  AREA_CLASS_LABELS,
  STATION_UTILITIES,
  type AreaClass,
  UTILITY_LABELS,
  type DistrictView,
  type StationView,
  type StationUtility,
} from '@utility/shared';
import { useState } from 'react';
import { ActionButton } from '../../components/action-button';
import { FormField } from '../../components/form-field';
import { listDistricts, listStations, saveDistrict, saveStation } from '../../services/api/org-admin';
import { ApiRequestError } from '../../services/api/request';
import { requireStaff } from '../../services/session';
import { Chips, Failure } from './chips';
import { withDeskFrame } from '../../staff/desk/desk-frame';
import './org.scss';

const NEW_DISTRICT = { id: null as number | null, code: '', name: '', areaClass: 'urban' as AreaClass };
const NEW_STATION = { id: null as number | null, code: '', name: '', districtId: 0, utility: 'gas' as StationUtility };

/** 片区与站点: lists; tap a row to change it, or fill the empty form to add one. */
function DistrictsPage() {
  const [districts, setDistricts] = useState<DistrictView[]>([]);
  const [stations, setStations] = useState<StationView[]>([]);
  const [district, setDistrict] = useState(NEW_DISTRICT);
  const [station, setStation] = useState(NEW_STATION);
  const [failure, setFailure] = useState('');

  const load = async () => {
    setDistricts(await listDistricts());
    setStations(await listStations());
  };
  useDidShow(() => void (requireStaff() && load()));

  async function run(work: () => Promise<unknown>) {
    setFailure('');
    try {
      await work();
      setDistrict(NEW_DISTRICT);
      setStation(NEW_STATION);
      await load();
    } catch (error) {
      if (!(error instanceof ApiRequestError)) throw error;
      setFailure(error.message);
    }
  }
  const districtName = (id: number) => districts.find((d) => d.id === id)?.name ?? '';

  return (
    <View className="page">
      <View className="card">
        <Text className="card__title">片区</Text>
        {districts.map((d) => (
          <View
            key={d.id}
            id={`district-${d.id}`}
            className={district.id === d.id ? 'org-row org-row--on' : 'org-row'}
            onClick={() => setDistrict(d)}
          >
            <Text>{d.name}</Text>
            <Text className="muted">
              {d.code} · {AREA_CLASS_LABELS[d.areaClass]}
            </Text>
          </View>
        ))}
        <FormField label="编码" id="district-code">
          <Input
            id="district-code"
            className="field__input"
            value={district.code}
            onInput={(e) => setDistrict({ ...district, code: e.detail.value })}
          />
        </FormField>
        <FormField label="名称" id="district-name">
          <Input
            id="district-name"
            className="field__input"
            value={district.name}
            onInput={(e) => setDistrict({ ...district, name: e.detail.value })}
          />
        </FormField>
        <FormField label="地区类别（电力抢修到场时限）" id="district-area">
          <Chips
            id="district-area"
            options={AREA_CLASSES.map((a) => ({ value: a, label: AREA_CLASS_LABELS[a] }))}
            value={district.areaClass}
            onPick={(areaClass) => setDistrict({ ...district, areaClass })}
          />
        </FormField>
        <ActionButton
          id="district-save"
          onClick={() =>
            run(() =>
              saveDistrict(district.id, { code: district.code, name: district.name, areaClass: district.areaClass }),
            )
          }
        >
          {district.id ? '保存片区' : '新增片区'}
        </ActionButton>
      </View>
      <View className="card">
        <Text className="card__title">站点</Text>
        {stations.map((s) => (
          <View
            key={s.id}
            id={`station-${s.id}`}
            className={station.id === s.id ? 'org-row org-row--on' : 'org-row'}
            onClick={() => setStation(s)}
          >
            <Text>{s.name}</Text>
            <Text className="muted">
              {districtName(s.districtId)} · {UTILITY_LABELS[s.utility]}
            </Text>
          </View>
        ))}
        <FormField label="编码" id="station-code">
          <Input
            id="station-code"
            className="field__input"
            value={station.code}
            onInput={(e) => setStation({ ...station, code: e.detail.value })}
          />
        </FormField>
        <FormField label="名称" id="station-name">
          <Input
            id="station-name"
            className="field__input"
            value={station.name}
            onInput={(e) => setStation({ ...station, name: e.detail.value })}
          />
        </FormField>
        <FormField label="所属片区" id="station-district">
          <Chips
            id="station-district"
            options={districts.map((d) => ({ value: d.id, label: d.name }))}
            value={station.districtId}
            onPick={(districtId) => setStation({ ...station, districtId })}
          />
        </FormField>
        <FormField label="供应" id="station-utility">
          <Chips
            id="station-utility"
            options={STATION_UTILITIES.map((u) => ({ value: u, label: UTILITY_LABELS[u] }))}
            value={station.utility}
            onPick={(utility) => setStation({ ...station, utility })}
          />
        </FormField>
        <ActionButton
          id="station-save"
          onClick={() =>
            run(() =>
              saveStation(station.id, {
                code: station.code,
                name: station.name,
                districtId: station.districtId,
                utility: station.utility,
              }),
            )
          }
        >
          {station.id ? '保存站点' : '新增站点'}
        </ActionButton>
      </View>
      <Failure message={failure} />
    </View>
  );
}

// At a desk (≥ 1024 px, H5) inside the console's shell; the phone page below that and in the mini-program.
export default withDeskFrame(DistrictsPage, 'admin-org', '片区与站点');
