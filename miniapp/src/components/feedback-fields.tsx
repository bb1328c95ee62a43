import { Picker, Text, Textarea, View } from '@tarojs/components';
import type { BoundAccountView } from '@utility/shared';
import { UTILITY_LABELS } from '../format/accounts';
import { MAX_PHOTOS } from '../services/api/uploads';
import { FormField } from './form-field';
import { PhotoGrid, type Photo } from './photo-grid';

const NO_ACCOUNT = '不涉及具体户号';
const accountLabel = (a: BoundAccountView) =>
  `${UTILITY_LABELS[a.utility] ?? a.utility} · ${a.accountNo}${a.label ? `（${a.label}）` : ''}`;

/** The account a complaint, question or suggestion is about, if any (optional: 不涉及具体户号). */
export function AccountPicker(props: {
  id: string;
  accounts: BoundAccountView[];
  value: number;
  onChange: (accountId: number) => void;
}) {
  const { id, accounts, value, onChange } = props;
  if (!accounts.length) return null;
  const account = accounts.find((a) => a.id === value);
  return (
    <FormField label="涉及户号" id={id} optional>
      <Picker
        id={id}
        mode="selector"
        range={[NO_ACCOUNT, ...accounts.map(accountLabel)]}
        value={account ? accounts.indexOf(account) + 1 : 0}
        onChange={(e) => onChange(Number(e.detail.value) > 0 ? accounts[Number(e.detail.value) - 1].id : 0)}
      >
        <View className="row field__input account-picker">
          <Text id={`${id}-value`}>{account ? accountLabel(account) : NO_ACCOUNT}</Text>
          <Text className="link">选择</Text>
        </View>
      </Picker>
    </FormField>
  );
}

interface WrittenForm {
  text: string;
  photos: Photo[];
}

/**
 * What a resident writes in a complaint, a 举报 or a suggestion: the text (up to 2,000 characters) and
 * optional photos. Ids: `${id}-text`, `${id}-photo`.
 */
export function TextWithPhotos<F extends WrittenForm>(props: {
  id: string;
  label: string;
  placeholder: string;
  photoLabel?: string;
  form: F;
  errors: Partial<Record<'text' | 'photos', string>>;
  change: (patch: Partial<F> | ((form: F) => Partial<F>)) => void;
}) {
  const { id, form, errors, change } = props;
  return (
    <>
      <FormField label={props.label} id={`${id}-text`} error={errors.text}>
        <Textarea
          id={`${id}-text`}
          className="field__textarea"
          placeholder={props.placeholder}
          maxlength={2000}
          value={form.text}
          onInput={(e) => change({ text: e.detail.value } as Partial<F>)}
        />
      </FormField>
      <PhotoGrid
        id={`${id}-photo`}
        label={props.photoLabel ?? '照片'}
        optional
        max={MAX_PHOTOS}
        photos={form.photos}
        error={errors.photos}
        onAdd={(photo) => change((f) => ({ photos: [...f.photos, photo].slice(0, MAX_PHOTOS) }) as Partial<F>)}
        onRemove={(index) => change((f) => ({ photos: f.photos.filter((_, i) => i !== index) }) as Partial<F>)}
      />
    </>
  );
}
