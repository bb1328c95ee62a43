import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import type { AudienceName } from '../services/api/request';
import { ApiRequestError } from '../services/api/request';
import { MAX_PHOTOS, choosePhotos, uploadPhoto } from '../services/api/uploads';
import './photo-grid.scss';

/** A photo once uploaded: its server id, and the local path for the thumbnail. */
export interface Photo {
  id: number;
  path: string;
}

interface Props {
  /** The add tile's id; thumbnails' remove marks get `${id}-remove-${i}`, messages `${id}-error`. */
  id: string;
  label: string;
  photos: Photo[];
  max?: number;
  /** Whose token uploads them (`/api/uploads` takes both). */
  as?: AudienceName;
  optional?: boolean;
  error?: string;
  onAdd: (photo: Photo) => void;
  onRemove: (index: number) => void;
}

/**
 * Several photos, each uploaded as soon as it is taken, so that submitting only sends ids
 * (the single-photo dial picker of 自助抄表 works the same way). The add tile goes once `max` are in.
 */
export function PhotoGrid({
  id,
  label,
  photos,
  max = MAX_PHOTOS,
  as = 'resident',
  optional,
  error,
  onAdd,
  onRemove,
}: Props) {
  const [busy, setBusy] = useState(0);
  const [failure, setFailure] = useState('');
  const room = max - photos.length - busy;

  async function add() {
    if (room <= 0) return;
    const paths = await choosePhotos(room);
    if (paths.length === 0) return;
    setFailure('');
    setBusy((n) => n + paths.length);
    // One after another: the server limits how fast unattached photos may arrive.
    for (const path of paths) {
      try {
        const photo = await uploadPhoto(path, as);
        onAdd({ id: photo.id, path });
      } catch (e) {
        if (!(e instanceof ApiRequestError)) throw e;
        setFailure(e.message);
      } finally {
        setBusy((n) => n - 1);
      }
    }
  }

  const shown = failure || error;
  return (
    <View className={shown ? 'field field--invalid' : 'field'}>
      <Text className="field__label">
        {label}
        {optional ? <Text className="muted">（选填）</Text> : null}
        <Text id={`${id}-count`} className="muted">
          {' '}
          {photos.length}/{max}
        </Text>
      </Text>
      <View className="photo-grid">
        {photos.map((photo, i) => (
          <View key={photo.id} className="photo-grid__cell">
            <Image className="photo-grid__image" src={photo.path} mode="aspectFill" />
            <Text id={`${id}-remove-${i}`} className="photo-grid__remove" onClick={() => onRemove(i)}>
              ×
            </Text>
          </View>
        ))}
        {room > 0 ? (
          <View id={id} className="photo-grid__cell photo-grid__add" onClick={() => void add()}>
            <Text className="photo-grid__plus">+</Text>
            <Text className="photo-grid__hint">拍照/相册</Text>
          </View>
        ) : null}
      </View>
      {busy > 0 ? <Text className="photo-grid__status muted">照片上传中…</Text> : null}
      {shown ? (
        <Text id={`${id}-error`} className="field__error">
          {shown}
        </Text>
      ) : null}
    </View>
  );
}
