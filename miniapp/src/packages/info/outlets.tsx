import { Text, View } from '@tarojs/components';
import { useDidShow } from '@tarojs/taro';
import type { ServiceOutletView } from '@utility/shared';
import { useState } from 'react';
import { DialLink } from '../../components/dial-link';
import { listServiceOutlets } from '../../services/api/knowledge';
import { openMap } from '../../platform/open-map';
import './info.scss';

/** 营业网点: where to walk in, when, for what, and how to call or get there. */
export default function OutletsPage() {
  const [outlets, setOutlets] = useState<ServiceOutletView[] | null>(null);

  useDidShow(() => {
    listServiceOutlets()
      .then(setOutlets)
      .catch(() => setOutlets([]));
  });

  if (outlets === null) return <View className="page" />;
  if (!outlets.length) return <View className="page empty">暂无营业网点信息</View>;
  return (
    <View className="page info">
      {outlets.map((o) => (
        <View key={o.id} id={`outlet-${o.id}`} className="card info__item">
          <Text className="info__title">{o.name}</Text>
          <Text className="info__line">地址：{o.address}</Text>
          <Text className="info__line">营业时间：{o.hours}</Text>
          <Text className="info__line">办理业务：{o.services.join('、')}</Text>
          <View className="row info__actions">
            <DialLink id={`outlet-call-${o.id}`} phone={o.phone} className="link">
              电话 {o.phone}
            </DialLink>
            <Text id={`outlet-map-${o.id}`} className="link" onClick={() => openMap(o)}>
              查看地图
            </Text>
          </View>
        </View>
      ))}
    </View>
  );
}
