import { Input, Picker, Text, View } from '@tarojs/components';
import { APPLICATION_DOCUMENT_LABELS, type ApplicationKindDefinition } from '@utility/shared';
import { FormField } from '../../components/form-field';
import { PhotoGrid, type Photo } from '../../components/photo-grid';
import { MAX_PHOTOS } from '../../services/api/uploads';
import type { ApplicationForm } from './application-form';

interface Props {
  def: ApplicationKindDefinition;
  form: ApplicationForm;
  errors: Record<string, string>;
  /** Today in Shanghai (`YYYY-MM-DD`): dates of stopping or restoring start there. */
  today: string;
  onField: (key: string, value: string) => void;
  onPhotos: (update: (photos: ApplicationForm['photos']) => ApplicationForm['photos']) => void;
}

const PLACEHOLDERS: Record<string, string> = { phone: '手机号或固定电话', id_number: '18位身份证号', text: '' };

/** The kind's own fields (from the shared definitions), then one photo set per required document. */
export function ApplicationFields({ def, form, errors, today, onField, onPhotos }: Props) {
  return (
    <View>
      {def.fields.map((f) => (
        <FormField
          key={f.key}
          label={f.label}
          id={`application-field-${f.key}`}
          error={errors[`fields.${f.key}`]}
          optional={!f.required}
        >
          {f.input === 'date' ? (
            <Picker
              id={`application-field-${f.key}`}
              mode="date"
              value={form.fields[f.key] || today}
              start={today}
              onChange={(e) => onField(f.key, String(e.detail.value))}
            >
              <View className="field__input application__date">
                <Text className={form.fields[f.key] ? '' : 'muted'}>{form.fields[f.key] || '请选择日期'}</Text>
              </View>
            </Picker>
          ) : (
            <Input
              id={`application-field-${f.key}`}
              className="field__input"
              type={f.input === 'id_number' ? 'idcard' : 'text'}
              maxlength={f.maxLength}
              placeholder={PLACEHOLDERS[f.input] ?? ''}
              value={form.fields[f.key] ?? ''}
              onInput={(e) => onField(f.key, e.detail.value)}
            />
          )}
        </FormField>
      ))}
      <Text className="card__title application__documents">所需材料</Text>
      <Text className="muted">每项材料至少拍一张清晰照片，仅用于办理本业务。</Text>
      {def.documents.map((doc) => (
        <PhotoGrid
          key={doc}
          id={`application-doc-${doc}`}
          label={APPLICATION_DOCUMENT_LABELS[doc]}
          max={MAX_PHOTOS}
          photos={form.photos[doc] ?? []}
          error={errors[`photoIds.${doc}`]}
          onAdd={(photo: Photo) => onPhotos((p) => ({ ...p, [doc]: [...(p[doc] ?? []), photo].slice(0, MAX_PHOTOS) }))}
          onRemove={(index) => onPhotos((p) => ({ ...p, [doc]: (p[doc] ?? []).filter((_, i) => i !== index) }))}
        />
      ))}
    </View>
  );
}
