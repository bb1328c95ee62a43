import { Image, Text, View } from '@tarojs/components';
import { useRef, useState } from 'react';
import { ActionButton } from '../../components/action-button';
import type { Photo } from '../../components/photo-grid';
import { ApiRequestError } from '../../services/api/request';
import { uploadPhoto } from '../../services/api/uploads';
import type { SignaturePadHandle } from './signature';
import { SignaturePad } from './signature-pad';

interface Props {
  signature: Photo | null;
  onSaved: (photo: Photo | null) => void;
  /** Element ids: `${idPrefix}-signature-pad`, `${idPrefix}-signature-save` … */
  idPrefix?: string;
}

/** The resident signs on the technician's phone; the signature is saved as an image and uploaded with the staff token. */
export function SignatureConfirmation({ signature, onSaved, idPrefix = 'job' }: Props) {
  const pad = useRef<SignaturePadHandle | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  async function save() {
    setError('');
    const path = await pad.current?.toFile();
    if (!path) return setError('请居民先在框内签名');
    setBusy(true);
    try {
      const photo = await uploadPhoto(path, 'staff');
      onSaved({ id: photo.id, path });
    } catch (e) {
      if (!(e instanceof ApiRequestError)) throw e;
      setError(e.message);
    } finally {
      setBusy(false);
    }
  }

  if (signature) {
    return (
      <View className="signature">
        <Image id={`${idPrefix}-signature-image`} className="signature__image" src={signature.path} mode="aspectFit" />
        <View className="row signature__actions">
          <Text id={`${idPrefix}-signature-saved`} className="text-ok">
            签名已保存
          </Text>
          <ActionButton id={`${idPrefix}-signature-redo`} tone="secondary" size="small" onClick={() => onSaved(null)}>
            重新签名
          </ActionButton>
        </View>
      </View>
    );
  }
  return (
    <View className="signature">
      <Text className="muted">请居民在框内签名</Text>
      <SignaturePad id={`${idPrefix}-signature-pad`} ref={pad} />
      {error ? (
        <Text id={`${idPrefix}-signature-error`} className="field__error">
          {error}
        </Text>
      ) : null}
      <View className="row signature__actions">
        <ActionButton
          id={`${idPrefix}-signature-clear`}
          tone="secondary"
          size="small"
          disabled={busy}
          onClick={() => pad.current?.clear()}
        >
          清除
        </ActionButton>
        <ActionButton id={`${idPrefix}-signature-save`} size="small" busy={busy} onClick={() => void save()}>
          保存签名
        </ActionButton>
      </View>
    </View>
  );
}
