import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import type { TicketPhotoKind, TicketPhotoView } from '@utility/shared';
import { useEffect, useState } from 'react';
import { apiOf, type AudienceName } from '../services/api/request';
import './ticket-photos.scss';

export const PHOTO_KIND_LABELS: Record<TicketPhotoKind, string> = {
  resident: '用户照片',
  staff: '工作人员照片',
  before: '维修前',
  after: '维修后',
  signature: '签字确认',
  hazard: '安检照片',
};

interface Props {
  /** Test ids: the section `${id}`, each photo `${id}-${photoId}`. */
  id: string;
  title: string;
  photos: TicketPhotoView[];
  /** Whose token fetches them. */
  as: AudienceName;
}

/**
 * A ticket's photos, each fetched with the viewer's token (an image tag sends none) and labelled with who
 * took it; a tap opens the full-size viewer. Nothing is shown when there are none.
 */
export function TicketPhotos({ id, title, photos, as }: Props) {
  const [paths, setPaths] = useState<Record<number, string>>({});
  const [failed, setFailed] = useState(false);
  const key = photos.map((p) => p.id).join(',');

  useEffect(() => {
    let live = true;
    void (async () => {
      // One after another: a phone on a weak signal gets the first photo soonest.
      for (const photo of photos) {
        try {
          const path = await apiOf(as).download(photo.url);
          if (live) setPaths((known) => ({ ...known, [photo.id]: path }));
        } catch {
          if (live) setFailed(true);
        }
      }
    })();
    return () => {
      live = false;
    };
    // The list's ids say whether there is anything new to fetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, as]);

  if (!photos.length) return null;
  const loaded = photos.filter((p) => paths[p.id]).map((p) => paths[p.id]);
  return (
    <View className="ticket-photos" id={id}>
      <Text className="ticket-photos__title">{title}</Text>
      <View className="ticket-photos__grid">
        {photos.map((p) => (
          <View
            key={p.id}
            id={`${id}-${p.id}`}
            className="ticket-photos__cell"
            onClick={() => paths[p.id] && void Taro.previewImage({ urls: loaded, current: paths[p.id] })}
          >
            {paths[p.id] ? (
              <Image className="ticket-photos__image" src={paths[p.id]} mode="aspectFill" />
            ) : (
              <View className="ticket-photos__placeholder" />
            )}
            <Text className="ticket-photos__kind">{PHOTO_KIND_LABELS[p.kind]}</Text>
          </View>
        ))}
      </View>
      {failed && <Text className="ticket-photos__error">部分照片加载失败，请稍后重试</Text>}
    </View>
  );
}
