import { Image, Text, View } from '@tarojs/components';
import { useState } from 'react';
import { ApiRequestError } from '../../services/api/request';
import { choosePhotos, uploadPhoto } from '../../services/api/uploads';

interface Props {
  path: string;
  uploaded: boolean;
  error?: string;
  onUploaded: (photo: { path: string; id: number }) => void;
}

/** The dial photo: taken or chosen, uploaded at once, so submitting only sends its id. */
export function PhotoPicker({ path, uploaded, error, onUploaded }: Props) {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState('');

  async function choose() {
    if (busy) return;
    const [filePath] = await choosePhotos(1);
    if (!filePath) return; // The resident closed the camera or album.
    setBusy(true);
    setFailure('');
    try {
      const photo = await uploadPhoto(filePath);
      onUploaded({ path: filePath, id: photo.id });
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      setFailure(e.message);
    } finally {
      setBusy(false);
    }
  }

  const shown = failure || error;
  return (
    <View className={shown ? 'field field--invalid' : 'field'}>
      <Text className="field__label">表盘照片</Text>
      <View id="reading-photo" className="reading__photo" onClick={() => void choose()}>
        {path ? <Image className="reading__image" src={path} mode="aspectFit" /> : <Text>点击拍摄或选择表盘照片</Text>}
      </View>
      {busy ? <Text className="reading__status muted">照片上传中…</Text> : null}
      {!busy && uploaded ? (
        <Text id="reading-photo-done" className="reading__status text-ok">
          照片已上传，点击可重拍
        </Text>
      ) : null}
      {shown ? (
        <Text id="reading-photo-error" className="field__error">
          {shown}
        </Text>
      ) : null}
    </View>
  );
}
